// The matter core over real HTTP on a real database: parties, agents and claims created with the matter or
// added later, field-level refusals that write nothing, what each viewer sees, deadlines and the timeline.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisations, createParty, createStaff, loginWithPassword, loginWithSms, manualClock, startTestApp, type Fixture, type Session, type TestContext } from '../../../test/harness.ts';
import { waitFor } from '../../../test/wait.ts';
import { uuid } from '../../platform/clock/index.ts';
import { createMatterService } from './matters.service.ts';

const ID_A = '350213199001011232';
const ID_B = '350203198511114568';
const PHONE_B = '13906001234';
const ADDRESS_B = '厦门市思明区某路 1 号';
const USCC = '91110000100017707H';

let ctx: TestContext;
let orgs: Fixture;
let clerk: Session;
let mediator: { id: string; session: Session };
let partyA: { id: string; phone: string; session: Session };
let partyB: { id: string; phone: string; session: Session };
let outsider: Session;
let matterId: string;

const send = (s: Session | undefined, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, key?: string) =>
  ctx.app.inject({ method, url, headers: { ...(s?.headers ?? {}), ...(key ? { 'idempotency-key': key } : {}) }, ...(payload === undefined ? {} : { payload: payload as object }) });

const person = (over: Record<string, unknown> = {}) => ({ type: 'person', side: 'applicant', name: '张三', idKind: 'mainland-resident', idNumber: ID_A, phone: '13906005678', address: '厦门市翔安区某路 2 号', ...over });
const fullMatter = () => ({
  title: '张三与李四民间借贷纠纷',
  courtId: orgs.courtId,
  parties: [person({ userId: partyA.id }), person({ side: 'respondent', name: '李四', idNumber: ID_B, phone: PHONE_B, address: ADDRESS_B, userId: partyB.id }), { type: 'organisation', side: 'third_party', name: '某某有限公司', uscc: USCC, legalRepresentative: '王五' }],
  agents: [{ partyIndex: 0, kind: 'lawyer', name: '赵律师', licenceNo: '13502201810123456', lawFirm: '某律师事务所', phone: '13906009999' }],
  claims: [
    { kind: 'payment', description: '判令被告偿还借款本金 50,000 元', amountFen: 5_000_000 },
    { kind: 'costs', description: '本案诉讼费用由被告承担' },
  ],
  cause: { version: '2021', code: '14' },
  areaCode: '350213',
});

const counts = async () =>
  (await ctx.database.db.execute(sql`select (select count(*) from matter)::int as m, (select count(*) from matter_party)::int as p, (select count(*) from matter_claim)::int as c, (select count(*) from domain_event)::int as e`)).rows[0];

beforeAll(async () => {
  ctx = await startTestApp();
  orgs = await createOrganisations(ctx);
  clerk = await loginWithPassword(ctx, (await createStaff(ctx, 'clerk', orgs.courtId)).username);
  const m = await createStaff(ctx, 'mediator', orgs.mediationOrgId);
  mediator = { id: m.id, session: await loginWithPassword(ctx, m.username) };
  const pa = await createParty(ctx);
  const pb = await createParty(ctx);
  partyA = { ...pa, session: await loginWithSms(ctx, pa.phone) };
  partyB = { ...pb, session: await loginWithSms(ctx, pb.phone) };
  outsider = await loginWithSms(ctx, (await createParty(ctx)).phone);
  const res = await send(clerk, 'POST', '/api/v1/matters', fullMatter());
  expect(res.statusCode, res.body).toBe(201);
  matterId = res.json().id;
});
afterAll(() => ctx.close());

