// The mediation network, mediator pool, routing rules and triage over real HTTP on a real database:
// a coordinator builds the network and the pool, edits rules (versioned, overlap refused), sees the
// queue filtered by area with the routing proposal and ranked mediators with reasons, and assigns a
// joint group in one transaction; two coordinators assigning at once: the second gets 409.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisations, createStaff, loginWithPassword, manualClock, startTestApp, type Fixture, type Session, type TestContext } from '../../../test/harness.ts';
import { uuid } from '../../platform/clock/index.ts';
import { usersStore } from '../../platform/auth/index.ts';
import { registerForTriage } from './index.ts';

let ctx: TestContext;
let orgs: Fixture;
const clock = manualClock(new Date('2026-11-25T02:00:00Z')); // a Wednesday morning in China
let coord: Session;
let coord2: Session;
const users: Record<string, { id: string; session: Session }> = {};
const nodes: Record<string, string> = {};
const mediators: Record<string, string> = {};

const api = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { ...s.headers, ...headers }, payload: payload as object });
const pointers = (body: { errors?: { pointer: string }[] }) => (body.errors ?? []).map((e) => e.pointer);

async function node(key: string, body: Record<string, unknown>) {
  const res = await api(coord, 'POST', '/mediation/network', body);
  expect(res.statusCode, res.body).toBe(201);
  nodes[key] = res.json().id;
}

async function newDispute(title: string, disputeKind: string, areaCode: string, urgency: 'normal' | 'urgent' | 'critical', daysAgo: number) {
  const res = await api(coord, 'POST', '/matters', { title, courtId: orgs.courtId });
  expect(res.statusCode, res.body).toBe(201);
  const matterId = res.json().id as string;
  await ctx.database.db.transaction((tx) =>
    registerForTriage(tx, { matterId, courtId: orgs.courtId, disputeKind: disputeKind as 'traffic', areaCode, urgency, receivedAt: new Date(clock.now().getTime() - daysAgo * 86_400_000) }),
  );
  return matterId;
}

beforeAll(async () => {
  ctx = await startTestApp({ deps: { clock } });
  orgs = await createOrganisations(ctx);
  coord = await loginWithPassword(ctx, (await createStaff(ctx, 'coordinator', orgs.mediationOrgId)).username);
  coord2 = await loginWithPassword(ctx, (await createStaff(ctx, 'coordinator', orgs.mediationOrgId)).username);
  for (const key of ['chen', 'guo', 'he', 'su']) {
    const u = await createStaff(ctx, 'mediator', orgs.mediationOrgId);
    users[key] = { id: u.id, session: await loginWithPassword(ctx, u.username) };
  }
});
afterAll(async () => {
  await ctx?.close();
});

