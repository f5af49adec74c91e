// Payments over real HTTP on real ports: a party creates an order, pays on the local provider's hosted
// page, and the provider's signed notification arrives over HTTP from its queued job to our listening
// port; only then is the fee paid. Forged, replayed, wrong-amount and unknown notifications are refused,
// audited and change nothing; duplicates are idempotent; unpaid orders expire; refunds are computed by
// the fee rules, approved by staff and paid back through the same provider.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisations,
  createParty,
  createStaff,
  loginWithPassword,
  loginWithSms,
  manualClock,
  startTestApp,
  type Fixture,
  type Session,
  type TestContext,
} from '../../../test/harness.ts';
import { waitFor } from '../../../test/wait.ts';
import { EXPIRE_JOB, signNotification } from './index.ts';

const KEY = randomBytes(32);
const WAN = 1_000_000;
const FEE_100K = { kind: 'property', amountFen: 10 * WAN }; // 2,300元 (《诉讼费用交纳办法》第十三条第一项)

type Pay = {
  ctx: TestContext;
  base: string;
  clock: ReturnType<typeof manualClock>;
  orgs: Fixture;
  party: Session;
  otherParty: Session;
  clerk: Session;
  matterId: string;
  close(): Promise<void>;
};

/** An app on a real port, with the local provider in the given mode and its callbacks sent at once. */
async function startPayApp(mode: string, config: Record<string, string> = {}): Promise<Pay> {
  const clock = manualClock(new Date());
  const ctx = await startTestApp({
    config: { PAYMENT_LOCAL_MODE: mode, PAYMENT_LOCAL_CALLBACK_DELAY_MS: '0', PAYMENT_LOCAL_KEY: KEY.toString('base64'), PAYMENT_ORDER_TIMEOUT_MINUTES: '30', ...config },
    deps: { clock, jobs: { pollMs: 50, consumerPollMs: 50 } },
  });
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  const orgs = await createOrganisations(ctx);
  const p = await createParty(ctx);
  const other = await createParty(ctx);
  const clerkUser = await createStaff(ctx, 'clerk', orgs.courtId);
  const clerk = await loginWithPassword(ctx, clerkUser.username);
  const party = await loginWithSms(ctx, p.phone);
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/matters',
    headers: clerk.headers,
    payload: { title: '甲与乙民间借贷纠纷', courtId: orgs.courtId, participants: [{ userId: p.id, role: 'party' }] },
  });
  expect(created.statusCode).toBe(201);
  return { ctx, base, clock, orgs, party, otherParty: await loginWithSms(ctx, other.phone), clerk, matterId: created.json().id, close: () => ctx.close() };
}

const http = (pay: Pay, s: Session | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${pay.base}${path}`, {
    method,
    headers: { ...(s?.headers ?? {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function createOrder(pay: Pay, body: unknown = { fee: FEE_100K }, s = pay.party) {
  const res = await http(pay, s, 'POST', `/api/v1/matters/${pay.matterId}/payments`, body, { 'idempotency-key': `pay-${randomUUID()}` });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; payUrl: string; amountFen: number; status: string };
}

const orderOf = async (pay: Pay, id: string, s = pay.party) => (await (await http(pay, s, 'GET', `/api/v1/payments/${id}`)).json()) as Record<string, unknown> & { status: string; refunds: { id: string; status: string }[] };
const providerOrderId = (payUrl: string) => payUrl.split('/').pop()!;
/** What the payer does on the hosted page: the page's own button posts without our session. */
const confirmOnPage = async (pay: Pay, payUrl: string) => (await (await fetch(`${payUrl}/confirm`, { method: 'POST' })).json()) as { outcome: string };

async function eventsOf(pay: Pay, type: string, orderId: string) {
  const { rows } = await pay.ctx.database.pool.query(`select id from domain_event where type = $1 and payload->>'orderId' = $2`, [type, orderId]);
  return rows.length;
}
async function callbackAudits(pay: Pay) {
  const { rows } = await pay.ctx.database.pool.query<{ outcome: string; status_code: number; detail: Record<string, string> | null; resource_id: string | null }>(
    `select outcome, status_code, detail, resource_id from audit_entry where action = 'payment.callback' order by id`,
  );
  return rows;
}

/** A notification as the provider would sign it (the test holds the provider's key). */
function notify(pay: Pay, body: Record<string, unknown>, opts: { nonce?: string; key?: Buffer } = {}) {
  const raw = JSON.stringify(body);
  return fetch(`${pay.base}/api/v1/payments/callbacks/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signNotification(opts.key ?? KEY, raw, pay.clock.now(), opts.nonce) },
    body: raw,
  });
}