describe('creating a matter with its parties, agents and claims', () => {
  it('keeps everything, with the cause version and area it was filed under', async () => {
    const res = await send(clerk, 'GET', `/api/v1/matters/${matterId}/overview`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.matter).toMatchObject({ causeVersion: '2021', causeCode: '14', areaCode: '350213' });
    expect(o.cause).toEqual({ version: '2021', code: '14', name: '离婚纠纷', path: ['婚姻家庭、继承纠纷', '婚姻家庭纠纷', '离婚纠纷'] });
    expect(o.area).toEqual({ code: '350213', name: '翔安区', path: ['福建省', '厦门市', '翔安区'] });
    expect(o.parties.map((p: { name: string; side: string }) => [p.name, p.side])).toEqual([['张三', 'applicant'], ['李四', 'respondent'], ['某某有限公司', 'third_party']]);
    expect(o.parties[1]).toMatchObject({ idNumber: ID_B, phone: PHONE_B, address: ADDRESS_B, masked: false });
    expect(o.parties[2]).toMatchObject({ uscc: USCC, legalRepresentative: '王五', idNumber: null });
    expect(o.agents).toEqual([expect.objectContaining({ partyId: o.parties[0].id, kind: 'lawyer', licenceNo: '13502201810123456' })]);
    expect(o.claims.map((c: { amountFen: number | null }) => c.amountFen)).toEqual([5_000_000, null]);
  });

  it('seals ID numbers, phones and addresses at rest', async () => {
    const rows = (await ctx.database.db.execute(sql`select * from matter_party where matter_id = ${matterId}`)).rows;
    const dump = JSON.stringify(rows);
    for (const secret of [ID_A, ID_B, PHONE_B, ADDRESS_B]) expect(dump).not.toContain(secret);
  });

  it('gives linked accounts access: each party sees the matter, an outsider does not', async () => {
    expect((await send(partyA.session, 'GET', `/api/v1/matters/${matterId}`)).statusCode).toBe(200);
    expect((await send(partyB.session, 'GET', `/api/v1/matters/${matterId}/overview`)).statusCode).toBe(200);
    expect((await send(outsider, 'GET', `/api/v1/matters/${matterId}/overview`)).json().code).toBe('MATTER_NOT_FOUND');
  });

  it('still accepts the old shape (title, court, participants)', async () => {
    const res = await send(clerk, 'POST', '/api/v1/matters', { title: '旧式新建案件', courtId: orgs.courtId, participants: [{ userId: partyA.id, role: 'party' }] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ causeVersion: null, causeCode: null, areaCode: null });
  });
});

describe('bad input: a field-level problem, and nothing written', () => {
  const bad = (patch: (m: ReturnType<typeof fullMatter>) => unknown) => {
    const m = fullMatter();
    return patch(m) ?? m;
  };
  it.each([
    ['an ID number with a wrong check digit', (m: ReturnType<typeof fullMatter>) => ((m.parties[1] as Record<string, unknown>).idNumber = '350203198511114567'), '/body/parties/1/idNumber'],
    ['a Hong Kong card with a wrong check digit', (m: ReturnType<typeof fullMatter>) => Object.assign(m.parties[0]!, { idKind: 'hong-kong', idNumber: 'A1234564' }), '/body/parties/0/idNumber'],
    ['a credit code with a wrong check character', (m: ReturnType<typeof fullMatter>) => ((m.parties[2] as Record<string, unknown>).uscc = '91110000100017707J'), '/body/parties/2/uscc'],
    ['a negative amount', (m: ReturnType<typeof fullMatter>) => ((m.claims[0] as Record<string, unknown>).amountFen = -1), '/body/claims/0/amountFen'],
    ['an absurd amount', (m: ReturnType<typeof fullMatter>) => ((m.claims[0] as Record<string, unknown>).amountFen = 1e15), '/body/claims/0/amountFen'],
    ['an amount in yuan with decimals', (m: ReturnType<typeof fullMatter>) => ((m.claims[0] as Record<string, unknown>).amountFen = 500.5), '/body/claims/0/amountFen'],
    ['an unknown cause code', (m: ReturnType<typeof fullMatter>) => (m.cause = { version: '2021', code: '9999' }), '/body/cause/code'],
    ['a whole part as the cause', (m: ReturnType<typeof fullMatter>) => (m.cause = { version: '2021', code: 'P1' }), '/body/cause/code'],
    ['an unknown catalogue version', (m: ReturnType<typeof fullMatter>) => (m.cause = { version: '1999', code: '14' }), '/body/cause/version'],
    ['an area whose province does not exist', (m: ReturnType<typeof fullMatter>) => (m.areaCode = '990213'), '/body/areaCode'],
    ['an area code of the wrong shape', (m: ReturnType<typeof fullMatter>) => (m.areaCode = '35021'), '/body/areaCode'],
    ['an agent for a party that is not there', (m: ReturnType<typeof fullMatter>) => ((m.agents[0] as Record<string, unknown>).partyIndex = 7), '/body/agents/0/partyIndex'],
    ['a lawyer without a licence number', (m: ReturnType<typeof fullMatter>) => delete (m.agents[0] as Record<string, unknown>).licenceNo, '/body/agents/0/licenceNo'],
    ['a linked account that does not exist', (m: ReturnType<typeof fullMatter>) => ((m.parties[0] as Record<string, unknown>).userId = '00000000-0000-4000-8000-000000000009'), '/body/parties/0/userId'],
  ])('refuses %s', async (_what, patch, pointer) => {
    const before = await counts();
    const res = await send(clerk, 'POST', '/api/v1/matters', bad((m) => void patch(m)));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(await counts()).toEqual(before);
  });
});