describe('the 1+5+N network', () => {
  it('builds the centre, sub-centres and organisations under them', async () => {
    await node('centre', { kind: 'centre', name: '翔安区矛盾纠纷多元化解中心', areaCode: '350213', disputeKinds: ['traffic', 'family', 'loan', 'other'] });
    await node('xindian', { parentId: nodes.centre, kind: 'sub_centre', name: '新店街道分中心', areaCode: '350213003', disputeKinds: ['other'] });
    await node('maxiang', { parentId: nodes.centre, kind: 'sub_centre', name: '马巷街道分中心', areaCode: '350213002', disputeKinds: ['other'] });
    await node('xindianCommittee', { parentId: nodes.xindian, kind: 'people_committee', name: '新店街道人民调解委员会', areaCode: '350213003', disputeKinds: ['loan', 'neighbour', 'traffic'] });
    await node('maxiangCommittee', { parentId: nodes.maxiang, kind: 'people_committee', name: '马巷街道人民调解委员会', areaCode: '350213002', disputeKinds: ['loan', 'family'] });
    await node('traffic', { parentId: nodes.centre, kind: 'platform', platform: 'traffic', name: '道路交通事故纠纷调解平台', areaCode: '350213', disputeKinds: ['traffic'] });
    const list = await api(coord, 'GET', '/mediation/network');
    expect(list.json().items.map((n: { name: string; level: string }) => `${n.level}:${n.name}`)).toEqual(
      expect.arrayContaining(['centre:翔安区矛盾纠纷多元化解中心', 'sub_centre:新店街道分中心', 'organisation:道路交通事故纠纷调解平台']),
    );
    expect(list.json().items.find((n: { id: string }) => n.id === nodes.xindian).areaName).toBe('新店街道');
  });

  it.each([
    ['an unknown area code', { kind: 'people_committee', areaCode: '350213999' }, 422, '/body/areaCode'],
    ['an area outside the parent', { kind: 'people_committee', areaCode: '350213002' }, 422, '/body/areaCode'],
    ['a malformed area code', { kind: 'people_committee', areaCode: '35021' }, 400, '/body/areaCode'],
    ['an unknown dispute kind', { kind: 'people_committee', areaCode: '350213003', disputeKinds: ['piracy'] }, 400, '/body/disputeKinds/0'],
    ['a platform without its kind', { kind: 'platform', areaCode: '350213003' }, 422, '/body/platform'],
  ])('refuses %s with a field error', async (_n, over, status, pointer) => {
    const res = await api(coord, 'POST', '/mediation/network', { parentId: nodes.xindian, name: '某调委会', disputeKinds: ['loan'], ...over });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(pointers(res.json())).toContain(pointer);
  });

  it('lets only coordinators change it, and only coordinators of this court see it', async () => {
    expect((await api(users.chen!.session, 'POST', '/mediation/network', { parentId: nodes.centre, kind: 'industry', name: '商会调委会', areaCode: '350213', disputeKinds: ['sale'] })).statusCode).toBe(403);
    expect((await api(users.chen!.session, 'GET', '/mediation/network')).statusCode).toBe(200);
  });
});