describe('the whole loop with the local provider', () => {
  let pay: Pay;
  beforeAll(async () => {
    pay = await startPayApp('normal');
  });
  afterAll(() => pay?.close());

  it('is paid only once the signed notification arrives over HTTP, with a receipt that verifies', async () => {
    const order = await createOrder(pay, { fee: FEE_100K, amountFen: 230_000 });
    expect(order).toMatchObject({ status: 'pending', amountFen: 230_000, purpose: 'case-acceptance' });
    expect(order.payUrl).toMatch(new RegExp(`^${pay.base}/pay/local/LP\\d{28}$`));

    const page = await fetch(order.payUrl);
    const html = await page.text();
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('￥2,300.00');
    expect(html).toContain('收款方：测试法院');
    expect(html).toContain('确认支付');
    expect(html).toContain('width=device-width');

    // Before the payer confirms, nothing is paid and there is no receipt.
    expect((await orderOf(pay, order.id)).status).toBe('pending');
    expect((await http(pay, pay.party, 'GET', `/api/v1/payments/${order.id}/receipt.pdf`)).status).toBe(404);

    expect(await confirmOnPage(pay, order.payUrl)).toMatchObject({ outcome: 'paid' });
    const paid = await waitFor(async () => {
      const o = await orderOf(pay, order.id);
      return o.status === 'paid' ? o : undefined;
    }, { what: 'the payment notification' });
    expect(paid).toMatchObject({ paidAt: expect.any(String), payUrl: null, receiptCode: expect.stringMatching(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/) });
    expect(await eventsOf(pay, 'payment.order.paid', order.id)).toBe(1);
    // The payment's events reach the evidence ledger, each with a receipt anyone can verify.
    const leaves = await waitFor(async () => {
      const { rows } = await pay.ctx.database.pool.query<{ type: string; digest: string }>(
        `select e.type, encode(l.subject_digest, 'hex') as digest from domain_event e join ledger_leaf l on l.kind = 'event' and l.ref = e.id::text
          where e.payload->>'orderId' = $1 order by e.id`,
        [order.id],
      );
      return rows.length === 2 ? rows : undefined;
    }, { what: 'the ledger leaves' });
    expect(leaves.map((l) => l.type)).toEqual(['payment.order.created', 'payment.order.paid']);
    expect((await http(pay, null, 'GET', `/api/v1/ledger/receipts/${leaves[1]!.digest}`)).status).toBe(200);
    const audits = await waitFor(async () => {
      const rows = await callbackAudits(pay);
      return rows.length ? rows : undefined;
    }, { what: 'the audit entry' });
    expect(audits.at(-1)).toMatchObject({ outcome: 'success', status_code: 200, detail: { outcome: 'applied' }, resource_id: order.id });

    const pdf = await http(pay, pay.party, 'GET', `/api/v1/payments/${order.id}/receipt.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(1);
    const verified = await http(pay, null, 'GET', `/api/v1/payments/receipts/${paid.receiptCode as string}`);
    expect(await verified.json()).toMatchObject({ kind: 'payment', purpose: 'case-acceptance', amountFen: 230_000 });

    // The hosted page now only says so; paying again is refused by the provider.
    expect(await (await fetch(order.payUrl)).text()).toContain('支付成功');
    expect(await confirmOnPage(pay, order.payUrl)).toMatchObject({ outcome: 'unavailable' });
  });

  it('refuses forged, replayed, wrong-amount and unknown notifications, audits each, and changes nothing', async () => {
    const order = await createOrder(pay);
    const genuine = { event: 'payment', merchantOrderId: order.id, providerOrderId: providerOrderId(order.payUrl), transactionId: '4200000001', status: 'paid', amountFen: order.amountFen };
    const before = (await callbackAudits(pay)).length;

    const forged = await notify(pay, genuine, { key: randomBytes(32) });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await forged.json()).code).toBe('PAYMENT_CALLBACK_BAD_SIGNATURE');

    const wrongAmount = await notify(pay, { ...genuine, amountFen: 1 });
    expect(wrongAmount.status).toBe(400);
    expect((await wrongAmount.json()).code).toBe('PAYMENT_CALLBACK_AMOUNT_MISMATCH');

    const unknown = await notify(pay, { ...genuine, merchantOrderId: randomUUID() });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe('PAYMENT_CALLBACK_UNKNOWN_ORDER');
    // Another order's provider id with this order's id is as unknown.
    expect((await notify(pay, { ...genuine, providerOrderId: 'LP20260101000000000000000000001' })).status).toBe(404);

    const garbage = await fetch(`${pay.base}/api/v1/payments/callbacks/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"event":"payment"' });
    expect(garbage.status).toBe(401);

    expect((await orderOf(pay, order.id)).status).toBe('pending');
    expect(await eventsOf(pay, 'payment.order.paid', order.id)).toBe(0);

    // Signed with the provider's key: accepted once; the same notification again (same nonce) is a replay.
    const nonce = randomBytes(12).toString('hex');
    const first = await notify(pay, genuine, { nonce });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ code: 'SUCCESS', message: '成功' });
    const replay = await notify(pay, genuine, { nonce });
    expect(replay.status).toBe(409);
    expect((await replay.json()).code).toBe('PAYMENT_CALLBACK_REPLAYED');
    // A new notification of the same payment (new nonce) is a duplicate: answered, nothing changes.
    const again = await notify(pay, genuine);
    expect(await again.json()).toEqual({ code: 'SUCCESS', message: '重复通知，已处理' });
    expect(await eventsOf(pay, 'payment.order.paid', order.id)).toBe(1);

    // Audit entries are written once each answer is sent.
    const audits = await waitFor(async () => {
      const rows = (await callbackAudits(pay)).slice(before);
      return rows.length === 8 ? rows : undefined;
    }, { what: 'eight audit entries' });
    expect(audits.map((a) => [a.outcome, a.detail?.code ?? a.detail?.outcome])).toEqual([
      ['denied', 'PAYMENT_CALLBACK_BAD_SIGNATURE'],
      ['failed', 'PAYMENT_CALLBACK_AMOUNT_MISMATCH'],
      ['failed', 'PAYMENT_CALLBACK_UNKNOWN_ORDER'],
      ['failed', 'PAYMENT_CALLBACK_UNKNOWN_ORDER'],
      ['denied', 'PAYMENT_CALLBACK_BAD_SIGNATURE'],
      ['success', 'applied'],
      ['failed', 'PAYMENT_CALLBACK_REPLAYED'],
      ['success', 'duplicate'],
    ]);
  });

  it('lets only the matter’s parties pay, prices the fee by the Decree, and replays a retried create', async () => {
    const refused = await http(pay, pay.clerk, 'POST', `/api/v1/matters/${pay.matterId}/payments`, { fee: FEE_100K });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('PAYMENT_NOT_ALLOWED');
    const stranger = await http(pay, pay.otherParty, 'POST', `/api/v1/matters/${pay.matterId}/payments`, { fee: FEE_100K });
    expect(stranger.status).toBe(404);
    expect((await http(pay, pay.otherParty, 'GET', `/api/v1/matters/${pay.matterId}/payments`)).status).toBe(404);

    const wrong = await http(pay, pay.party, 'POST', `/api/v1/matters/${pay.matterId}/payments`, { fee: FEE_100K, amountFen: 229_999 });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: 'PAYMENT_AMOUNT_MISMATCH', errors: [{ pointer: '/body/amountFen', detail: '按《诉讼费用交纳办法》应缴 230000 分' }] });
    for (const bad of [{ kind: 'property', amountFen: -1 }, { kind: 'property', amountFen: 'abc' }, { kind: 'property', amountFen: 1e18 }, { kind: 'lottery', amountFen: 100 }]) {
      const res = await http(pay, pay.party, 'POST', `/api/v1/matters/${pay.matterId}/payments`, { fee: bad });
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0].pointer).toMatch(/^\/body\/fee/);
    }

    const key = `retry-${randomUUID()}`;
    const a = await http(pay, pay.party, 'POST', `/api/v1/matters/${pay.matterId}/payments`, { fee: { kind: 'preservation', amountFen: 10 * WAN } }, { 'idempotency-key': key });
    const b = await http(pay, pay.party, 'POST', `/api/v1/matters/${pay.matterId}/payments`, { fee: { kind: 'preservation', amountFen: 10 * WAN } }, { 'idempotency-key': key });
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    const [oa, ob] = [await a.json(), await b.json()];
    expect(ob.id).toBe(oa.id);
    expect(oa).toMatchObject({ purpose: 'application', feeKind: 'preservation', amountFen: 102_000 });
    const list = (await (await http(pay, pay.clerk, 'GET', `/api/v1/matters/${pay.matterId}/payments`)).json()).items as { id: string }[];
    expect(list.filter((o) => o.id === oa.id)).toHaveLength(1);
  });

  it('closes an unpaid order after its time, at the provider first, so it can no longer be paid', async () => {
    const order = await createOrder(pay);
    pay.clock.advance(31 * 60_000);
    await pay.ctx.database.db.transaction((tx) => pay.ctx.app.platform.jobs.enqueue(tx, EXPIRE_JOB, {}));
    await waitFor(async () => (await orderOf(pay, order.id)).status === 'closed', { what: 'the order to expire' });
    expect(await eventsOf(pay, 'payment.order.closed', order.id)).toBe(1);
    expect(await (await fetch(order.payUrl)).text()).toContain('订单已关闭');
    expect(await confirmOnPage(pay, order.payUrl)).toMatchObject({ outcome: 'unavailable' });
  });

  it('refunds half after mediation once staff approve, paid back through the provider; refuses more than was paid', async () => {
    const order = await createOrder(pay);
    await confirmOnPage(pay, order.payUrl);
    await waitFor(async () => (await orderOf(pay, order.id)).status === 'paid', { what: 'payment' });

    const over = await http(pay, pay.party, 'POST', `/api/v1/payments/${order.id}/refunds`, { reason: 'prevailed', amountFen: 230_001 });
    expect(over.status).toBe(409);
    expect(await over.json()).toMatchObject({ code: 'REFUND_EXCEEDS_PAID', errors: [{ pointer: '/body/amountFen' }] });
    const none = await http(pay, pay.party, 'POST', `/api/v1/payments/${order.id}/refunds`, { reason: 'suspended' });
    expect((await none.json()).code).toBe('REFUND_NOT_ALLOWED');

    const asked = await http(pay, pay.party, 'POST', `/api/v1/payments/${order.id}/refunds`, { reason: 'mediated' }, { 'idempotency-key': `refund-${randomUUID()}` });
    expect(asked.status).toBe(201);
    const refund = await asked.json();
    expect(refund).toMatchObject({ status: 'requested', amountFen: 115_000, basis: expect.stringContaining('《诉讼费用交纳办法》第十五条') });
    // Half is asked for: the rest cannot be asked for as well.
    const twice = await http(pay, pay.party, 'POST', `/api/v1/payments/${order.id}/refunds`, { reason: 'prevailed', amountFen: 115_001 });
    expect((await twice.json()).code).toBe('REFUND_EXCEEDS_PAID');

    const byParty = await http(pay, pay.party, 'POST', `/api/v1/refunds/${refund.id}/decision`, { approve: true });
    expect(byParty.status).toBe(403);
    expect((await byParty.json()).code).toBe('REFUND_APPROVER_REQUIRED');
    expect((await orderOf(pay, order.id)).refunds[0]!.status).toBe('requested');

    const approved = await http(pay, pay.clerk, 'POST', `/api/v1/refunds/${refund.id}/decision`, { approve: true, note: '调解结案' });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'approved' });
    const done = await waitFor(async () => {
      const o = await orderOf(pay, order.id);
      return o.refunds[0]!.status === 'refunded' ? o : undefined;
    }, { what: 'the refund notification' });
    expect(done).toMatchObject({ refundedFen: 115_000, status: 'paid' });
    expect(await http(pay, pay.clerk, 'POST', `/api/v1/refunds/${refund.id}/decision`, { approve: true }).then((r) => r.json())).toMatchObject({ code: 'REFUND_NOT_PENDING' });

    const pdf = await http(pay, pay.party, 'GET', `/api/v1/refunds/${refund.id}/receipt.pdf`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const { rows } = await pay.ctx.database.pool.query(`select type from domain_event where payload->>'refundId' = $1 order by id`, [refund.id]);
    expect(rows.map((r) => r.type)).toEqual(['payment.refund.requested', 'payment.refund.approved', 'payment.refund.refunded']);

    // A refused request frees its amount again.
    const second = await (await http(pay, pay.party, 'POST', `/api/v1/payments/${order.id}/refunds`, { reason: 'prevailed' })).json();
    expect(second).toMatchObject({ amountFen: 115_000 });
    expect(await (await http(pay, pay.clerk, 'POST', `/api/v1/refunds/${second.id}/decision`, { approve: false })).json()).toMatchObject({ status: 'rejected' });
    expect((await http(pay, pay.party, 'POST', `/api/v1/payments/${order.id}/refunds`, { reason: 'prevailed', amountFen: 115_000 })).status).toBe(201);
  });
});

