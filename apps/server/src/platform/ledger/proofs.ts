// Proofs from stored nodes: the library plans which perfect subtrees a proof needs (O(log n)), one
// query reads them, and the plan folds them into the proof hashes.
import { consistencyProofPlan, inclusionProofPlan, nodesToRead, proofFromPlan, type HashSuite, type ProofHashPlan } from '@opencourt/ledger';
import { LedgerErrors } from './ledger.errors.ts';
import { ledgerStore, type Queryable } from './ledger.store.ts';

async function resolve(q: Queryable, suite: HashSuite, plan: ProofHashPlan[]): Promise<Uint8Array[]> {
  const nodes = await ledgerStore.readNodes(q, nodesToRead(plan));
  return proofFromPlan(suite, plan, (level, index) => {
    const hash = nodes.get(`${level}/${index}`);
    if (!hash) throw LedgerErrors.LEDGER_DAMAGED(`账本节点 (${level}, ${index}) 缺失`);
    return hash;
  });
}

export const inclusionProofFromStore = (q: Queryable, suite: HashSuite, index: number, size: number) => resolve(q, suite, inclusionProofPlan(index, size));

export const consistencyProofFromStore = (q: Queryable, suite: HashSuite, from: number, to: number) => resolve(q, suite, consistencyProofPlan(from, to));
