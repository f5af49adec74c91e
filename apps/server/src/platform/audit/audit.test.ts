// The audit trail: every state-changing request is recorded, it cannot be altered, and admins search it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisations, createStaff, loginWithPassword, startTestApp, type Fixture, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let orgs: Fixture;

beforeAll(async () => {
  ctx = await startTestApp();
  orgs = await createOrganisations(ctx);
});
afterAll(() => ctx.close());

// onResponse runs after the answer is sent: wait until the entry is there.
async function entries(where: ReturnType<typeof sql>) {
  for (let i = 0; i < 50; i++) {
    const rows = (await ctx.database.db.execute(sql`select * from audit_entry where ${where} order by id`)).rows as Record<string, unknown>[];
    if (rows.length) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
  return [];
}

describe('audit trail', () => {
  it('records a failed sign-in with who tried, from where, and the outcome — never the password', async () => {
    const clerk = await createStaff(ctx, 'clerk', orgs.courtId);
    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: clerk.username, password: 'Wrong-password-9' }, remoteAddress: '10.1.2.3' });
    const [row] = await entries(sql`action = 'auth.login.password' and outcome = 'denied' and detail->>'username' = ${clerk.username}`);
    expect(row).toMatchObject({ ip: '10.1.2.3', status_code: 401 });
    expect(JSON.stringify(row)).not.toContain('Wrong-password-9');
  });

  it('records a create with the actor and the new resource', async () => {
    const clerk = await createStaff(ctx, 'clerk', orgs.courtId);
    const s = await loginWithPassword(ctx, clerk.username);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/matters', headers: s.headers, payload: { title: '审计测试纠纷', courtId: orgs.courtId } });
    const [row] = await entries(sql`action = 'matter.create' and resource_id = ${res.json().id}`);
    expect(row).toMatchObject({ actor_id: clerk.id, resource_type: 'matter', outcome: 'success', status_code: 201 });
    const [signIn] = await entries(sql`action = 'auth.login.password' and actor_id = ${clerk.id} and outcome = 'success'`);
    expect(signIn).toMatchObject({ actor_label: '测试clerk' });
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const refused = { cause: { message: 'audit_entry is append-only' } };
    await expect(ctx.database.db.execute(sql`update audit_entry set outcome = 'success'`)).rejects.toMatchObject(refused);
    await expect(ctx.database.db.execute(sql`delete from audit_entry`)).rejects.toMatchObject(refused);
    await expect(ctx.database.db.execute(sql`truncate audit_entry`)).rejects.toMatchObject(refused);
  });

  it('lets administrators search it, with cursor pages, and nobody else', async () => {
    const admin = await createStaff(ctx, 'sys_admin', orgs.courtId);
    const s = await loginWithPassword(ctx, admin.username);
    await entries(sql`actor_id = ${admin.id}`);
    const page1 = await ctx.app.inject({ method: 'GET', url: '/api/v1/audit?action=auth.login&limit=2', headers: s.headers });
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items).toHaveLength(2);
    expect(page1.json().nextCursor).toBeTruthy();
    const page2 = await ctx.app.inject({ method: 'GET', url: `/api/v1/audit?action=auth.login&limit=2&cursor=${page1.json().nextCursor}`, headers: s.headers });
    expect(page2.json().items[0].id).toBeLessThan(page1.json().items[1].id);
    const mine = await ctx.app.inject({ method: 'GET', url: `/api/v1/audit?actorId=${admin.id}`, headers: s.headers });
    expect(mine.json().items.every((e: { actorId: string }) => e.actorId === admin.id)).toBe(true);

    const judge = await loginWithPassword(ctx, (await createStaff(ctx, 'judge', orgs.courtId)).username);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers: judge.headers })).statusCode).toBe(403);
    const badCursor = await ctx.app.inject({ method: 'GET', url: '/api/v1/audit?cursor=%%%', headers: s.headers });
    expect(badCursor.statusCode).toBe(400);
  });
});
