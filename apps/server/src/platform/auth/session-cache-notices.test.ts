// Which writes to a session announce a cache change (migration 0015): the once-a-minute sliding
// expiry must not, or every active user's cached session, matters and room memberships are evicted in
// every process and realtime re-checks their sockets each minute; ending a session must.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParty, loginWithSms, startTestApp, type TestContext } from '../../../test/harness.ts';
import { waitFor } from '../../../test/wait.ts';
import { sessionsStore } from './sessions.store.ts';

let ctx: TestContext;
let listener: pg.Client;
const notices: string[] = [];

beforeAll(async () => {
  ctx = await startTestApp();
  listener = new pg.Client({ connectionString: ctx.database.url });
  await listener.connect();
  listener.on('notification', (n) => n.channel === 'oc_cache' && notices.push(n.payload ?? ''));
  await listener.query('listen oc_cache');
});
afterAll(async () => {
  await listener.end();
  await ctx.close();
});

async function sessionOf(userId: string) {
  const { rows } = await ctx.database.pool.query<{ id: string }>('select id from auth_session where user_id = $1', [userId]);
  return rows[0]!.id;
}

describe('cache notices of session writes', () => {
  it('says nothing when a session slides its expiry, and names the user when it ends', async () => {
    const party = await createParty(ctx);
    await loginWithSms(ctx, party.phone);
    const sessionId = await sessionOf(party.id);
    notices.length = 0;

    const now = new Date();
    await sessionsStore.touch(ctx.database.db, sessionId, now, new Date(now.getTime() + 3_600_000));
    // A marker written after the touch: once it arrives, any notice of the touch would have too.
    await ctx.database.pool.query(`select pg_notify('oc_cache', 'marker:touch')`);
    await waitFor(() => notices.includes('marker:touch'));
    expect(notices).toEqual(['marker:touch']);

    await sessionsStore.revoke(ctx.database.db, sessionId, now);
    await waitFor(() => notices.includes(`user:${party.id}`));
  });
});
