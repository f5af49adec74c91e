// Proofs from stored nodes: the library plans which perfect subtrees a proof needs (O(log n)), one
// query reads them, and the plan folds them into the proof hashes.
import { consistencyProofPlan, inclusionProofPlan, proofFromPlan, type HashSuite, type NodeId, type ProofHashPlan } from '@opencourt/ledger';
import { LedgerErrors } from './ledger.errors.ts';
import { ledgerStore, PATH_LEVELS, type Queryable } from './ledger.store.ts';

/**
 * Hashes of large subtrees (level ≥ PATH_LEVELS, i.e. 256 leaves or more), kept in memory: a stored
 * node never changes once its batch commits, and the few large ones are in nearly every proof, so most
 * of a proof's reads are saved. Small subtrees are read from the database every time (with the leaf:
 * `findReceiptRows`). Least recently used entries go first once `maxEntries` are held. `ledger verify`
 * and consistency proofs never use it: they read what is stored now.
 */
export function createNodeCache(maxEntries = 100_000, minLevel = PATH_LEVELS) {
  // One number per node: exact while index < 2^47, i.e. for any tree below 2^55 leaves at level ≥ 8.
  const nodes = new Map<number, Buffer>();
  const key = (level: number, index: number) => index * 64 + level;
  return {
    minLevel,
    get(level: number, index: number): Buffer | undefined {
      const k = key(level, index);
      const hash = nodes.get(k);
      if (hash) {
        nodes.delete(k);
        nodes.set(k, hash);
      }
      return hash;
    },
    set(level: number, index: number, hash: Buffer) {
      if (nodes.size >= maxEntries) nodes.delete(nodes.keys().next().value!);
      nodes.set(key(level, index), hash);
    },
  };
}

export type NodeCache = ReturnType<typeof createNodeCache>;

/** Hashes a caller already read (e.g. with the leaf), by (level, index); undefined when it has not. */
export type KnownNodes = (level: number, index: number) => Buffer | undefined;

async function resolve(q: Queryable, suite: HashSuite, plan: ProofHashPlan[], cache?: NodeCache, known?: KnownNodes): Promise<Uint8Array[]> {
  const held = (level: number, index: number) => known?.(level, index) ?? (cache && level >= cache.minLevel ? cache.get(level, index) : undefined);
  // The ranges of a proof are disjoint, so no node is asked for twice.
  const missing: NodeId[] = [];
  for (const step of plan) for (const node of step.nodes) if (!held(node.level, node.index)) missing.push(node);
  const read = missing.length ? await ledgerStore.readNodes(q, missing) : undefined;
  if (read && cache) {
    for (const node of missing) {
      const hash = read.get(`${node.level}/${node.index}`);
      if (hash && node.level >= cache.minLevel) cache.set(node.level, node.index, hash);
    }
  }
  return proofFromPlan(suite, plan, (level, index) => {
    const hash = held(level, index) ?? read?.get(`${level}/${index}`);
    if (!hash) throw LedgerErrors.LEDGER_DAMAGED(`账本节点 (${level}, ${index}) 缺失`);
    return hash;
  });
}

/**
 * Inclusion proof of leaf `index` in the tree of `size`: nodes from `known` first, then (levels the
 * cache keeps) the cache, then one query for the rest, if any.
 */
export const inclusionProofFromStore = (q: Queryable, suite: HashSuite, index: number, size: number, cache?: NodeCache, known?: KnownNodes) =>
  resolve(q, suite, inclusionProofPlan(index, size), cache, known);

/**
 * The lower nodes `ledgerStore.findReceiptRows` read with the leaf, as known nodes. Below PATH_LEVELS,
 * an inclusion proof in the tree of `size` needs only these: the leaf's sibling k, node
 * (k, (index >> k) xor 1), where that subtree is complete, and otherwise a fold of the tree's right
 * edge, the node (k, (size >> k) − 1) for every bit k set in `size`.
 */
export function lowerNodesOf(index: number, size: number, rows: { siblings: readonly (Buffer | null)[]; edge: readonly (Buffer | null)[] }): KnownNodes {
  return (level, node) => {
    if (level >= PATH_LEVELS) return undefined;
    const own = Math.floor(index / 2 ** level);
    if (node === (own % 2 === 0 ? own + 1 : own - 1) && rows.siblings[level]) return rows.siblings[level]!;
    const edge = Math.floor(size / 2 ** level);
    return edge % 2 === 1 && node === edge - 1 ? (rows.edge[level] ?? undefined) : undefined;
  };
}

/** Always read from the database: what witnesses are shown must be what is stored now. */
export const consistencyProofFromStore = (q: Queryable, suite: HashSuite, from: number, to: number) => resolve(q, suite, consistencyProofPlan(from, to));
