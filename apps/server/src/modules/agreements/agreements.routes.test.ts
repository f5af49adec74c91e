// Mediation agreements over real HTTP on a real database: the mediator drafts and opens it, each party
// signs by hand with an SMS code, the mediator signs last, and the signed PDF becomes a file of the
// matter with its ledger receipt (人民调解法 art. 29). Bad input and wrong signers change nothing.
import QRCode from 'qrcode';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/wait.ts';
import { createOrganisations, createParty, createStaff, lastSmsCode, loginWithPassword, loginWithSms, startTestApp, type Session, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let clerk: Session;
let mediator: { id: string; session: Session };
let otherMediator: Session;
let partyA: { id: string; phone: string; session: Session };
let partyB: { id: string; phone: string; session: Session };
let outsider: Session;
let matterId: string;
let signature: string;

const terms = {
  facts: '被申请人向申请人借款 5 万元，到期未还。双方对欠款数额无争议，对还款期限有争议。',
  clauses: ['被申请人确认尚欠申请人借款本金 50000 元。', '被申请人按下列给付安排分两期归还。'],
  payments: [{ payer: '乙', payee: '甲', instalments: [{ dueOn: '2026-12-31', amountFen: 3_000_000 }, { dueOn: '2027-01-31', amountFen: 2_000_000 }] }],
  onDefault: '任何一期未按时足额履行的，申请人可就全部剩余款项申请强制执行。',
};

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { ...s.headers, ...headers }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  ctx = await startTestApp();
  const orgs = await createOrganisations(ctx);
  clerk = await loginWithPassword(ctx, (await createStaff(ctx, 'clerk', orgs.courtId)).username);
  const m = await createStaff(ctx, 'mediator', orgs.mediationOrgId);
  mediator = { id: m.id, session: await loginWithPassword(ctx, m.username) };
  otherMediator = await loginWithPassword(ctx, (await createStaff(ctx, 'mediator', orgs.mediationOrgId)).username);
  const a = await createParty(ctx);
  const b = await createParty(ctx);
  partyA = { ...a, session: await loginWithSms(ctx, a.phone) };
  partyB = { ...b, session: await loginWithSms(ctx, b.phone) };
  outsider = await loginWithSms(ctx, (await createParty(ctx)).phone);
  const created = await call(clerk, 'POST', '/matters', {
    title: '甲与乙民间借贷纠纷',
    courtId: orgs.courtId,
    participants: [
      { userId: partyA.id, role: 'party' },
      { userId: partyB.id, role: 'party' },
      { userId: mediator.id, role: 'mediator' },
    ],
  });
  expect(created.statusCode).toBe(201);
  matterId = created.json().id;
  signature = (await QRCode.toBuffer('手写签名', { type: 'png', width: 200 })).toString('base64');
});
afterAll(async () => ctx.close());

/** Signs with the newest code sent to the party (asking for one first when `ask`). */
async function partySigns(p: typeof partyA, agreementId: string, version: number, ask = true) {
  if (ask) expect((await call(p.session, 'POST', `/agreements/${agreementId}/sign-code`)).statusCode).toBe(200);
  return call(p.session, 'POST', `/agreements/${agreementId}/signatures`, { signature: `data:image/png;base64,${signature}`, code: lastSmsCode(ctx.config, p.phone), expectedVersion: version });
}