describe('changing the record (staff who may update the matter)', () => {
  it('adds a party once per Idempotency-Key, with its event', async () => {
    const body = person({ side: 'third_party', name: '钱六', idKind: 'passport', idNumber: 'EA1234567' });
    const first = await send(clerk, 'POST', `/api/v1/matters/${matterId}/parties`, body, 'party-add-0001');
    const again = await send(clerk, 'POST', `/api/v1/matters/${matterId}/parties`, body, 'party-add-0001');
    expect(first.statusCode, first.body).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const events = (await ctx.database.db.execute(sql`select type, payload from domain_event where aggregate_id = ${matterId} and type = 'matter.party_added'`)).rows;
    expect(events).toEqual([{ type: 'matter.party_added', payload: { partyId: first.json().id, side: 'third_party', type: 'person' } }]);
  });

  it('refuses an invalid ID number on an added party at its field', async () => {
    const res = await send(clerk, 'POST', `/api/v1/matters/${matterId}/parties`, person({ idNumber: '350213199001011233' }));
    expect(res.json().errors[0].pointer).toBe('/body/idNumber');
  });

  it('updates a party and a claim, and adds an agent and a claim', async () => {
    const o = (await send(clerk, 'GET', `/api/v1/matters/${matterId}/overview`)).json();
    const upd = await send(clerk, 'PATCH', `/api/v1/matters/${matterId}/parties/${o.parties[0].id}`, { phone: '13906001111' });
    expect(upd.json().phone).toBe('13906001111');
    const agent = await send(clerk, 'POST', `/api/v1/matters/${matterId}/agents`, { partyId: o.parties[1].id, kind: 'other', name: '李四之兄' });
    expect(agent.statusCode, agent.body).toBe(201);
    const unknownParty = await send(clerk, 'POST', `/api/v1/matters/${matterId}/agents`, { partyId: uuid(), kind: 'other', name: '无名' });
    expect(unknownParty.json().errors[0].pointer).toBe('/body/partyId');
    const claim = await send(clerk, 'POST', `/api/v1/matters/${matterId}/claims`, { kind: 'payment', description: '判令被告支付利息', amountFen: 120_000 });
    expect(claim.json()).toMatchObject({ ordinal: 2, amountFen: 120_000 });
    const changed = await send(clerk, 'PATCH', `/api/v1/matters/${matterId}/claims/${claim.json().id}`, { amountFen: 150_000 });
    expect(changed.json().amountFen).toBe(150_000);
    expect((await send(clerk, 'PATCH', `/api/v1/matters/${matterId}/claims/${claim.json().id}`, { amountFen: -5 })).json().errors[0].pointer).toBe('/body/amountFen');
  });

  it("unlinking a party's account takes its access away", async () => {
    const extra = await createParty(ctx);
    const added = await send(clerk, 'POST', `/api/v1/matters/${matterId}/parties`, person({ side: 'third_party', name: '孙七', idKind: 'passport', idNumber: 'EB7654321', userId: extra.id }));
    expect(added.statusCode, added.body).toBe(201);
    const session = await loginWithSms(ctx, extra.phone);
    expect((await send(session, 'GET', `/api/v1/matters/${matterId}/overview`)).statusCode).toBe(200);
    await send(clerk, 'PATCH', `/api/v1/matters/${matterId}/parties/${added.json().id}`, { userId: null });
    await waitFor(async () => (await send(session, 'GET', `/api/v1/matters/${matterId}/overview`)).statusCode === 404, { what: 'access to end' });
  });

  it('refuses parties (403) and outsiders (404, as if absent)', async () => {
    const asParty = await send(partyA.session, 'POST', `/api/v1/matters/${matterId}/claims`, { kind: 'other', description: '当事人自行追加' });
    expect(asParty.statusCode).toBe(403);
    const asOutsider = await send(outsider, 'POST', `/api/v1/matters/${matterId}/claims`, { kind: 'other', description: '外人追加' });
    expect(asOutsider.json().code).toBe('MATTER_NOT_FOUND');
  });

  it('reclassifies: unknown cause or area refused at its field, a valid one kept', async () => {
    expect((await send(clerk, 'PUT', `/api/v1/matters/${matterId}/classification`, { cause: { version: '2021', code: '77' } })).json().errors[0].pointer).toBe('/body/cause/code');
    expect((await send(clerk, 'PUT', `/api/v1/matters/${matterId}/classification`, { areaCode: '350299' })).json().errors[0].pointer).toBe('/body/areaCode');
    const ok = await send(clerk, 'PUT', `/api/v1/matters/${matterId}/classification`, { cause: { version: '2021', code: '22.1' }, areaCode: '350203' });
    expect(ok.json()).toMatchObject({ cause: { name: '抚养费纠纷' }, area: { name: '思明区' } });
  });

  it('assigns staff in a role they hold, which gives them the matter', async () => {
    expect((await send(mediator.session, 'GET', `/api/v1/matters/${matterId}`)).statusCode).toBe(404);
    const wrong = await send(clerk, 'POST', `/api/v1/matters/${matterId}/staff`, { userId: mediator.id, role: 'judge' });
    expect(wrong.json().errors[0].pointer).toBe('/body/role');
    const ok = await send(clerk, 'POST', `/api/v1/matters/${matterId}/staff`, { userId: mediator.id, role: 'mediator' });
    expect(ok.statusCode, ok.body).toBe(201);
    // Reads come from a per-process cache that the database's change notification clears, a moment later.
    const seen = await waitFor(async () => {
      const res = await send(mediator.session, 'GET', `/api/v1/matters/${matterId}/overview`);
      return res.statusCode === 200 ? res.json() : undefined;
    });
    expect(seen.staff).toEqual([expect.objectContaining({ userId: mediator.id, role: 'mediator' })]);
  });
});

