// Online filing and preservation over real HTTP on a real port and a real database: a party files a
// complaint with materials, the court's clerk asks for a correction, the party corrects, the clerk
// accepts; acceptance opens the matter, numbers the case, prices the fee and creates the payment order
// that the local provider's page pays. Bad input gets field-level problem+json and writes nothing.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersStore } from '../../platform/auth/index.ts';
import { uuid } from '../../platform/clock/index.ts';
import { createOrganisations, createParty, createStaff, loginWithPassword, loginWithSms, manualClock, startTestApp, type Fixture, type Session, type TestContext } from '../../../test/harness.ts';
import { waitFor } from '../../../test/wait.ts';
import { LAPSE_JOB } from './index.ts';

const WAN = 1_000_000;

type World = {
  ctx: TestContext;
  base: string;
  clock: ReturnType<typeof manualClock>;
  orgs: Fixture;
  otherCourtId: string;
  partyId: string;
  partyPhone: string;
  party: Session;
  otherParty: Session;
  clerk: Session;
  clerk2: Session;
  foreignClerk: Session;
};
let w: World;

beforeAll(async () => {
  const clock = manualClock(new Date());
  const ctx = await startTestApp({
    config: { PAYMENT_LOCAL_MODE: 'normal', PAYMENT_LOCAL_CALLBACK_DELAY_MS: '0', PAYMENT_LOCAL_KEY: randomBytes(32).toString('base64') },
    deps: { clock, jobs: { pollMs: 50, consumerPollMs: 50 } },
  });
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const orgs = await createOrganisations(ctx);
  const otherCourtId = uuid();
  await usersStore.insertOrganisation(ctx.database.db, { id: otherCourtId, kind: 'court', name: '另一法院', code: '闽0203' });
  const p = await createParty(ctx);
  const other = await createParty(ctx);
  const login = async (role: 'clerk', org: string) => loginWithPassword(ctx, (await createStaff(ctx, role, org)).username);
  w = {
    ctx,
    base: `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`,
    clock,
    orgs,
    otherCourtId,
    partyId: p.id,
    partyPhone: p.phone,
    party: await loginWithSms(ctx, p.phone),
    otherParty: await loginWithSms(ctx, other.phone),
    clerk: await login('clerk', orgs.courtId),
    clerk2: await login('clerk', orgs.courtId),
    foreignClerk: await login('clerk', otherCourtId),
  };
});
afterAll(() => w?.ctx.close());