describe('the mediator pool', () => {
  const profile = (userKey: string, over: Record<string, unknown>) => ({ userId: users[userKey]!.id, kind: 'people_mediator', specialties: ['loan'], areaCodes: ['350213'], maxLoad: 8, nodeIds: [nodes.centre], ...over });

  it('adds mediators with organisations, specialties, areas, availability and capacity', async () => {
    const add = async (key: string, over: Record<string, unknown>) => {
      const res = await api(coord, 'POST', '/mediation/mediators', profile(key, over), { 'idempotency-key': `mediator-${key}-${randomUUID()}` });
      expect(res.statusCode, res.body).toBe(201);
      mediators[key] = res.json().id;
      return res.json();
    };
    const chen = await add('chen', { specialties: ['traffic', 'loan'], areaCodes: ['350213003'], nodeIds: [nodes.xindianCommittee], availability: [{ day: 3, from: 540, to: 720 }] });
    expect(chen).toMatchObject({ name: '测试mediator', kind: 'people_mediator', maxLoad: 8, results: { total: 0, successRate: null }, version: 1 });
    expect(chen.nodes).toEqual([{ id: nodes.xindianCommittee, name: '新店街道人民调解委员会' }]);
    await add('guo', { kind: 'lawyer', specialties: ['traffic'], areaCodes: ['350213'], nodeIds: [nodes.traffic], maxLoad: 10 });
    await add('he', { kind: 'community_worker', specialties: ['family', 'traffic'], areaCodes: ['350213002'], nodeIds: [nodes.maxiangCommittee] });
    await add('su', { kind: 'notary', specialties: ['loan'], areaCodes: ['350213'], nodeIds: [nodes.traffic], onLeaveUntil: '2026-12-01T00:00:00Z' });
    expect((await api(coord, 'GET', '/mediation/mediators')).json().items).toHaveLength(4);
  });

  it.each([
    ['a capacity of 0', { maxLoad: 0 }, 400, '/body/maxLoad'],
    ['a capacity of 51', { maxLoad: 51 }, 400, '/body/maxLoad'],
    ['an unknown area', { areaCodes: ['350213', '110999'] }, 422, '/body/areaCodes/1'],
    ['an unknown kind of mediator', { kind: 'wizard' }, 400, '/body/kind'],
    ['an availability window ending before it starts', { availability: [{ day: 2, from: 600, to: 540 }] }, 400, '/body/availability/0/to'],
    ['an unknown organisation', { nodeIds: [uuid()] }, 422, '/body/nodeIds/0'],
  ])('refuses %s, writing nothing', async (_n, over, status, pointer) => {
    const other = await createStaff(ctx, 'mediator', orgs.mediationOrgId);
    const res = await api(coord, 'POST', '/mediation/mediators', { ...profile('chen', over), userId: other.id });
    expect(res.statusCode, res.body).toBe(status);
    expect(pointers(res.json())).toContain(pointer);
    expect((await api(coord, 'GET', '/mediation/mediators')).json().items).toHaveLength(4);
  });

  it('refuses an account that is not a mediator, or one already in the pool', async () => {
    const clerk = await createStaff(ctx, 'clerk', orgs.courtId);
    expect(pointers((await api(coord, 'POST', '/mediation/mediators', { ...profile('chen', {}), userId: clerk.id })).json())).toEqual(['/body/userId']);
    const dup = await api(coord, 'POST', '/mediation/mediators', profile('chen', {}));
    expect(dup.statusCode).toBe(422);
    expect(dup.json().errors[0].detail).toBe('该调解员已在人才库中');
  });

  it('updates a profile at its version; a stale version gets 409', async () => {
    const body = { kind: 'lawyer', specialties: ['traffic', 'loan'], areaCodes: ['350213'], nodeIds: [nodes.traffic], maxLoad: 12, availability: [], onLeaveUntil: null };
    const ok = await api(coord, 'PUT', `/mediation/mediators/${mediators.guo}`, { ...body, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ maxLoad: 12, version: 2 });
    const stale = await api(coord2, 'PUT', `/mediation/mediators/${mediators.guo}`, { ...body, maxLoad: 3, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('MEDIATION_STALE');
    expect((await api(coord, 'GET', `/mediation/mediators/${mediators.guo}`)).json().maxLoad).toBe(12);
  });
});

describe('routing rules', () => {
  let trafficRule: string;
  it('creates rules and keeps every version with who saved it', async () => {
    const traffic = await api(coord, 'POST', '/mediation/rules', { areaPrefix: '350213', disputeKind: 'traffic', nodeId: nodes.traffic, priority: 100 });
    expect(traffic.statusCode, traffic.body).toBe(201);
    expect(traffic.json()).toMatchObject({ platform: 'traffic', nodeName: '道路交通事故纠纷调解平台', version: 1 });
    trafficRule = traffic.json().id;
    expect((await api(coord, 'POST', '/mediation/rules', { areaPrefix: '350213003', disputeKind: null, nodeId: nodes.xindianCommittee, priority: 50 })).statusCode).toBe(201);
    expect((await api(coord, 'POST', '/mediation/rules', { areaPrefix: '350213002', disputeKind: null, nodeId: nodes.maxiangCommittee, priority: 50 })).statusCode).toBe(201);

    const edited = await api(coord, 'PUT', `/mediation/rules/${trafficRule}`, { areaPrefix: '350213', disputeKind: 'traffic', nodeId: nodes.traffic, priority: 110, version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ priority: 110, version: 2 });
    const history = (await api(coord, 'GET', `/mediation/rules/${trafficRule}/history`)).json().items;
    expect(history.map((h: { version: number; rule: { priority: number } }) => [h.version, h.rule.priority])).toEqual([[2, 110], [1, 100]]);
    const audit = await ctx.database.pool.query(`select action from audit_entry where action like 'mediation.rule.%'`);
    expect(audit.rows.map((r: { action: string }) => r.action).sort()).toEqual(['mediation.rule.create', 'mediation.rule.create', 'mediation.rule.create', 'mediation.rule.update']);
  });

  it('refuses a rule that overlaps one of the same priority, naming it', async () => {
    const res = await api(coord, 'POST', '/mediation/rules', { areaPrefix: '350213003', disputeKind: 'traffic', nodeId: nodes.xindianCommittee, priority: 110 });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('MEDIATION_RULE_OVERLAP');
    expect(res.json().errors[0]).toMatchObject({ pointer: '/body/priority' });
    expect(res.json().errors[0].detail).toContain('道路交通事故纠纷调解平台');
    expect((await api(coord, 'GET', '/mediation/rules')).json().items).toHaveLength(3);
  });

  it.each([
    ['an unknown area', { areaPrefix: '110101' }, 422, '/body/areaPrefix'],
    ['a malformed prefix', { areaPrefix: '35021' }, 400, '/body/areaPrefix'],
    ['a priority out of range', { priority: 1001 }, 400, '/body/priority'],
    ['an organisation of another area', { areaPrefix: '350213002', nodeId: 'xindianCommittee' }, 422, '/body/nodeId'],
  ])('refuses %s', async (_n, over, status, pointer) => {
    const body = { areaPrefix: '350213', disputeKind: 'family', nodeId: nodes.centre, priority: 5, ...over } as Record<string, unknown>;
    if (body.nodeId === 'xindianCommittee') body.nodeId = nodes.xindianCommittee;
    const res = await api(coord, 'POST', '/mediation/rules', body);
    expect(res.statusCode, res.body).toBe(status);
    expect(pointers(res.json())).toContain(pointer);
  });

  it('refuses an edit of a stale version', async () => {
    const res = await api(coord2, 'PUT', `/mediation/rules/${trafficRule}`, { areaPrefix: '350213', disputeKind: 'traffic', nodeId: nodes.traffic, priority: 120, version: 1 });
    expect(res.statusCode).toBe(409);
  });
});

describe('triage and assignment', () => {
  let xindianTraffic: string;
  let maxiangFamily: string;
  let xindianLoan: string;

  beforeAll(async () => {
    xindianTraffic = await newDispute('甲与乙机动车交通事故责任纠纷', 'traffic', '350213003', 'urgent', 2);
    maxiangFamily = await newDispute('丙与丁婚姻家庭纠纷', 'family', '350213002', 'normal', 6);
    xindianLoan = await newDispute('戊与己民间借贷纠纷', 'loan', '350213003', 'normal', 10);
  });

  it('registers a matter once, with known kinds and areas only', async () => {
    const register = (over: Record<string, unknown>) =>
      ctx.database.db.transaction((tx) => registerForTriage(tx, { matterId: xindianTraffic, courtId: orgs.courtId, disputeKind: 'traffic', areaCode: '350213003', receivedAt: clock.now(), ...over } as never));
    await expect(register({})).rejects.toMatchObject({ code: 'MEDIATION_ALREADY_REGISTERED' });
    await expect(register({ matterId: uuid(), areaCode: '350213999' })).rejects.toMatchObject({ code: 'MEDIATION_INVALID', fields: [{ pointer: '/areaCode' }] });
    await expect(register({ matterId: uuid(), disputeKind: 'piracy' })).rejects.toMatchObject({ fields: [{ pointer: '/disputeKind' }] });
  });

  it('lists the queue by urgency, filtered by area node, kind and age, with the routing proposal', async () => {
    const all = (await api(coord, 'GET', '/mediation/triage')).json();
    expect(all.items.map((i: { matterId: string }) => i.matterId)).toEqual([xindianTraffic, xindianLoan, maxiangFamily]);
    expect(all.items[0]).toMatchObject({ urgency: 'urgent', areaName: '新店街道', ageDays: 2, proposal: { nodeName: '道路交通事故纠纷调解平台', platform: 'traffic' } });
    expect(all.items[1].proposal).toMatchObject({ nodeName: '新店街道人民调解委员会' });

    const xindian = (await api(coord, 'GET', `/mediation/triage?nodeId=${nodes.xindian}`)).json();
    expect(xindian.items.map((i: { matterId: string }) => i.matterId)).toEqual([xindianTraffic, xindianLoan]);
    expect((await api(coord, 'GET', `/mediation/triage?kind=family`)).json().items.map((i: { matterId: string }) => i.matterId)).toEqual([maxiangFamily]);
    expect((await api(coord, 'GET', `/mediation/triage?minAgeDays=5&sort=oldest`)).json().items.map((i: { matterId: string }) => i.matterId)).toEqual([xindianLoan, maxiangFamily]);

    const first = (await api(coord, 'GET', '/mediation/triage?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await api(coord, 'GET', `/mediation/triage?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { matterId: string }) => i.matterId)).toEqual([maxiangFamily]);
    expect(second.nextCursor).toBeNull();

    expect(pointers((await api(coord, 'GET', `/mediation/triage?nodeId=${uuid()}`)).json())).toEqual(['/querystring/nodeId']);
    expect((await api(coord, 'GET', `/mediation/triage?kind=piracy`)).statusCode).toBe(400);
    expect((await api(users.chen!.session, 'GET', '/mediation/triage')).statusCode).toBe(403);
  });

  it('ranks the mediators for a dispute and gives the reasons', async () => {
    const detail = (await api(coord, 'GET', `/mediation/triage/${xindianTraffic}`)).json();
    expect(detail.suggestions.map((s: { mediatorId: string }) => s.mediatorId)).toEqual([mediators.chen, mediators.guo, mediators.he, mediators.su]);
    expect(detail.suggestions[0].reasons).toEqual(['擅长交通事故纠纷', '同属新店街道', '当前在办 0 件/上限 8 件', '暂无结案记录', '今日值班 09:00–12:00']);
    expect(detail.suggestions[1].reasons).toContain('同属翔安区');
    expect(detail.suggestions[2]).toMatchObject({ eligible: false, reasons: expect.arrayContaining(['服务地区不含新店街道']) });
    expect(detail.suggestions[3]).toMatchObject({ eligible: false, reasons: expect.arrayContaining(['休假至 2026-12-01']) });
    expect(detail.item.version).toBe(1);
  });

  it('refuses a mediator from outside the area, writing nothing', async () => {
    const res = await api(coord, 'POST', `/mediation/triage/${xindianTraffic}/assignment`, { version: 1, plan: '交由马巷调解', members: [{ mediatorId: mediators.he, nodeId: nodes.maxiangCommittee }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('MEDIATION_OUTSIDE_AREA');
    expect(res.json().errors.map((e: { pointer: string; detail: string }) => e.detail)).toContain('测试mediator的服务地区（马巷街道）不含本纠纷所在地（新店街道）');
    const detail = (await api(coord, 'GET', `/mediation/triage/${xindianTraffic}`)).json();
    expect(detail).toMatchObject({ assignment: null, item: { version: 1, status: 'pending' } });
  });

  it.each([
    ['a group without a lead', [{ lead: false }, { lead: false }], '/body/members'],
    ['an empty plan', 'plan', '/body/plan'],
  ])('refuses %s', async (_n, shape, pointer) => {
    const members = [
      { mediatorId: mediators.chen, nodeId: nodes.xindianCommittee, lead: false },
      { mediatorId: mediators.guo, nodeId: nodes.traffic, lead: false },
    ];
    const res = await api(coord, 'POST', `/mediation/triage/${xindianTraffic}/assignment`, { version: 1, plan: shape === 'plan' ? ' ' : '联合调解', members });
    expect([400, 422]).toContain(res.statusCode);
    expect(pointers(res.json())).toContain(pointer);
  });

  it('assigns a joint group once: of two coordinators at the same moment, the second gets 409', async () => {
    const joint = { version: 1, plan: '先由交通事故调解平台核定损失，再由新店调委会组织双方面对面调解。', members: [
      { mediatorId: mediators.chen, nodeId: nodes.xindianCommittee, lead: true },
      { mediatorId: mediators.guo, nodeId: nodes.traffic, lead: false },
    ] };
    const single = { version: 1, plan: '由郭律师单独调解。', members: [{ mediatorId: mediators.guo, nodeId: nodes.traffic }] };
    const [a, b] = await Promise.all([
      api(coord, 'POST', `/mediation/triage/${xindianTraffic}/assignment`, joint, { 'idempotency-key': `assign-${randomUUID()}` }),
      api(coord2, 'POST', `/mediation/triage/${xindianTraffic}/assignment`, single, { 'idempotency-key': `assign-${randomUUID()}` }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json()).toMatchObject({ code: 'MEDIATION_ALREADY_ASSIGNED', status: 409 });
    const winner = a.statusCode === 201 ? a : b;

    const detail = (await api(coord, 'GET', `/mediation/triage/${xindianTraffic}`)).json();
    expect(detail.item).toMatchObject({ status: 'assigned', version: 2 });
    expect(detail.assignment).toEqual(winner.json());
    const { rows: parts } = await ctx.database.pool.query(`select user_id from matter_participant where matter_id = $1 and role = 'mediator'`, [xindianTraffic]);
    expect(parts.map((p) => p.user_id).sort()).toEqual((winner === a ? [users.chen!.id, users.guo!.id] : [users.guo!.id]).sort());
    const { rows: events } = await ctx.database.pool.query(`select type from domain_event where aggregate_id = $1 and type = 'mediation.assigned'`, [xindianTraffic]);
    expect(events).toHaveLength(1);
    // Each mediator gets an in-app notice and an SMS queued (or skipped for want of a phone), in the same transaction.
    const { rows: notes } = await ctx.database.pool.query(`select user_id, title from notification where kind = 'mediation.assigned' and data->>'matterId' = $1`, [xindianTraffic]);
    expect(notes.map((n) => n.user_id).sort()).toEqual(parts.map((p) => p.user_id).sort());

    // A retry of the same stale request is still refused, and nothing was written twice.
    const again = await api(coord2, 'POST', `/mediation/triage/${xindianTraffic}/assignment`, single);
    expect(again.statusCode).toBe(409);
    expect((await api(coord, 'GET', '/mediation/triage')).json().items.map((i: { matterId: string }) => i.matterId)).not.toContain(xindianTraffic);
    expect((await api(coord, 'GET', '/mediation/triage?status=assigned')).json().items.map((i: { matterId: string }) => i.matterId)).toEqual([xindianTraffic]);
  });

  it('shows the dispute in the assigned mediator’s list, and counts it in their load', async () => {
    const detail = (await api(coord, 'GET', `/mediation/triage/${xindianTraffic}`)).json();
    const lead = detail.assignment.members[0];
    const key = Object.keys(mediators).find((k) => mediators[k] === lead.mediatorId)!;
    const mine = (await api(users[key]!.session, 'GET', '/mediation/my-assignments')).json().items;
    expect(mine).toEqual([expect.objectContaining({ matterId: xindianTraffic, title: '甲与乙机动车交通事故责任纠纷', areaName: '新店街道', lead: true })]);
    expect((await api(users[key]!.session, 'GET', `/matters/${xindianTraffic}`)).statusCode).toBe(200);
    const pool = (await api(coord, 'GET', `/mediation/mediators/${lead.mediatorId}`)).json();
    expect(pool.results).toMatchObject({ total: 1, open: 1, closed: 0 });
    const ranked = (await api(coord, 'GET', `/mediation/triage/${xindianLoan}`)).json().suggestions;
    expect(ranked.find((s: { mediatorId: string }) => s.mediatorId === lead.mediatorId).reasons).toContain(`当前在办 1 件/上限 ${pool.maxLoad} 件`);
  });

  it('hides another court’s disputes as if they did not exist', async () => {
    const otherCourt = uuid();
    const otherCentre = uuid();
    await usersStore.insertOrganisation(ctx.database.db, { id: otherCourt, kind: 'court', name: '另一法院', code: '闽0203' });
    await usersStore.insertOrganisation(ctx.database.db, { id: otherCentre, kind: 'mediation_org', name: '另一调解中心', parentId: otherCourt });
    const outsider = await loginWithPassword(ctx, (await createStaff(ctx, 'coordinator', otherCentre)).username);
    expect((await api(outsider, 'GET', `/mediation/triage/${maxiangFamily}`)).statusCode).toBe(404);
    expect((await api(outsider, 'GET', '/mediation/triage')).json().items).toEqual([]);
    const res = await api(outsider, 'POST', `/mediation/triage/${maxiangFamily}/assignment`, { version: 1, plan: '越权', members: [{ mediatorId: mediators.he, nodeId: nodes.maxiangCommittee }] });
    expect(res.statusCode).toBe(404);
  });
});
