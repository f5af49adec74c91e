// A C2SP tlog-witness (https://c2sp.org/tlog-witness): for each log it knows, it remembers the last
// checkpoint it cosigned, and cosigns a new one only when the log signed it and a consistency proof
// shows it extends that one. It never cosigns a fork (two trees of one size, or one that does not
// extend the last) and never goes back to a smaller tree. Checking and recording the new state
// happen under one lock per log, so two requests can never roll each other back.
import {
  bytesEqual,
  createNoteSigner,
  createNoteVerifier,
  emptyRoot,
  isLedgerError,
  NOTE_KEY_TYPE,
  parseSignedNote,
  parseSignerKey,
  signNote,
  toBase64,
  verifyConsistency,
  verifyWitnessedCheckpoint,
  formatVerifierKey,
  type HashSuite,
  type NoteSigner,
  type NoteVerifier,
} from '@opencourt/ledger';
import { serverHashSuite } from '../hash.ts';
import { parseAddCheckpoint, TLOG_SIZE_CONTENT_TYPE, WitnessRequestError } from './protocol.ts';

/** A log the witness follows: its origin line, its verifier key, and the hash its tree uses. */
export type KnownLog = { origin: string; verifierKey: string; hashSuite: 'sha256' | 'sm3' };

/** What the witness last cosigned for one log. */
export type CosignedState = { size: number; rootHash: Uint8Array; note: string; cosignedAt: string };

export type WitnessStateStore = {
  get(origin: string): Promise<CosignedState | undefined>;
  /** Must be durable before it returns: the witness answers only after it. */
  put(origin: string, state: CosignedState): Promise<void>;
  /** Keeps a refused, log-signed request: it may be proof that the log misbehaved. */
  keepEvidence(origin: string, reason: string, body: string): Promise<void>;
};

export type WitnessResponse = { status: number; contentType: string; body: string };

const text = (status: number, body: string): WitnessResponse => ({ status, contentType: 'text/plain; charset=utf-8', body: body.endsWith('\n') ? body : `${body}\n` });
const sizeConflict = (size: number): WitnessResponse => ({ status: 409, contentType: TLOG_SIZE_CONTENT_TYPE, body: `${size}\n` });

export function createWitness(deps: { signerKey: string; logs: readonly KnownLog[]; store: WitnessStateStore; now?: () => Date }) {
  const key = parseSignerKey(deps.signerKey);
  if (key.type !== NOTE_KEY_TYPE.cosignatureV1) throw new Error('a witness key must be a cosignature/v1 key (type 0x04)');
  const now = deps.now ?? (() => new Date());
  const signer: NoteSigner = createNoteSigner(key, now);
  const verifierKey = formatVerifierKey(key.name, key.type, key.publicKey);
  const logs = new Map<string, { verifier: NoteVerifier; suite: HashSuite; log: KnownLog }>();
  for (const log of deps.logs) logs.set(log.origin, { verifier: createNoteVerifier(log.verifierKey), suite: serverHashSuite(log.hashSuite), log });
  const locks = new Map<string, Promise<unknown>>();

  /** Runs `work` after every earlier request for the same log has finished. */
  function serialised<T>(origin: string, work: () => Promise<T>): Promise<T> {
    const previous = locks.get(origin) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => {});
    locks.set(origin, settled);
    void settled.then(() => {
      if (locks.get(origin) === settled) locks.delete(origin);
    });
    return next;
  }

  function cosignatureLines(checkpointText: string): string {
    // The signature block of the note this witness would sign: its cosignature line(s) only.
    return signNote(checkpointText, [signer]).slice(checkpointText.length + 1);
  }

  async function addCheckpoint(body: string): Promise<WitnessResponse> {
    let request;
    try {
      request = parseAddCheckpoint(body);
    } catch (err) {
      if (err instanceof WitnessRequestError) return text(400, err.message);
      throw err;
    }
    let origin: string;
    try {
      origin = parseSignedNote(request.note).text.split('\n')[0]!;
    } catch (err) {
      return text(400, `malformed checkpoint note: ${(err as Error).message}`);
    }
    const known = logs.get(origin);
    if (!known) return text(404, `unknown log origin: ${origin}`);
    const { suite, verifier } = known;

    let checkpoint;
    try {
      ({ checkpoint } = verifyWitnessedCheckpoint(request.note, { log: verifier, witnesses: [], quorum: 0, suite, origin }));
    } catch (err) {
      if (isLedgerError(err, 'CHECKPOINT_MALFORMED')) return text(400, err.message);
      if (isLedgerError(err)) return text(403, `not signed by the log's key: ${err.message}`);
      throw err;
    }
    if (request.proof.some((hash) => hash.length !== suite.size)) return text(400, `proof hashes must be ${suite.size} bytes`);

    return serialised(origin, async () => {
      const last = (await deps.store.get(origin)) ?? { size: 0, rootHash: emptyRoot(suite), note: '', cosignedAt: '' };
      // A smaller tree than the one already cosigned is a rollback, whatever old size is claimed.
      if (checkpoint.size < last.size) return sizeConflict(last.size);
      if (request.oldSize > checkpoint.size) return text(400, `old size ${request.oldSize} exceeds the checkpoint size ${checkpoint.size}`);
      if (request.oldSize !== last.size) return sizeConflict(last.size);
      if (checkpoint.size === last.size && !bytesEqual(checkpoint.rootHash, last.rootHash)) {
        await deps.store.keepEvidence(origin, 'fork-same-size', body);
        return sizeConflict(last.size);
      }
      if (checkpoint.size === 0 && !bytesEqual(checkpoint.rootHash, emptyRoot(suite))) return text(422, 'a tree of size 0 has the empty-tree root');
      try {
        verifyConsistency(suite, { fromSize: last.size, toSize: checkpoint.size, fromRoot: last.rootHash, toRoot: checkpoint.rootHash, proof: request.proof });
      } catch (err) {
        if (!isLedgerError(err)) throw err;
        await deps.store.keepEvidence(origin, 'inconsistent', body);
        return text(422, `consistency proof from ${last.size} to ${checkpoint.size} does not verify: ${err.message}`);
      }
      const checkpointText = parseSignedNote(request.note).text;
      const lines = cosignatureLines(checkpointText);
      await deps.store.put(origin, { size: checkpoint.size, rootHash: checkpoint.rootHash, note: request.note, cosignedAt: now().toISOString() });
      return text(200, lines);
    });
  }

  return {
    name: key.name,
    verifierKey,
    addCheckpoint,
    /** What the witness tells anyone who asks: who it is and which logs it follows, and where each stands. */
    async describe() {
      const out = [];
      for (const { log } of logs.values()) {
        const state = await deps.store.get(log.origin);
        out.push({ origin: log.origin, verifierKey: log.verifierKey, hashSuite: log.hashSuite, size: state?.size ?? 0, rootHash: state ? toBase64(state.rootHash) : null });
      }
      return { name: key.name, verifierKey, logs: out };
    },
  };
}

export type Witness = ReturnType<typeof createWitness>;
