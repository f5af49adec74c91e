// Transaction ids (xid8) in a backup belong to the cluster that made it. The outbox consumers and the
// ledger sequencer keep cursors at a (tx_id, id) and read on from there, so in a cluster whose
// transaction ids are lower than the saved ones, every new row would sort before the cursors and be
// passed over for ever. A restore therefore maps the saved ids, keeping their order, below the id of
// the restoring transaction, so whatever is written afterwards sorts after all of them.
//
// Full order needs one id per distinct saved value, and a fresh cluster has used only a few hundred.
// What must be kept is narrower: every row's place relative to every cursor (before, at, or after
// it). Runs of values between two cursor values may share one id without changing that; runs are
// merged from the oldest (delivered everywhere) upwards, only as far as the room below requires.

/** The smallest normal transaction id (0 means none, 1 and 2 are reserved by PostgreSQL). */
export const FIRST_NORMAL_XID = 3n;

export type XidRebase = {
  /** The id a saved value is restored as. */
  map(xid: bigint): bigint;
  /** How many saved values share an id with another (0 when the whole order is kept). */
  merged: number;
};

/**
 * Plans the mapping of saved transaction ids, or none when every saved id is already below `ceiling`
 * (the target cluster is ahead: the ids are restored as they are).
 *
 * @param values every distinct saved xid8 value, stamps and cursors alike
 * @param cursors the values saved in cursor columns (positions, not stamps)
 * @param ceiling the restoring transaction's id: restored values must be below it
 */
export function planXidRebase(values: Iterable<bigint>, cursors: Iterable<bigint>, ceiling: bigint): XidRebase | undefined {
  const sorted = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!sorted.length || sorted[sorted.length - 1]! < ceiling) return undefined;
  const isCursor = new Set(cursors);
  const room = ceiling - FIRST_NORMAL_XID;

  // Group the sorted values: each cursor value alone, each run of other values between cursors together.
  type Group = { from: number; to: number; run: boolean; merge: boolean };
  const groups: Group[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const run = !isCursor.has(sorted[i]!) && sorted[i] !== 0n;
    const last = groups[groups.length - 1];
    if (run && last?.run) last.to = i;
    else groups.push({ from: i, to: i, run, merge: false });
  }
  let needed = BigInt(sorted.filter((v) => v !== 0n).length);
  for (const g of groups) {
    if (needed <= room) break;
    if (!g.run || g.to === g.from) continue;
    g.merge = true;
    needed -= BigInt(g.to - g.from);
  }
  if (needed > room) throw new Error(`cannot restore ${groups.length} transaction id groups below ${ceiling}`);

  // Assign ids in order from the first normal one; 0 (no transaction, an empty cursor) stays 0.
  const from = new BigUint64Array(sorted);
  const to = new BigUint64Array(sorted.length);
  let next = FIRST_NORMAL_XID;
  let merged = 0;
  for (const g of groups) {
    for (let i = g.from; i <= g.to; i++) {
      if (sorted[i] === 0n) continue;
      to[i] = next;
      if (!g.merge) next++;
    }
    if (g.merge) {
      next++;
      merged += g.to - g.from + 1;
    }
  }
  return {
    merged,
    map(xid) {
      let lo = 0;
      let hi = from.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (from[mid]! === xid) return to[mid]!;
        if (from[mid]! < xid) lo = mid + 1;
        else hi = mid - 1;
      }
      throw new Error(`transaction id ${xid} was not among the planned ones`);
    },
  };
}
