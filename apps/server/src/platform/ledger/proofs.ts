// Proofs from stored nodes: the library plans which perfect subtrees a proof needs (O(log n)), one
// query reads them, and the plan folds them into the proof hashes.
import { consistencyProofPlan, inclusionProofPlan, nodesToRead, proofFromPlan, type HashSuite, type ProofHashPlan } from '@opencourt/ledger';
import { LedgerErrors } from './ledger.errors.ts';
import { ledgerStore, type Queryable } from './ledger.store.ts';

/**
 * Hashes of large subtrees (level ≥ 8, i.e. 256 leaves or more), kept in memory: a stored node never
 * changes once its batch commits, and the few large ones are in nearly every proof, so most of a
 * proof's reads are saved. Small subtrees are read from the database every time. Least recently used
 * entries go first once `maxEntries` are held.
 */
export function createNodeCache(maxEntries = 100_000, minLevel = 8) {
  const nodes = new Map<string, Buffer>();
  return {
    minLevel,
    get(key: string): Buffer | undefined {
      const hash = nodes.get(key);
      if (hash) {
        nodes.delete(key);
        nodes.set(key, hash);
      }
      return hash;
    },
    set(key: string, hash: Buffer) {
      if (nodes.size >= maxEntries) nodes.delete(nodes.keys().next().value!);
      nodes.set(key, hash);
    },
  };
}

export type NodeCache = ReturnType<typeof createNodeCache>;

async function resolve(q: Queryable, suite: HashSuite, plan: ProofHashPlan[], cache?: NodeCache): Promise<Uint8Array[]> {
  const ids = nodesToRead(plan);
  const found = new Map<string, Buffer>();
  const missing = [];
  for (const id of ids) {
    const key = `${id.level}/${id.index}`;
    const hash = cache && id.level >= cache.minLevel ? cache.get(key) : undefined;
    if (hash) found.set(key, hash);
    else missing.push(id);
  }
  for (const [key, hash] of await ledgerStore.readNodes(q, missing)) {
    found.set(key, hash);
    if (cache && Number(key.slice(0, key.indexOf('/'))) >= cache.minLevel) cache.set(key, hash);
  }
  return proofFromPlan(suite, plan, (level, index) => {
    const hash = found.get(`${level}/${index}`);
    if (!hash) throw LedgerErrors.LEDGER_DAMAGED(`账本节点 (${level}, ${index}) 缺失`);
    return hash;
  });
}

export const inclusionProofFromStore = (q: Queryable, suite: HashSuite, index: number, size: number, cache?: NodeCache) =>
  resolve(q, suite, inclusionProofPlan(index, size), cache);

/** Always read from the database: what witnesses are shown must be what is stored now. */
export const consistencyProofFromStore = (q: Queryable, suite: HashSuite, from: number, to: number) => resolve(q, suite, consistencyProofPlan(from, to));
