// Gets the latest checkpoint cosigned by the configured witnesses and publishes it once a quorum has.
// One process at a time runs a round (a session advisory lock, with no transaction held open across
// the HTTP calls). Each witness is sent the checkpoint with a consistency proof from the size it last
// cosigned; a 409 names that size, so the log proves from there and tries again once. A witness that
// is down or refuses is retried with back-off; nothing is published without the quorum.
import {
  createNoteVerifier,
  formatSignedNote,
  parseSignedNote,
  verifyWitnessedCheckpoint,
  type NoteSignature,
} from '@opencourt/ledger';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { Clock } from '../clock/index.ts';
import { retryDelayMs, type BackoffPolicy } from '../jobs/index.ts';
import { ledgerStore, PUBLISHER_LOCK, type StoredCheckpoint, type WitnessRow } from './ledger.store.ts';
import type { OpenLog } from './log-setup.ts';
import { consistencyProofFromStore } from './proofs.ts';
import { submitCheckpoint, type ConfiguredWitness } from './witness-client.ts';

export const WITNESS_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 };

export type PublisherOutcome =
  | { outcome: 'published'; size: number; cosignatures: number }
  | { outcome: 'waiting'; size: number; cosignatures: number }
  | { outcome: 'idle' }
  | { outcome: 'busy' };

/** The log's note with the given cosignature lines added. */
export function withCosignatures(note: string, lines: readonly string[]): string {
  const signed = parseSignedNote(note);
  const cosignatures: NoteSignature[] = lines.flatMap((line) => parseSignedNote(`${signed.text}\n${line}`).signatures);
  return formatSignedNote({ text: signed.text, signatures: [...signed.signatures, ...cosignatures] });
}

export function createPublisher(deps: {
  pool: pg.Pool;
  log: OpenLog;
  clock: Clock;
  logger: FastifyBaseLogger;
  witnesses: readonly ConfiguredWitness[];
  quorum: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  fetch?: typeof fetch;
}) {
  const { pool, log, clock, logger, witnesses, quorum } = deps;
  const names = witnesses.map((w) => w.name);
  const logVerifier = createNoteVerifier(log.verifierKey);
  const witnessVerifiers = witnesses.map((w) => createNoteVerifier(w.verifierKey));
  let registered = false;

  async function fail(w: WitnessRow, error: string) {
    const now = clock.now();
    const retryAt = new Date(now.getTime() + retryDelayMs(w.failures + 1, deps.backoff ?? WITNESS_BACKOFF, deps.random));
    await ledgerStore.witnessFailed(pool, w.name, error, retryAt, now);
    logger.warn({ witness: w.name, url: w.url, error, retryAt }, 'witness did not cosign; will retry');
  }

  /** Asks one witness to cosign `checkpoint`; records its cosignature or the failure. */
  async function askWitness(row: WitnessRow, checkpoint: StoredCheckpoint): Promise<void> {
    const witness = witnesses.find((w) => w.name === row.name)!;
    let oldSize = row.knownSize;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (oldSize > checkpoint.size) return fail(row, `the witness has cosigned size ${oldSize}, beyond the log's latest checkpoint ${checkpoint.size}`);
      let answer;
      try {
        const proof = await consistencyProofFromStore(pool, log.suite, oldSize, checkpoint.size);
        answer = await submitCheckpoint(witness, { oldSize, proof, note: checkpoint.note }, deps.fetch);
      } catch (err) {
        return fail(row, `unreachable: ${(err as Error).message}`);
      }
      if (answer.kind === 'cosigned') {
        const now = clock.now();
        await ledgerStore.addCosignature(pool, { size: checkpoint.size, witness: row.name, line: answer.line, timestamp: answer.timestamp }, now);
        await ledgerStore.witnessSucceeded(pool, row.name, checkpoint.size, now);
        return;
      }
      if (answer.kind === 'conflict' && answer.size !== oldSize && answer.size <= checkpoint.size) {
        // The witness is elsewhere than we thought: prove from where it is.
        await ledgerStore.witnessKnownSize(pool, row.name, answer.size, clock.now());
        oldSize = answer.size;
        continue;
      }
      const why = answer.kind === 'conflict' ? `409: the witness holds a different tree of size ${answer.size}` : `${answer.status}: ${answer.message}`;
      return fail(row, why);
    }
    return fail(row, 'the witness moved while being asked');
  }

  async function publishIfQuorum(checkpoint: StoredCheckpoint): Promise<number> {
    const cosigned = (await ledgerStore.cosignatures(pool, checkpoint.size)).filter((c) => names.includes(c.witness));
    if (cosigned.length < quorum) return cosigned.length;
    const note = withCosignatures(checkpoint.note, cosigned.map((c) => c.line));
    if (note === checkpoint.cosignedNote) return cosigned.length;
    // Never publish what a verifier would refuse.
    verifyWitnessedCheckpoint(note, { log: logVerifier, witnesses: witnessVerifiers, quorum, suite: log.suite, origin: log.origin });
    await ledgerStore.publish(pool, checkpoint.size, note, clock.now());
    return cosigned.length;
  }

  async function round(): Promise<PublisherOutcome> {
    if (!registered) {
      await ledgerStore.upsertWitnesses(pool, witnesses, clock.now());
      registered = true;
    }
    const checkpoint = await ledgerStore.latestCheckpoint(pool);
    if (!checkpoint) return { outcome: 'idle' };
    const done = new Set((await ledgerStore.cosignatures(pool, checkpoint.size)).map((c) => c.witness));
    const now = clock.now();
    const due = (await ledgerStore.witnesses(pool, names)).filter((w) => !done.has(w.name) && (!w.retryAt || w.retryAt <= now));
    if (!due.length && (checkpoint.publishedAt || done.size < quorum)) {
      return checkpoint.publishedAt ? { outcome: 'idle' } : { outcome: 'waiting', size: checkpoint.size, cosignatures: done.size };
    }
    await Promise.all(due.map((w) => askWitness(w, checkpoint)));
    const cosignatures = await publishIfQuorum(checkpoint);
    return cosignatures >= quorum ? { outcome: 'published', size: checkpoint.size, cosignatures } : { outcome: 'waiting', size: checkpoint.size, cosignatures };
  }

  return {
    /** One round for the latest checkpoint; 'busy' when another process is running one. */
    async runOnce(): Promise<PublisherOutcome> {
      if (!witnesses.length) return { outcome: 'idle' };
      const client = await pool.connect();
      let locked = false;
      try {
        locked = (await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [PUBLISHER_LOCK])).rows[0]!.locked;
        if (!locked) return { outcome: 'busy' };
        return await round();
      } finally {
        if (locked) await client.query('select pg_advisory_unlock($1)', [PUBLISHER_LOCK]).catch(() => {});
        client.release();
      }
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