describe('what each viewer sees', () => {
  it('a party sees their own numbers whole and the other side masked, and never its address', async () => {
    const o = (await send(partyA.session, 'GET', `/api/v1/matters/${matterId}/overview`)).json();
    const [mine, theirs] = o.parties;
    expect(mine).toMatchObject({ idNumber: ID_A, isViewer: true, masked: false });
    expect(theirs).toMatchObject({ idNumber: '3502**********4568', phone: '139****1234', address: null, masked: true });
  });

  it('no other party ID number, phone or address leaks through any party-facing answer', async () => {
    const urls = [`/api/v1/matters/${matterId}`, `/api/v1/matters/${matterId}/overview`, `/api/v1/matters/${matterId}/timeline`, '/api/v1/matters?limit=100'];
    for (const url of urls) {
      const body = (await send(partyA.session, 'GET', url)).body;
      for (const secret of [ID_B, PHONE_B, ADDRESS_B]) expect(body, url).not.toContain(secret);
      const bodyB = (await send(partyB.session, 'GET', url)).body;
      expect(bodyB, url).not.toContain(ID_A);
    }
    const events = JSON.stringify((await ctx.database.db.execute(sql`select payload from domain_event where aggregate_id = ${matterId}`)).rows);
    for (const secret of [ID_A, ID_B, PHONE_B, ADDRESS_B]) expect(events).not.toContain(secret);
  });

  it('the agent of a party sees that party whole', async () => {
    const agentUser = await createParty(ctx);
    const o = (await send(clerk, 'GET', `/api/v1/matters/${matterId}/overview`)).json();
    await send(clerk, 'POST', `/api/v1/matters/${matterId}/agents`, { partyId: o.parties[1].id, kind: 'other', name: '代理人', userId: agentUser.id });
    const seen = (await send(await loginWithSms(ctx, agentUser.phone), 'GET', `/api/v1/matters/${matterId}/overview`)).json();
    expect(seen.parties[1]).toMatchObject({ idNumber: ID_B, masked: false });
    expect(seen.parties[0].idNumber).toBe('3502**********1232');
  });
});