const call = async (s: Session | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${w.base}${path}`, {
    method,
    headers: { ...(s?.headers ?? {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, json: type.includes('json') ? ((await res.json()) as any) : undefined, bytes: type.includes('pdf') ? new Uint8Array(await res.arrayBuffer()) : undefined };
};

async function upload(s: Session, name: string, content: string) {
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'text/plain' }), name);
  const res = await fetch(`${w.base}/api/v1/files`, { method: 'POST', headers: s.headers, body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const complaint = (over: Record<string, unknown> = {}) => ({
  courtId: w.orgs.courtId,
  cause: '民间借贷纠纷',
  parties: [
    { kind: 'person', side: 'plaintiff', name: '张三', sex: 'male', idKind: 'mainland-resident', idNumber: '11010519491231002X', address: '厦门市湖里区仙岳路 1 号', phone: '13900001111' },
    { kind: 'organisation', side: 'defendant', name: '厦门某某贸易有限公司', uscc: '91110000100017707H', address: '厦门市思明区某路 2 号', representative: '李四' },
  ],
  claims: [
    { description: '判令被告偿还借款本金', amountFen: 8 * WAN },
    { description: '判令被告支付利息', amountFen: 2 * WAN },
    { description: '判令被告承担本案诉讼费用' },
  ],
  facts: '2025 年 3 月 1 日，被告向原告借款十万元，约定同年 12 月 31 日归还，到期未还。',
  evidence: '借条一份，银行转账记录一份（来源：原告）。',
  ...over,
});

const submit = (body: unknown, s = w.party, key = `filing-${randomUUID()}`) => call(s, 'POST', '/api/v1/filings', body, { 'idempotency-key': key });
const rowCount = async (table: string) => Number((await w.ctx.database.pool.query(`select count(*) from ${table}`)).rows[0].count);

describe('bad input: field-level problem+json, nothing written', () => {
  it.each([
    ['an ID number with a wrong check digit', { parties: [{ kind: 'person', side: 'plaintiff', name: '张三', idNumber: '110105194912310021', address: '厦门', phone: '13900001111' }, { kind: 'person', side: 'defendant', name: '李四', address: '厦门' }] }, '/body/parties/0/idNumber', '校验码'],
    ['a USCC with a wrong check character', { parties: [{ kind: 'person', side: 'plaintiff', name: '张三', idNumber: '11010519491231002X', address: '厦门', phone: '13900001111' }, { kind: 'organisation', side: 'defendant', name: '某公司', uscc: '91110000100017707J', address: '厦门' }] }, '/body/parties/1/uscc', '校验码'],
    // 《民事诉讼法》第一百二十二条第二项: a clear defendant.
    ['no defendant', { parties: [{ kind: 'person', side: 'plaintiff', name: '张三', idNumber: '11010519491231002X', address: '厦门', phone: '13900001111' }, { kind: 'person', side: 'third-party', name: '王五', address: '厦门' }] }, '/body/parties', '被告'],
    // 第一百二十四条第一项: the plaintiff's contact details.
    ['a plaintiff without contact', { parties: [{ kind: 'person', side: 'plaintiff', name: '张三', idNumber: '11010519491231002X', address: '厦门' }, { kind: 'person', side: 'defendant', name: '李四', address: '厦门' }] }, '/body/parties/0/phone', '联系方式'],
    // 第一百二十四条第三项: claims, facts and reasons.
    ['no claims', { claims: [] }, '/body/claims', '诉讼请求'],
    ['no facts', { facts: '' }, '/body/facts', '事实与理由'],
    ['no evidence', { evidence: undefined }, '/body/evidence', '证据'],
    ['a negative amount', { claims: [{ description: '偿还借款', amountFen: -100 }] }, '/body/claims/0/amountFen', '大于零'],
    ['a zero amount', { claims: [{ description: '偿还借款', amountFen: 0 }] }, '/body/claims/0/amountFen', '大于零'],
    ['an absurd amount', { claims: [{ description: '偿还借款', amountFen: 1e18 }] }, '/body/claims/0/amountFen', '超出'],
    ['a fractional amount', { claims: [{ description: '偿还借款', amountFen: 10.5 }] }, '/body/claims/0/amountFen', '整数'],
  ])('refuses %s', async (_what, over, pointer, words) => {
    const before = await rowCount('filing_application');
    const res = await submit(complaint(over));
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    const field = (res.json.errors as { pointer: string; detail: string }[]).find((e) => e.pointer === pointer);
    expect(field, JSON.stringify(res.json.errors)).toBeDefined();
    expect(field!.detail).toContain(words);
    expect(await rowCount('filing_application')).toBe(before);
  });

  it('refuses materials that are not the filer’s own upload, and an unknown court', async () => {
    const foreignFile = await upload(w.otherParty, 'other.txt', 'not yours');
    const res = await submit(complaint({ materialFileIds: [foreignFile] }));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].pointer).toBe('/body/materialFileIds/0');
    const court = await submit(complaint({ courtId: w.orgs.mediationOrgId }));
    expect(court.status).toBe(400);
    expect(court.json.errors[0].pointer).toBe('/body/courtId');
    expect(await rowCount('filing_party')).toBe(0);
  });

  it('lets only parties and agents file', async () => {
    expect((await submit(complaint(), w.clerk)).status).toBe(403);
  });
});

describe('filing, correction and acceptance', () => {
  let filingId: string;
  let version: number;

  it('submits a complaint with materials, once per Idempotency-Key, and renders it as 民事起诉状', async () => {
    const material = await upload(w.party, '借条.txt', '今借到张三人民币十万元整。');
    const key = `filing-${randomUUID()}`;
    const first = await submit(complaint({ materialFileIds: [material] }), w.party, key);
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json).toMatchObject({ status: 'submitted', version: 1, claimsTotalFen: 10 * WAN, courtName: '测试法院', materials: [{ fileId: material, filename: '借条.txt' }] });
    expect(first.json.parties[0]).toMatchObject({ name: '张三', idNumber: '11010519491231002X' });
    const again = await submit(complaint({ materialFileIds: [material] }), w.party, key);
    expect(again.json.id).toBe(first.json.id);
    expect(Number((await w.ctx.database.pool.query(`select count(*) from filing_application where filer_id = $1`, [w.partyId])).rows[0].count)).toBe(1);
    filingId = first.json.id;
    version = first.json.version;

    // Identity numbers and phones are sealed at rest: the clear number is nowhere in the row.
    const stored = await w.ctx.database.pool.query(`select p.*::text as t from filing_party p where application_id = $1`, [filingId]);
    expect(stored.rows.map((r) => r.t).join()).not.toContain('11010519491231002X');

    const pdf = await call(w.party, 'GET', `/api/v1/filings/${filingId}/complaint.pdf`);
    expect(pdf.status).toBe(200);
    expect((await PDFDocument.load(pdf.bytes!)).getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it('shows the application to the filer and the court’s clerks only (others: 404)', async () => {
    expect((await call(w.party, 'GET', `/api/v1/filings/${filingId}`)).status).toBe(200);
    expect((await call(w.clerk, 'GET', `/api/v1/filings/${filingId}`)).status).toBe(200);
    expect((await call(w.otherParty, 'GET', `/api/v1/filings/${filingId}`)).status).toBe(404);
    expect((await call(w.foreignClerk, 'GET', `/api/v1/filings/${filingId}`)).status).toBe(404);
    expect((await call(w.foreignClerk, 'POST', `/api/v1/filings/${filingId}/decision`, { action: 'accept', version })).status).toBe(404);
    const mine = await call(w.party, 'GET', '/api/v1/filings');
    expect(mine.json.items.map((i: { id: string }) => i.id)).toContain(filingId);
    expect((await call(w.otherParty, 'GET', '/api/v1/filings')).json.items).toEqual([]);
    expect((await call(w.foreignClerk, 'GET', '/api/v1/filings?scope=queue')).json.items).toEqual([]);
  });

  it('queues it for the court’s clerk, filtered by status and age (《民事诉讼法》第一百二十六条: seven days)', async () => {
    const queue = await call(w.clerk, 'GET', '/api/v1/filings?scope=queue&status=submitted');
    expect(queue.json.items[0]).toMatchObject({ id: filingId, title: '张三诉厦门某某贸易有限公司民间借贷纠纷', status: 'submitted' });
    expect((await call(w.clerk, 'GET', '/api/v1/filings?scope=queue&minAgeDays=7')).json.items).toEqual([]);
    expect((await call(w.clerk, 'GET', '/api/v1/filings?scope=queue&status=accepted')).json.items).toEqual([]);
  });

  it('asks for a correction with reasons per item and a 15-day default deadline, notifying in-app and by SMS (在线诉讼规则第九条第二项)', async () => {
    const bad = await call(w.clerk, 'POST', `/api/v1/filings/${filingId}/decision`, { action: 'correct', version, items: [] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].pointer).toBe('/body/items');

    const res = await call(w.clerk, 'POST', `/api/v1/filings/${filingId}/decision`, { action: 'correct', version, items: [{ field: 'parties', reason: '请补充被告的法定代表人职务' }, { field: 'evidence', reason: '请上传转账记录' }] });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.status).toBe('correction');
    expect(res.json.correction.items).toHaveLength(2);
    const days = (Date.parse(res.json.correction.deadline) - w.clock.now().getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(15);
    expect(days).toBeLessThanOrEqual(16);

    // The second clerk acted on the version they loaded before: a clear 409, nothing changes.
    const stale = await call(w.clerk2, 'POST', `/api/v1/filings/${filingId}/decision`, { action: 'refuse', version, reasons: '不属于本院管辖' });
    expect(stale.status).toBe(409);
    expect(stale.json.code).toBe('FILING_STALE');
    expect((await call(w.party, 'GET', `/api/v1/filings/${filingId}`)).json.status).toBe('correction');

    const inbox = await w.ctx.database.pool.query(`select title from notification where user_id = $1 and kind = 'filing.correction'`, [w.partyId]);
    expect(inbox.rows).toHaveLength(1);
    const sms = await w.ctx.database.pool.query(`select d.body from notification_delivery d join notification n on n.id = d.notification_id where n.user_id = $1 and d.channel = 'sms' and n.kind = 'filing.correction'`, [w.partyId]);
    expect(sms.rows[0].body).toContain('请上传转账记录');
    version = res.json.version;
  });

  it('takes the party’s correction, which restarts the seven days; a clerk cannot accept while it awaits correction', async () => {
    expect((await call(w.clerk, 'POST', `/api/v1/filings/${filingId}/decision`, { action: 'accept', version })).status).toBe(409);
    expect((await call(w.otherParty, 'PUT', `/api/v1/filings/${filingId}`, { version, filing: complaint() })).status).toBe(404);
    const corrected = complaint();
    (corrected.parties as { representativeTitle?: string }[])[1]!.representativeTitle = '执行董事';
    const res = await call(w.party, 'PUT', `/api/v1/filings/${filingId}`, { version, filing: corrected });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.status).toBe('submitted');
    expect(res.json.history.map((h: { status: string }) => h.status)).toEqual(['submitted', 'correction', 'submitted']);
    version = res.json.version;
  });

  it('accepts once when two clerks act at once: matter, case number 民初, fee and payment order in one go', async () => {
    const [a, b] = await Promise.all([
      call(w.clerk, 'POST', `/api/v1/filings/${filingId}/decision`, { action: 'accept', version }),
      call(w.clerk2, 'POST', `/api/v1/filings/${filingId}/decision`, { action: 'accept', version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const accepted = (a.status === 200 ? a : b).json;
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(w.clock.now());
    expect(accepted).toMatchObject({ status: 'accepted', caseNumber: `（${year}）闽0213民初1号`, feeFen: 230_000 });
    expect(Number((await w.ctx.database.pool.query(`select count(*) from matter`)).rows[0].count)).toBe(1);

    // The party sees the matter and the payment link.
    const mine = await call(w.party, 'GET', `/api/v1/filings/${filingId}`);
    expect(mine.json.payment).toMatchObject({ status: 'pending', amountFen: 230_000 });
    expect(mine.json.payment.payUrl).toMatch(/\/pay\/local\//);
    expect((await call(w.party, 'GET', `/api/v1/matters/${accepted.matterId}`)).status).toBe(200);
    const events = await w.ctx.database.pool.query(`select type from domain_event where aggregate_id in ($1, $2) order by id`, [filingId, accepted.matterId]);
    expect(events.rows.map((r) => r.type)).toEqual(expect.arrayContaining(['filing.submitted', 'filing.correction', 'filing.accepted', 'matter.created', 'payment.order.created', 'filing.case.registered']));

    const notice = await call(w.party, 'GET', `/api/v1/filings/${filingId}/fee-notice.pdf`);
    expect(notice.status).toBe(200);
    expect((await PDFDocument.load(notice.bytes!)).getPageCount()).toBe(1);

    // Paying on the provider's page: the signed callback makes it paid.
    const confirm = await fetch(`${mine.json.payment.payUrl}/confirm`, { method: 'POST' });
    expect(confirm.status).toBe(200);
    await waitFor(async () => (await call(w.party, 'GET', `/api/v1/filings/${filingId}`)).json.payment.status === 'paid', { what: 'the payment callback' });
    expect((await call(w.party, 'GET', `/api/v1/payments/${mine.json.payment.orderId}/receipt.pdf`)).status).toBe(200);
  });

  it('refuses with reasons and a ruling (不予受理, 《民事诉讼法》第一百二十六条)', async () => {
    const filed = await submit(complaint());
    const res = await call(w.clerk, 'POST', `/api/v1/filings/${filed.json.id}/decision`, { action: 'refuse', version: 1, reasons: '本案不属于人民法院受理民事诉讼的范围。' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'refused', refusalReasons: '本案不属于人民法院受理民事诉讼的范围。' });
    const ruling = await call(w.party, 'GET', `/api/v1/filings/${filed.json.id}/ruling.pdf`);
    expect(ruling.status).toBe(200);
    expect(ruling.bytes!.length).toBeGreaterThan(1000);
    expect((await call(w.party, 'GET', `/api/v1/filings/${filed.json.id}/fee-notice.pdf`)).status).toBe(404);
  });

});

describe('property preservation', () => {
  const pre = (over: Record<string, unknown> = {}) => ({
    stage: 'pre-litigation',
    courtId: w.orgs.courtId,
    respondent: '厦门某某贸易有限公司',
    reasons: '被申请人正在转移财产，不立即保全将使判决难以执行。',
    amountFen: 10 * WAN,
    property: [{ kind: 'bank-account', description: '被申请人的银行存款', location: '某银行厦门分行 6222 0000 0000 0000', valueFen: 10 * WAN }],
    guarantee: { kind: 'cash', amountFen: 10 * WAN },
    ...over,
  });
  const apply = (body: unknown, s = w.party) => call(s, 'POST', '/api/v1/preservations', body, { 'idempotency-key': `pres-${randomUUID()}` });

  it('requires a guarantee equal to the amount before litigation (《民事诉讼法》第一百零四条; 财产保全规定第五条第二款)', async () => {
    const before = await rowCount('preservation_application');
    const none = await apply(pre({ guarantee: { kind: 'none', amountFen: 0 } }));
    expect(none.status).toBe(400);
    expect(none.json.errors.map((e: { pointer: string }) => e.pointer)).toContain('/body/guarantee/kind');
    const short = await apply(pre({ guarantee: { kind: 'insurance', amountFen: 9 * WAN } }));
    expect(short.status).toBe(400);
    expect(short.json.errors[0].pointer).toBe('/body/guarantee/amountFen');
    const negative = await apply(pre({ amountFen: -1 }));
    expect(negative.status).toBe(400);
    expect(negative.json.errors[0].pointer).toBe('/body/amountFen');
    const noProperty = await apply(pre({ property: [] }));
    expect(noProperty.json.errors[0].pointer).toBe('/body/property');
    expect(await rowCount('preservation_application')).toBe(before);
  });

  it('takes a pre-litigation application with its fee (第十四条第二项) and a payment order; the clerk grants it with a 财保 number', async () => {
    const res = await apply(pre());
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ status: 'submitted', feeFen: 102_000, payment: { status: 'pending', amountFen: 102_000 } });
    expect(res.json.property[0].location).toContain('6222');
    expect((await call(w.otherParty, 'GET', `/api/v1/preservations/${res.json.id}`)).status).toBe(404);
    expect((await call(w.foreignClerk, 'POST', `/api/v1/preservations/${res.json.id}/decision`, { action: 'grant', version: 1, reasons: '符合法律规定' })).status).toBe(404);
    const granted = await call(w.clerk, 'POST', `/api/v1/preservations/${res.json.id}/decision`, { action: 'grant', version: 1, reasons: '申请符合法律规定，担保充分。' });
    expect(granted.status, JSON.stringify(granted.json)).toBe(200);
    expect(granted.json.status).toBe('granted');
    expect(granted.json.caseNumber).toMatch(/闽0213财保1号$/);
    expect((await call(w.clerk2, 'POST', `/api/v1/preservations/${res.json.id}/decision`, { action: 'refuse', version: 1, reasons: '担保不足' })).status).toBe(409);
  });

  it('takes an in-litigation application without a guarantee (第一百零三条第二款: the court may require one) on the party’s accepted case only', async () => {
    const accepted = (await call(w.party, 'GET', '/api/v1/filings?status=accepted')).json.items[0];
    const res = await apply(pre({ stage: 'in-litigation', filingId: accepted.id, guarantee: { kind: 'none', amountFen: 0, exemption: 'clear-facts' } }));
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ stage: 'in-litigation', guarantee: { kind: 'none', exemption: 'clear-facts' } });
    const foreign = await apply(pre({ stage: 'in-litigation', filingId: accepted.id, guarantee: { kind: 'none', amountFen: 0 } }), w.otherParty);
    expect(foreign.status).toBe(404);
    const refused = await call(w.clerk, 'POST', `/api/v1/preservations/${res.json.id}/decision`, { action: 'refuse', version: 1, reasons: '申请人未按要求提供担保。' });
    expect(refused.json).toMatchObject({ status: 'refused', decisionReasons: '申请人未按要求提供担保。' });
  });
});

describe('a missed correction deadline', () => {
  it('lapses an application not corrected in time (登记立案规定第七条第三款), and refuses a late correction', async () => {
    const filed = await submit(complaint());
    const asked = await call(w.clerk, 'POST', `/api/v1/filings/${filed.json.id}/decision`, { action: 'correct', version: 1, items: [{ field: 'facts', reason: '请写明借款交付的经过' }], deadlineDays: 3 });
    expect(asked.status).toBe(200);
    w.clock.set(new Date(Date.parse(asked.json.correction.deadline)));
    // Days have passed: sessions have expired, so both sign in again.
    w.party = await loginWithSms(w.ctx, w.partyPhone);
    const late = await call(w.party, 'PUT', `/api/v1/filings/${filed.json.id}`, { version: asked.json.version, filing: complaint() });
    expect(late.status).toBe(409);
    expect(late.json.code).toBe('FILING_CORRECTION_OVERDUE');
    await w.ctx.database.db.transaction((tx) => w.ctx.app.platform.jobs.enqueue(tx, LAPSE_JOB, {}));
    await waitFor(async () => (await call(w.party, 'GET', `/api/v1/filings/${filed.json.id}`)).json.status === 'lapsed', { what: 'the lapse job' });
    const after = (await call(w.party, 'GET', `/api/v1/filings/${filed.json.id}`)).json;
    expect(after.history.at(-1)).toMatchObject({ status: 'lapsed', note: '逾期未补正' });
  });
});
