// Decisions and certificates over HTTP on a real database: staff record a judgment with its service on
// both parties; once the appeal period (Civil Procedure Law art. 171, counted per art. 85) has passed, a
// party issues the certificate of effect, downloads its PDF, and anyone checks its code. Refusals:
// before effect (with the expected date), after an appeal, to non-parties, and for bad input, each
// leaving nothing behind.
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisations, createParty, createStaff, loginWithPassword, loginWithSms, manualClock, startTestApp, type Session, type TestContext } from '../../../test/harness.ts';
import { SAMPLES } from '../../platform/blobs/sample-files.ts';
import { multipartBody } from '../../platform/blobs/multipart-body.ts';
import { eventSubjectDigest } from '../../platform/ledger/index.ts';

const clock = manualClock(new Date('2026-11-25T08:00:00Z')); // Wednesday afternoon in Xiamen
let ctx: TestContext;
let clerk: Session;
let judge: Session;
let alice: Session & { id: string };
let alicePhone: string;
let bob: Session & { id: string };
let stranger: Session;
let matterId: string;
let pdfId: string;
let pngId: string;

const CASE = '（2026）闽0213民初45号';

async function upload(s: Session, name: string, content: Buffer) {
  const body = multipartBody([{ name: 'matterId', value: matterId }, { name: 'file', filename: name, content }]);
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...s.headers, ...body.headers }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const post = (s: Session, url: string, payload?: unknown, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'POST', url, headers: { ...s.headers, ...headers }, payload: payload as object });
const count = async (table: string) => (await ctx.database.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n as number;
const judgment = (over: Record<string, unknown> = {}) => ({
  kind: 'judgment',
  decidedOn: '2026-11-02',
  fileId: pdfId,
  caseNumber: CASE,
  services: [
    { partyUserId: alice.id, servedAt: '2026-11-03T10:00:00+08:00', method: 'electronic' },
    { partyUserId: bob.id, servedAt: '2026-11-04T10:00:00+08:00', method: 'direct' },
  ],
  ...over,
});

beforeAll(async () => {
  ctx = await startTestApp({ deps: { clock } });
  const orgs = await createOrganisations(ctx);
  clerk = await loginWithPassword(ctx, (await createStaff(ctx, 'clerk', orgs.courtId)).username);
  const judgeUser = await createStaff(ctx, 'judge', orgs.courtId);
  judge = await loginWithPassword(ctx, judgeUser.username);
  const a = await createParty(ctx);
  const b = await createParty(ctx);
  alicePhone = a.phone;
  alice = { ...(await loginWithSms(ctx, a.phone)), id: a.id };
  bob = { ...(await loginWithSms(ctx, b.phone)), id: b.id };
  stranger = await loginWithSms(ctx, (await createParty(ctx)).phone);
  const created = await post(clerk, '/api/v1/matters', {
    title: '李明与赵芳民间借贷纠纷',
    courtId: orgs.courtId,
    participants: [
      { userId: a.id, role: 'party' },
      { userId: b.id, role: 'party' },
      { userId: judgeUser.id, role: 'judge' },
    ],
  });
  expect(created.statusCode).toBe(201);
  matterId = created.json().id;
  pdfId = await upload(clerk, '判决书.pdf', SAMPLES.pdf);
  pngId = await upload(clerk, 'scan.png', SAMPLES.png);
});
afterAll(() => ctx?.close());

describe('recording a decision', () => {
  it.each([
    ['an unknown kind', { kind: 'verdict' }, '/body/kind'],
    ['a service before the decision date', { services: [{ partyUserId: '00000000-0000-4000-8000-000000000001', servedAt: '2026-11-01T10:00:00+08:00', method: 'post' }] }, '/body/services/0/'],
    ['a service on someone who is not a party', { services: [{ partyUserId: '00000000-0000-4000-8000-000000000001', servedAt: '2026-11-03T10:00:00+08:00', method: 'post' }] }, '/body/services/0/partyUserId'],
    ['a file that is not a PDF', { fileId: 'png' }, '/body/fileId'],
    ['a malformed case number', { caseNumber: '民初45号甲乙丙' }, '/body/caseNumber'],
    ['a decision dated in the future', { decidedOn: '2026-11-26' }, '/body/decidedOn'],
    ['an unknown service method', { services: [{ partyUserId: '00000000-0000-4000-8000-000000000001', servedAt: '2026-11-03T10:00:00+08:00', method: 'pigeon' }] }, '/body/services/0/method'],
  ])('refuses %s with a field-level problem and writes nothing', async (_name, over, pointer) => {
    const body = judgment('fileId' in over ? { ...over, fileId: pngId } : over);
    const res = await post(clerk, `/api/v1/matters/${matterId}/decisions`, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer).join(' ')).toContain(pointer);
    expect(await count('decision')).toBe(0);
    expect(await count('decision_service')).toBe(0);
  });

  it('refuses a service dated before the decision for a real party, naming the field', async () => {
    const res = await post(clerk, `/api/v1/matters/${matterId}/decisions`, judgment({ services: [{ partyUserId: alice.id, servedAt: '2026-11-01T10:00:00+08:00', method: 'post' }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ pointer: '/body/services/0/servedAt', detail: '送达日期不能早于文书作出日期', code: 'before-decision' }]);
  });

  it('lets only the court staff of the matter record, and hides the matter from others', async () => {
    expect((await post(alice, `/api/v1/matters/${matterId}/decisions`, judgment())).statusCode).toBe(403);
    expect((await post(stranger, `/api/v1/matters/${matterId}/decisions`, judgment())).statusCode).toBe(404);
  });
});

describe('a judgment past its appeal period', () => {
  let decisionId: string;
  let certificate: { id: string; code: string; pdfSha256: string; ledgerDigest: string; fileId: string };

  it('is effective the day after the last party’s 15 days (arts. 85, 171)', async () => {
    const res = await post(judge, `/api/v1/matters/${matterId}/decisions`, judgment(), { 'idempotency-key': 'decision-judgment-1' });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    decisionId = d.id;
    // Bob was served on 11-04: 15 days end 11-19 (Thursday), so effect on 11-20.
    expect(d.effect).toMatchObject({ status: 'effective', effectiveOn: '2026-11-20', reason: null });
    expect(d.services.map((s: { partyName: string }) => s.partyName).sort()).toHaveLength(2);
    const list = await ctx.app.inject({ method: 'GET', url: `/api/v1/matters/${matterId}/decisions`, headers: alice.headers });
    expect(list.json().items).toHaveLength(1);
  });

  it('gives the party a certificate PDF once, on the ledger, with the QR link to the check', async () => {
    const key = { 'idempotency-key': 'certificate-alice-1' };
    const res = await post(alice, `/api/v1/decisions/${decisionId}/certificates`, undefined, key);
    expect(res.statusCode, res.body).toBe(201);
    certificate = res.json();
    expect(certificate.code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
    const again = await post(alice, `/api/v1/decisions/${decisionId}/certificates`, undefined, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(certificate.id);
    expect(await count('decision_certificate')).toBe(1);

    const pdf = await ctx.app.inject({ method: 'GET', url: `/api/v1/certificates/${certificate.id}/pdf`, headers: alice.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(certificate.pdfSha256);
    expect((await PDFDocument.load(pdf.rawPayload)).getPageCount()).toBeGreaterThanOrEqual(1);
    // Bob did not issue it: he sees neither it nor its file through this route.
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/certificates/${certificate.id}/pdf`, headers: bob.headers })).statusCode).toBe(404);

    const { rows } = await ctx.database.pool.query(`select id, type, aggregate_type, aggregate_id, occurred_at, payload from domain_event where type = 'decision.certificate.issued'`);
    expect(rows).toHaveLength(1);
    const e = rows[0];
    const digest = eventSubjectDigest({ id: e.id, type: e.type, aggregateType: e.aggregate_type, aggregateId: e.aggregate_id, occurredAt: e.occurred_at, payload: e.payload }).toString('hex');
    expect(digest).toBe(certificate.ledgerDigest);
    expect(JSON.stringify(e.payload)).not.toMatch(/李明|赵芳|1[3-9]\d{9}/);
  });

  it('is accepted by the public check, which shows no personal data and compares the PDF’s hash', async () => {
    const check = await ctx.app.inject({ method: 'GET', url: `/api/v1/certificates/verify?code=${certificate.code}&sha256=${certificate.pdfSha256}` });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ caseNumber: CASE, decisionKind: 'judgment', decidedOn: '2026-11-02', effectiveOn: '2026-11-20', pdfMatches: true });
    expect(check.body).not.toMatch(/李明|赵芳|\d{17}[\dX]|1[3-9]\d{9}/);
    const other = await ctx.app.inject({ method: 'GET', url: `/api/v1/certificates/verify?code=${certificate.code}&sha256=${'0'.repeat(64)}` });
    expect(other.json().pdfMatches).toBe(false);
  });

  it.each([
    ['an unknown code', 'AAAA-BBBB-CCCC-DDDD-EEEE', 404, undefined],
    ['a malformed code', 'not-a-code', 400, '/querystring/code'],
    ['a code of 10,000 characters', 'A'.repeat(10_000), 400, '/querystring/code'],
  ])('refuses %s', async (_name, code, status, pointer) => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/certificates/verify?code=${encodeURIComponent(code)}`, remoteAddress: '10.1.1.1' });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    if (pointer) expect(res.json().errors[0].pointer).toBe(pointer);
  });

  it('limits public look-ups per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await ctx.app.inject({ method: 'GET', url: '/api/v1/certificates/verify?code=AAAA-BBBB-CCCC-DDDD-EEEE', remoteAddress: '10.2.2.2' })).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('is issued only by a party: 404 to strangers, 403 to staff', async () => {
    expect((await post(stranger, `/api/v1/decisions/${decisionId}/certificates`)).statusCode).toBe(404);
    expect((await post(clerk, `/api/v1/decisions/${decisionId}/certificates`)).statusCode).toBe(403);
  });
});

describe('before effect and after an appeal', () => {
  let decisionId: string;

  it('refuses the certificate while the appeal period runs, giving the expected date', async () => {
    const res = await post(clerk, `/api/v1/matters/${matterId}/decisions`, judgment({
      services: [
        { partyUserId: alice.id, servedAt: '2026-11-20T09:00:00+08:00', method: 'electronic' },
        { partyUserId: bob.id, servedAt: '2026-11-20T09:00:00+08:00', method: 'electronic' },
      ],
    }));
    expect(res.statusCode, res.body).toBe(201);
    decisionId = res.json().id;
    expect(res.json().effect).toMatchObject({ status: 'appeal_period', effectiveOn: '2026-12-08' });
    const refused = await post(alice, `/api/v1/decisions/${decisionId}/certificates`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'DECISION_NOT_EFFECTIVE', detail: '上诉期尚未届满，预计 2026-12-08 生效' });
    expect(await count('decision_certificate')).toBe(1);
  });

  it('records an appeal, after which the decision does not take effect', async () => {
    const early = await post(clerk, `/api/v1/decisions/${decisionId}/appeals`, { partyUserId: bob.id, filedOn: '2026-11-19' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ pointer: '/body/filedOn', code: 'before-service' });
    const res = await post(clerk, `/api/v1/decisions/${decisionId}/appeals`, { partyUserId: bob.id, filedOn: '2026-11-25' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().effect.status).toBe('appealed');
    const refused = await post(alice, `/api/v1/decisions/${decisionId}/certificates`);
    expect(refused.json()).toMatchObject({ code: 'DECISION_NOT_EFFECTIVE', detail: '当事人已提起上诉，该民事判决书尚未发生法律效力' });
  });

  it('takes a non-appealable ruling into effect on service to all, and refuses an appeal against it', async () => {
    const res = await post(clerk, `/api/v1/matters/${matterId}/decisions`, judgment({ kind: 'ruling_final', decidedOn: '2026-11-18', services: [{ partyUserId: alice.id, servedAt: '2026-11-19T09:00:00+08:00', method: 'electronic' }] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().effect.status).toBe('unserved');
    const served = await post(clerk, `/api/v1/decisions/${res.json().id}/services`, { services: [{ partyUserId: bob.id, servedAt: '2026-11-24T09:00:00+08:00', method: 'post' }] });
    expect(served.json().effect).toMatchObject({ status: 'effective', effectiveOn: '2026-11-24' });
    const twice = await post(clerk, `/api/v1/decisions/${res.json().id}/services`, { services: [{ partyUserId: bob.id, servedAt: '2026-11-24T09:00:00+08:00', method: 'post' }] });
    expect(twice.json().errors[0]).toMatchObject({ pointer: '/body/services/0/partyUserId', code: 'already-served' });
    const appeal = await post(clerk, `/api/v1/decisions/${res.json().id}/appeals`, { partyUserId: bob.id, filedOn: '2026-11-24' });
    expect(appeal.statusCode).toBe(400);
    expect(appeal.json().errors[0].code).toBe('not-appealable');
    expect((await post(bob, `/api/v1/decisions/${res.json().id}/certificates`)).statusCode).toBe(201);
  });

  it('issues once the period has run out, counted in China’s days', async () => {
    const served = [alice.id, bob.id].map((partyUserId) => ({ partyUserId, servedAt: '2026-11-20T09:00:00+08:00', method: 'electronic' }));
    const res = await post(clerk, `/api/v1/matters/${matterId}/decisions`, judgment({ services: served }));
    expect(res.json().effect.effectiveOn).toBe('2026-12-08');
    clock.set(new Date('2026-12-07T15:30:00Z')); // 23:30 on 12-07 in Xiamen: the last day of the period
    let party = await loginWithSms(ctx, alicePhone);
    expect((await post(party, `/api/v1/decisions/${res.json().id}/certificates`)).statusCode).toBe(409);
    clock.set(new Date('2026-12-07T16:30:00Z')); // 00:30 on 12-08
    party = await loginWithSms(ctx, alicePhone);
    expect((await post(party, `/api/v1/decisions/${res.json().id}/certificates`)).statusCode).toBe(201);
  });
});