describe('when the provider misbehaves', () => {
  it('duplicate: two genuine notifications, the fee paid once', async () => {
    const pay = await startPayApp('duplicate');
    try {
      const order = await createOrder(pay);
      await confirmOnPage(pay, order.payUrl);
      await waitFor(async () => (await callbackAudits(pay)).length === 2, { what: 'both notifications' });
      expect((await callbackAudits(pay)).map((a) => a.detail?.outcome).sort()).toEqual(['applied', 'duplicate']);
      expect((await orderOf(pay, order.id)).status).toBe('paid');
      expect(await eventsOf(pay, 'payment.order.paid', order.id)).toBe(1);
    } finally {
      await pay.close();
    }
  });

  it('fail: the declined payment is recorded as failed, never paid', async () => {
    const pay = await startPayApp('fail');
    try {
      const order = await createOrder(pay);
      expect(await confirmOnPage(pay, order.payUrl)).toMatchObject({ outcome: 'declined' });
      await waitFor(async () => (await orderOf(pay, order.id)).status === 'failed', { what: 'the failure notification' });
      expect(await eventsOf(pay, 'payment.order.failed', order.id)).toBe(1);
      expect((await http(pay, pay.party, 'GET', `/api/v1/payments/${order.id}/receipt.pdf`)).status).toBe(404);
    } finally {
      await pay.close();
    }
  });

  it('slow notification: an order the provider was paid for is not closed at its time; the late notification settles it', async () => {
    const pay = await startPayApp('normal', { PAYMENT_LOCAL_CALLBACK_DELAY_MS: String(45 * 60_000) });
    try {
      const order = await createOrder(pay);
      expect(await confirmOnPage(pay, order.payUrl)).toMatchObject({ outcome: 'paid' });
      pay.clock.advance(31 * 60_000);
      const job = await pay.ctx.database.db.transaction((tx) => pay.ctx.app.platform.jobs.enqueue(tx, EXPIRE_JOB, {}));
      await waitFor(async () => (await pay.ctx.database.pool.query(`select 1 from job where id = $1 and status = 'done'`, [job.id])).rowCount, { what: 'the expiry job' });
      // The provider says it is paid: the order waits for the notification rather than being closed.
      expect((await orderOf(pay, order.id)).status).toBe('pending');
      pay.clock.advance(15 * 60_000);
      await waitFor(async () => (await orderOf(pay, order.id)).status === 'paid', { what: 'the late notification' });
      expect(await eventsOf(pay, 'payment.order.closed', order.id)).toBe(0);
    } finally {
      await pay.close();
    }
  });

  it('timeout: no answer and no notification; the order expires and is closed', async () => {
    const pay = await startPayApp('timeout');
    try {
      const order = await createOrder(pay);
      expect(await confirmOnPage(pay, order.payUrl)).toMatchObject({ outcome: 'timeout' });
      expect((await orderOf(pay, order.id)).status).toBe('pending');
      pay.clock.advance(31 * 60_000);
      await pay.ctx.database.db.transaction((tx) => pay.ctx.app.platform.jobs.enqueue(tx, EXPIRE_JOB, {}));
      await waitFor(async () => (await orderOf(pay, order.id)).status === 'closed', { what: 'the order to expire' });
      expect(await callbackAudits(pay)).toEqual([]);
    } finally {
      await pay.close();
    }
  });
});