describe('deadlines', () => {
  it('sets a deadline, marks it missed once past due (with an event), and refuses meeting it then', async () => {
    const res = await send(clerk, 'POST', `/api/v1/matters/${matterId}/deadlines`, { kind: 'evidence', title: '举证期限', dueAt: '2026-11-20T09:00:00Z', actor: 'respondent' });
    expect(res.statusCode, res.body).toBe(201);
    const clock = manualClock(new Date('2026-11-21T00:00:00Z'));
    const service = createMatterService({ db: ctx.database.db, clock, id: uuid, keyring: ctx.keyring });
    // The app's own scheduled run may get there first; either way the deadline is marked once.
    await service.markOverdueDeadlines();
    const o = (await send(partyB.session, 'GET', `/api/v1/matters/${matterId}/overview`)).json();
    expect(o.deadlines.find((d: { id: string }) => d.id === res.json().id)).toMatchObject({ status: 'missed', actor: 'respondent' });
    expect((await send(clerk, 'POST', `/api/v1/matters/${matterId}/deadlines/${res.json().id}/met`)).json().code).toBe('DEADLINE_CLOSED');
    const missed = (await ctx.database.db.execute(sql`select count(*)::int as n from domain_event where aggregate_id = ${matterId} and type = 'matter.deadline_missed'`)).rows[0];
    expect(missed).toEqual({ n: 1 });
  });

  it('marks a deadline met before it is due', async () => {
    const res = await send(clerk, 'POST', `/api/v1/matters/${matterId}/deadlines`, { kind: 'response', title: '答辩期限', dueAt: '2027-01-10T09:00:00Z', actor: 'respondent', partyId: (await send(clerk, 'GET', `/api/v1/matters/${matterId}/overview`)).json().parties[1].id });
    const met = await send(clerk, 'POST', `/api/v1/matters/${matterId}/deadlines/${res.json().id}/met`);
    expect(met.json()).toMatchObject({ status: 'met' });
    expect((await send(clerk, 'POST', `/api/v1/matters/${matterId}/deadlines`, { kind: 'response', title: '答辩期限', dueAt: 'tomorrow', actor: 'respondent' })).json().errors[0].pointer).toBe('/body/dueAt');
  });
});

describe('the timeline', () => {
  it('lists the events with ledger receipts once recorded; a party sees only party-facing kinds', async () => {
    const staff = await waitFor(
      async () => {
        const res = await send(clerk, 'GET', `/api/v1/matters/${matterId}/timeline`);
        expect(res.statusCode, res.body).toBe(200);
        const t = res.json();
        return t.items.every((i: { receipt: { status: string } }) => i.receipt.status === 'recorded') ? t : undefined;
      },
      { timeoutMs: 20_000, what: 'every event of the matter to have a receipt' },
    );
    expect(staff.items[0]).toMatchObject({ type: 'matter.created', actorName: expect.any(String) });
    const receipt = await send(undefined, 'GET', staff.items[0].receipt.url);
    expect(receipt.statusCode).toBe(200);
    const party = (await send(partyA.session, 'GET', `/api/v1/matters/${matterId}/timeline`)).json();
    expect(party.items.map((i: { type: string }) => i.type)).toContain('matter.deadline_missed');
    expect(party.items.length).toBeLessThanOrEqual(staff.items.length);
    expect((await send(outsider, 'GET', `/api/v1/matters/${matterId}/timeline`)).statusCode).toBe(404);
  });
});
