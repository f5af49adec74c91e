// Several processes may start together against a new database (a province's servers behind one
// load balancer): the demo data is seeded by exactly one of them, and the others start normally.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { uuid } from '../platform/clock/index.ts';
import { createKeyring } from '../platform/crypto/index.ts';
import { openDatabase } from '../platform/db/database.ts';
import { seedDemo } from './seed.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

it('seeds once when three processes start at the same moment', async () => {
  const keyring = createKeyring(Buffer.alloc(32, 7));
  // One pool per "process", so the transactions really run side by side.
  const pools = [0, 1, 2].map(() => openDatabase(db.url, 2));
  try {
    const results = await Promise.all(pools.map((p) => seedDemo(p.db, { keyring, id: uuid })));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const { rows } = await db.pool.query<{ n: number }>(`select count(*)::int as n from app_user where username = 'judge'`);
    expect(rows[0]!.n).toBe(1);
    expect(await seedDemo(db.db, { keyring, id: uuid })).toBeNull();
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
});
