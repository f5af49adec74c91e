import { describe, expect, it } from 'vitest';
import { FIRST_NORMAL_XID, planXidRebase } from './xid-rebase.ts';

const E = 1n << 40n; // an epoch far ahead of the target cluster

/** Where a (tx, id) pair stands relative to a cursor: -1 before, 0 at, 1 after. */
const relation = (a: [bigint, number], b: [bigint, number]) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : Math.sign(a[1] - b[1]));

describe('planXidRebase', () => {
  it('keeps the ids when every saved one is already below the target', () => {
    expect(planXidRebase([5n, 900n, 0n], [0n, 900n], 1_000n)).toBeUndefined();
    expect(planXidRebase([], [], 10n)).toBeUndefined();
  });

  it('maps ids from a cluster ahead below the target, keeping the whole order when there is room', () => {
    const saved = [E + 50n, E + 7n, E + 900n, E + 8n];
    const rebase = planXidRebase(saved, [E + 8n], 1_000n)!;
    expect(rebase.merged).toBe(0);
    expect([E + 7n, E + 8n, E + 50n, E + 900n].map((v) => rebase.map(v))).toEqual([3n, 4n, 5n, 6n]);
  });

  it('leaves an empty cursor (0) at 0', () => {
    const rebase = planXidRebase([0n, E + 1n], [0n], 100n)!;
    expect(rebase.map(0n)).toBe(0n);
    expect(rebase.map(E + 1n)).toBe(FIRST_NORMAL_XID);
  });

  it('merges the oldest runs between cursors when the room below is short, keeping every row before, at or after every cursor', () => {
    // 2,000 stamps, two cursors, and room for only 20 ids below the target.
    const stamps = Array.from({ length: 2_000 }, (_, i) => E + BigInt(i * 3));
    const cursors = [E + 3_000n, E + 5_700n];
    const ceiling = FIRST_NORMAL_XID + 20n;
    const rebase = planXidRebase([...stamps, ...cursors], cursors, ceiling)!;
    expect(rebase.merged).toBeGreaterThan(0);
    const rows = stamps.map((tx, id) => [tx, id] as [bigint, number]);
    for (const cursor of cursors.map((tx) => [tx, 1_000] as [bigint, number])) {
      for (const row of rows) {
        expect(relation([rebase.map(row[0]), row[1]], [rebase.map(cursor[0]), cursor[1]])).toBe(relation(row, cursor));
      }
    }
    for (const v of [...stamps, ...cursors]) {
      expect(rebase.map(v)).toBeLessThan(ceiling);
      expect(rebase.map(v)).toBeGreaterThanOrEqual(FIRST_NORMAL_XID);
    }
    // Order is never reversed.
    const mapped = stamps.map((v) => rebase.map(v));
    for (let i = 1; i < mapped.length; i++) expect(mapped[i]! >= mapped[i - 1]!).toBe(true);
  });

  it('keeps the order of the newest values and merges only the oldest when that is enough', () => {
    const stamps = Array.from({ length: 100 }, (_, i) => E + BigInt(i));
    const rebase = planXidRebase([...stamps], [E + 90n], FIRST_NORMAL_XID + 20n)!;
    // Values below the cursor (90 of them) share one id; the cursor and the 9 after it keep their order.
    expect(new Set(stamps.slice(0, 90).map((v) => rebase.map(v))).size).toBe(1);
    expect(stamps.slice(90).map((v) => rebase.map(v))).toEqual(Array.from({ length: 10 }, (_, i) => FIRST_NORMAL_XID + 1n + BigInt(i)));
    expect(rebase.merged).toBe(90);
  });

  it('refuses an id it was not planned for', () => {
    expect(() => planXidRebase([E], [], 10n)!.map(E + 1n)).toThrow(/not among/);
  });
});
