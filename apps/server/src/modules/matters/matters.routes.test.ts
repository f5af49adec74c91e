// Access to matters over real HTTP: who sees what, and creates that a client may retry.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisations,
  createParty,
  createStaff,
  loginWithPassword,
  loginWithSms,
  startTestApp,
  type Fixture,
  type Session,
  type TestContext,
} from '../../../test/harness.ts';

let ctx: TestContext;
let orgs: Fixture;
let clerk: Session;
let partyA: { id: string; session: Session };
let partyB: { id: string; session: Session };
let mediatorAssigned: { id: string; session: Session };
let mediatorOther: Session;
let bankA: Session;
let bankB: Session;
let matterOfA: string;
let matterOfBankA: string;

const create = (s: Session, payload: unknown, key?: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/matters', headers: { ...s.headers, ...(key ? { 'idempotency-key': key } : {}) }, payload: payload as object });
const get = (s: Session, id: string) => ctx.app.inject({ method: 'GET', url: `/api/v1/matters/${id}`, headers: s.headers });
const list = (s: Session) => ctx.app.inject({ method: 'GET', url: '/api/v1/matters?limit=100', headers: s.headers });

beforeAll(async () => {
  ctx = await startTestApp();
  orgs = await createOrganisations(ctx);
  clerk = await loginWithPassword(ctx, (await createStaff(ctx, 'clerk', orgs.courtId)).username);
  const pa = await createParty(ctx);
  const pb = await createParty(ctx);
  partyA = { id: pa.id, session: await loginWithSms(ctx, pa.phone) };
  partyB = { id: pb.id, session: await loginWithSms(ctx, pb.phone) };
  const m1 = await createStaff(ctx, 'mediator', orgs.mediationOrgId);
  mediatorAssigned = { id: m1.id, session: await loginWithPassword(ctx, m1.username) };
  mediatorOther = await loginWithPassword(ctx, (await createStaff(ctx, 'mediator', orgs.mediationOrgId)).username);
  bankA = await loginWithPassword(ctx, (await createStaff(ctx, 'integrator', orgs.bankId)).username);
  bankB = await loginWithPassword(ctx, (await createStaff(ctx, 'integrator', orgs.otherBankId)).username);

  const r1 = await create(clerk, {
    title: '甲与乙民间借贷纠纷',
    courtId: orgs.courtId,
    participants: [
      { userId: partyA.id, role: 'party' },
      { userId: mediatorAssigned.id, role: 'mediator' },
    ],
  });
  expect(r1.statusCode).toBe(201);
  matterOfA = r1.json().id;
  const r2 = await create(bankA, { title: '某银行诉丙金融借款合同纠纷', courtId: orgs.courtId });
  expect(r2.statusCode).toBe(201);
  matterOfBankA = r2.json().id;
});
afterAll(() => ctx.close());

describe('who may see a matter', () => {
  it('the party in it sees it, with its participants', async () => {
    const res = await get(partyA.session, matterOfA);
    expect(res.statusCode).toBe(200);
    expect(res.json().participants.map((p: { userId: string }) => p.userId)).toContain(partyA.id);
  });

  it('another party is refused, exactly as if the matter did not exist', async () => {
    const refused = await get(partyB.session, matterOfA);
    const missing = await get(partyB.session, '00000000-0000-4000-8000-000000000000');
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('MATTER_NOT_FOUND');
    expect(missing.json().code).toBe('MATTER_NOT_FOUND');
    expect((await list(partyB.session)).json().items.map((m: { id: string }) => m.id)).not.toContain(matterOfA);
  });

  it('a mediator sees only assigned matters', async () => {
    expect((await get(mediatorAssigned.session, matterOfA)).statusCode).toBe(200);
    expect((await get(mediatorOther, matterOfA)).statusCode).toBe(404);
    expect((await list(mediatorOther)).json().items).toHaveLength(0);
    expect((await list(mediatorAssigned.session)).json().items.map((m: { id: string }) => m.id)).toEqual([matterOfA]);
  });

  it('an institution integrator sees only its own filings', async () => {
    expect((await get(bankA, matterOfBankA)).statusCode).toBe(200);
    expect((await get(bankB, matterOfBankA)).statusCode).toBe(404);
    expect((await get(bankA, matterOfA)).statusCode).toBe(404);
    expect((await list(bankA)).json().items.map((m: { id: string }) => m.id)).toEqual([matterOfBankA]);
    expect((await list(bankB)).json().items).toHaveLength(0);
  });

  it('the court clerk sees every matter of the court', async () => {
    const ids = (await list(clerk)).json().items.map((m: { id: string }) => m.id);
    expect(ids).toEqual(expect.arrayContaining([matterOfA, matterOfBankA]));
  });

  it('an anonymous caller is asked to sign in', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/matters/${matterOfA}` });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('creating matters', () => {
  it('honours Idempotency-Key: a retry returns the first answer and creates nothing more', async () => {
    const body = { title: '重试测试纠纷', courtId: orgs.courtId };
    const first = await create(clerk, body, 'retry-key-0001');
    const second = await create(clerk, body, 'retry-key-0001');
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const [row] = (await ctx.database.db.execute(sql`select count(*)::int as n from matter where title = '重试测试纠纷'`)).rows as { n: number }[];
    expect(row!.n).toBe(1);
  });

  it('refuses the same key with a different body', async () => {
    await create(clerk, { title: '键复用一', courtId: orgs.courtId }, 'reused-key-0001');
    const res = await create(clerk, { title: '键复用二', courtId: orgs.courtId }, 'reused-key-0001');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('runs concurrent duplicates once', async () => {
    const body = { title: '并发重试纠纷', courtId: orgs.courtId };
    const answers = await Promise.all([1, 2, 3, 4].map(() => create(clerk, body, 'concurrent-key-01')));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const [row] = (await ctx.database.db.execute(sql`select count(*)::int as n from matter where title = '并发重试纠纷'`)).rows as { n: number }[];
    expect(row!.n).toBe(1);
  });

  it('writes nothing when a participant is unknown (no half-written matter, no event)', async () => {
    const before = (await ctx.database.db.execute(sql`select (select count(*) from matter)::int as m, (select count(*) from domain_event)::int as e`)).rows[0];
    const res = await create(clerk, { title: '参与人无效纠纷', courtId: orgs.courtId, participants: [{ userId: partyA.id, role: 'party' }, { userId: '00000000-0000-4000-8000-000000000001', role: 'party' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toBe('/body/participants/1/userId');
    const after = (await ctx.database.db.execute(sql`select (select count(*) from matter)::int as m, (select count(*) from domain_event)::int as e`)).rows[0];
    expect(after).toEqual(before);
  });

  it('validates input at the edge: over-long title, unknown fields, bad key', async () => {
    const long = await create(clerk, { title: '长'.repeat(201), courtId: orgs.courtId });
    expect(long.json().errors[0].pointer).toBe('/body/title');
    const unknown = await create(clerk, { title: '未知字段纠纷', courtId: orgs.courtId, secret: 1 });
    expect(unknown.statusCode).toBe(400);
    const badKey = await create(clerk, { title: '坏键纠纷', courtId: orgs.courtId }, 'x');
    expect(badKey.json().errors[0].pointer).toBe('/headers/idempotency-key');
  });

  it('records a matter.created event in the same transaction', async () => {
    const res = await create(clerk, { title: '事件测试纠纷', courtId: orgs.courtId });
    const rows = (await ctx.database.db.execute(sql`select type, aggregate_id from domain_event where aggregate_id = ${res.json().id}`)).rows;
    expect(rows).toEqual([{ type: 'matter.created', aggregate_id: res.json().id }]);
  });

  it('refuses creation to roles without the permission', async () => {
    const res = await create(mediatorOther, { title: '调解员不可立案', courtId: orgs.courtId });
    expect(res.statusCode).toBe(403);
  });
});
