// The log's identity, made once on first start: origin, hash suite, the Ed25519 note key (its signer
// key sealed by the master key) and the signed checkpoint of the empty tree. Every process, and every
// command, opens the same log from the database.
import {
  createNoteSigner,
  emptyRoot,
  formatCheckpoint,
  generateKeyPair,
  NOTE_KEY_TYPE,
  signNote,
  type HashSuite,
  type NoteSigner,
} from '@opencourt/ledger';
import type pg from 'pg';
import type { Clock } from '../clock/index.ts';
import type { Keyring } from '../crypto/index.ts';
import { serverHashSuite } from './hash.ts';
import { ledgerStore, type LogState } from './ledger.store.ts';

export type LedgerSettings = {
  origin: string;
  /** Whether LEDGER_ORIGIN was set (a derived default yields to the log's stored origin). */
  originExplicit: boolean;
  hashSuite: 'sha256' | 'sm3';
  hashExplicit: boolean;
  /** Publish a checkpoint only with this many witnesses' cosignatures; 0 publishes it at once. */
  quorum: number;
};

export type LogIdentity = {
  origin: string;
  suite: HashSuite;
  keyName: string;
  verifierKey: string;
};

export type OpenLog = LogIdentity & { signer(): NoteSigner };

export class LedgerConfigError extends Error {
  override name = 'LedgerConfigError';
}

/** The signed note of a checkpoint. */
export function signCheckpoint(signer: NoteSigner, suite: HashSuite, origin: string, size: number, rootHash: Uint8Array): string {
  return signNote(formatCheckpoint({ origin, size, rootHash, extensions: [] }, suite), [signer]);
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const out = await work(client);
    await client.query('commit');
    return out;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

async function createLog(pool: pg.Pool, keyring: Keyring, clock: Clock, settings: LedgerSettings): Promise<void> {
  const suite = serverHashSuite(settings.hashSuite);
  // The key is named after the origin, as C2SP logs do.
  const { signerKey, verifierKey } = generateKeyPair(settings.origin, NOTE_KEY_TYPE.ed25519);
  const root = Buffer.from(emptyRoot(suite));
  await inTransaction(pool, async (client) => {
    const now = clock.now();
    const created = await ledgerStore.createState(
      client,
      { origin: settings.origin, hashSuite: suite.name, rootHash: root, keyName: settings.origin, verifierKey, sealedSignerKey: keyring.seal(signerKey) },
      now,
    );
    if (!created) return;
    const note = signCheckpoint(createNoteSigner(signerKey), suite, settings.origin, 0, root);
    await ledgerStore.insertCheckpoint(client, { size: 0, rootHash: root, note, publish: settings.quorum === 0 }, now);
  });
}

/** Applies an explicit LEDGER_HASH to a log that has no leaves and no cosignatures yet; refuses otherwise. */
async function reconcileSuite(pool: pg.Pool, keyring: Keyring, clock: Clock, settings: LedgerSettings, state: LogState): Promise<void> {
  if (!settings.hashExplicit || state.hashSuite === settings.hashSuite) return;
  await inTransaction(pool, async (client) => {
    const locked = await ledgerStore.loadState(client, { forUpdate: true });
    if (!locked || locked.hashSuite === settings.hashSuite) return;
    const cosigned = await ledgerStore.cosignatures(client, 0);
    if (locked.size > 0 || cosigned.length > 0) {
      throw new LedgerConfigError(
        `LEDGER_HASH=${settings.hashSuite}, but the log already uses ${locked.hashSuite} and has ${locked.size > 0 ? 'leaves' : 'witnessed checkpoints'}; ` +
          `its hash suite cannot change (账本已有记录，哈希算法不能再更改)`,
      );
    }
    const suite = serverHashSuite(settings.hashSuite);
    const root = Buffer.from(emptyRoot(suite));
    const now = clock.now();
    await ledgerStore.changeEmptyLogSuite(client, suite.name, root, now);
    const signer = createNoteSigner(keyring.open(locked.sealedSignerKey).toString('utf8'));
    await ledgerStore.insertCheckpoint(client, { size: 0, rootHash: root, note: signCheckpoint(signer, suite, locked.origin, 0, root), publish: settings.quorum === 0 }, now);
  });
}

/** The identity of an existing log, for commands that only read it; throws if there is none yet. */
export async function readLogIdentity(pool: pg.Pool): Promise<LogIdentity> {
  const state = await ledgerStore.loadState(pool);
  if (!state) throw new LedgerConfigError('there is no ledger in this database yet (it is created when the server first starts) / 数据库中还没有账本');
  return { origin: state.origin, suite: serverHashSuite(state.hashSuite), keyName: state.keyName, verifierKey: state.verifierKey };
}

/** Opens the log, creating it on first start. */
export async function openLog(deps: { pool: pg.Pool; keyring: Keyring; clock: Clock; settings: LedgerSettings }): Promise<OpenLog> {
  const { pool, keyring, clock, settings } = deps;
  let state = await ledgerStore.loadState(pool);
  if (!state) {
    await createLog(pool, keyring, clock, settings);
    state = (await ledgerStore.loadState(pool))!;
  }
  if (settings.originExplicit && state.origin !== settings.origin) {
    throw new LedgerConfigError(`LEDGER_ORIGIN=${settings.origin}, but the log's origin is ${state.origin}; a log's origin never changes (账本的 origin 不能更改)`);
  }
  await reconcileSuite(pool, keyring, clock, settings, state);
  state = (await ledgerStore.loadState(pool))!;
  const sealed = state.sealedSignerKey;
  let signer: NoteSigner | undefined;
  return {
    origin: state.origin,
    suite: serverHashSuite(state.hashSuite),
    keyName: state.keyName,
    verifierKey: state.verifierKey,
    // Unsealed only where checkpoints are signed (the sequencer), not in processes that only serve proofs.
    signer: () => (signer ??= createNoteSigner(keyring.open(sealed).toString('utf8'))),
  };
}