describe('a mediation agreement from draft to in force', () => {
  let id: string;
  let version: number;

  it('is drafted only by the matter’s own mediator, once per idempotency key', async () => {
    expect((await call(otherMediator, 'POST', `/matters/${matterId}/agreements`, { terms })).statusCode).toBe(404);
    expect((await call(partyA.session, 'POST', `/matters/${matterId}/agreements`, { terms })).statusCode).toBe(403);
    const first = await call(mediator.session, 'POST', `/matters/${matterId}/agreements`, { terms }, { 'idempotency-key': 'agreement-draft-1' });
    const again = await call(mediator.session, 'POST', `/matters/${matterId}/agreements`, { terms }, { 'idempotency-key': 'agreement-draft-1' });
    expect(first.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    id = first.json().id;
    version = first.json().version;
    expect(first.json()).toMatchObject({ status: 'draft', signatories: [{ role: 'party', signedAt: null }, { role: 'party', signedAt: null }, { role: 'mediator', userId: mediator.id }] });
    expect((await call(mediator.session, 'GET', `/matters/${matterId}/agreements`)).json().items).toHaveLength(1);
  });

  it('refuses terms whose instalments are out of order, with the field', async () => {
    const bad = { ...terms, payments: [{ payer: '乙', payee: '甲', instalments: [{ dueOn: '2027-01-31', amountFen: 1 }, { dueOn: '2026-12-31', amountFen: 1 }] }] };
    const res = await call(mediator.session, 'PUT', `/agreements/${id}`, { terms: bad, expectedVersion: version });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('/body/terms/payments/0/instalments/1/dueOn');
  });

  it('cannot be signed as a draft; opening it tells each party', async () => {
    expect((await call(partyA.session, 'POST', `/agreements/${id}/sign-code`)).json().code).toBe('AGREEMENT_INVALID_STATE');
    const stale = await call(mediator.session, 'POST', `/agreements/${id}/open`, { expectedVersion: version + 5 });
    expect(stale.json().code).toBe('AGREEMENT_STALE');
    const opened = await call(mediator.session, 'POST', `/agreements/${id}/open`, { expectedVersion: version });
    expect(opened.json().status).toBe('signing');
    version = opened.json().version;
    const inbox = await call(partyB.session, 'GET', '/notifications?limit=10');
    expect(JSON.stringify(inbox.json())).toContain(`/agreements/${id}`);
  });

  it('refuses the mediator before the parties, a wrong code, a non-signatory, and a fake image', async () => {
    expect((await call(mediator.session, 'POST', `/agreements/${id}/signatures`, { signature, expectedVersion: version })).json().code).toBe('AGREEMENT_PARTIES_FIRST');
    expect((await call(outsider, 'POST', `/agreements/${id}/sign-code`)).statusCode).toBe(404);
    await call(partyA.session, 'POST', `/agreements/${id}/sign-code`);
    const code = lastSmsCode(ctx.config, partyA.phone);
    const wrong = await call(partyA.session, 'POST', `/agreements/${id}/signatures`, { signature, code: code === '000000' ? '111111' : '000000', expectedVersion: version });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].pointer).toBe('/body/code');
    const fake = await call(partyA.session, 'POST', `/agreements/${id}/signatures`, { signature: Buffer.from('<svg onload=alert(1)>').toString('base64'), code, expectedVersion: version });
    expect(fake.json().code).toBe('AGREEMENT_SIGNATURE_INVALID');
    const state = (await call(mediator.session, 'GET', `/agreements/${id}`)).json();
    expect(state.signatories.every((s: { signedAt: string | null }) => s.signedAt === null)).toBe(true);
  });

  it('takes each party’s signature once, then the mediator’s, and stores the signed PDF with a receipt', async () => {
    // The code sent in the previous step is still open (a refused image does not use it up).
    const a = await partySigns(partyA, id, version, false);
    expect(a.statusCode).toBe(200);
    version = a.json().version;
    expect((await call(partyA.session, 'POST', `/agreements/${id}/sign-code`)).json().code).toBe('AGREEMENT_ALREADY_SIGNED');
    expect((await partySigns(partyA, id, version, false)).json().code).toBe('AGREEMENT_ALREADY_SIGNED');
    const b = await partySigns(partyB, id, version);
    expect(b.json().status).toBe('signing');
    version = b.json().version;
    const done = await call(mediator.session, 'POST', `/agreements/${id}/signatures`, { signature, expectedVersion: version });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'signed', fileId: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const file = await call(partyB.session, 'GET', `/files/${done.json().fileId}/content`);
    expect(file.statusCode).toBe(200);
    const pdf = await PDFDocument.load(file.rawPayload);
    expect(pdf.getTitle()).toBe('人民调解协议书');
    // The signed agreement's hash and the signature events are on the ledger.
    const events = await ctx.database.pool.query(`select type from domain_event where aggregate_id = $1 order by id`, [id]);
    expect(events.rows.map((r) => r.type)).toEqual(['agreement.drafted', 'agreement.opened', 'agreement.signature', 'agreement.signature', 'agreement.signature', 'agreement.signed']);
    // The signed PDF's SHA-256 is a leaf of the ledger: its receipt can be downloaded.
    const receipt = await waitFor(async () => {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/ledger/receipts/${done.json().sha256}` });
      return res.statusCode === 200 ? res.json() : undefined;
    }, { timeoutMs: 30_000, what: 'the signed agreement’s receipt' });
    expect(receipt).toBeTruthy();
    // Nothing changes an agreement in force.
    expect((await call(mediator.session, 'POST', `/agreements/${id}/close`, { outcome: 'failed', reason: '测试', expectedVersion: done.json().version })).json().code).toBe('AGREEMENT_INVALID_STATE');
  });
});

describe('a mediation that fails', () => {
  it('is recorded with its reason', async () => {
    const drafted = (await call(mediator.session, 'POST', `/matters/${matterId}/agreements`, { terms })).json();
    const missing = await call(mediator.session, 'POST', `/agreements/${drafted.id}/close`, { outcome: 'failed', expectedVersion: drafted.version });
    expect(missing.statusCode).toBe(400);
    const closed = await call(mediator.session, 'POST', `/agreements/${drafted.id}/close`, { outcome: 'failed', reason: '双方对还款期限分歧过大', expectedVersion: drafted.version });
    expect(closed.json()).toMatchObject({ status: 'failed', closedReason: '双方对还款期限分歧过大' });
  });
});
