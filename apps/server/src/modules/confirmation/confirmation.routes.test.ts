// The joint application for judicial confirmation over real HTTP (民事诉讼法 art. 205): each party of a
// signed agreement applies once; one side alone does not reach the court, both together do; the other
// side is told; late, foreign and repeated applications change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedAgreement, type SignedAgreement } from '../../../test/agreements.ts';
import { loginWithPassword, loginWithSms, manualClock, startTestApp, type Session, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let fixture: SignedAgreement;
const clock = manualClock(new Date('2026-11-25T02:00:00Z'));

const apply = (s: Session, agreementId: string, key?: string) =>
  ctx.app.inject({ method: 'POST', url: `/api/v1/agreements/${agreementId}/confirmation`, headers: { ...s.headers, ...(key ? { 'idempotency-key': key } : {}) } });

beforeAll(async () => {
  ctx = await startTestApp({ deps: { clock } });
  fixture = await signedAgreement(ctx);
});
afterAll(async () => ctx.close());

describe('applying for judicial confirmation together', () => {
  it('waits for the other side after one party applies, and tells them', async () => {
    const [a, b] = fixture.parties;
    expect((await apply(fixture.outsider, fixture.agreementId)).statusCode).toBe(404);
    expect((await apply(fixture.mediator, fixture.agreementId)).json().code).toBe('CONFIRMATION_NOT_A_PARTY');
    const first = await apply(a!.session, fixture.agreementId, 'confirm-apply-a-1');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'applying', lastDay: '2026-12-25', submittedAt: null });
    // A retried click with the same key is the same application; a new click is refused.
    expect((await apply(a!.session, fixture.agreementId, 'confirm-apply-a-1')).json().id).toBe(first.json().id);
    expect((await apply(a!.session, fixture.agreementId)).json().code).toBe('CONFIRMATION_ALREADY_APPLIED');
    const inbox = await ctx.app.inject({ method: 'GET', url: '/api/v1/notifications?limit=20', headers: b!.session.headers });
    expect(JSON.stringify(inbox.json())).toContain('对方已申请司法确认');
  });

  it('goes to the court once both have applied', async () => {
    const [, b] = fixture.parties;
    const both = await apply(b!.session, fixture.agreementId);
    expect(both.json()).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    expect(both.json().applicants.every((p: { appliedAt: string | null }) => p.appliedAt)).toBe(true);
    const { rows } = await ctx.database.pool.query(`select type from domain_event where aggregate_id = $1 order by id`, [both.json().id]);
    expect(rows.map((r) => r.type)).toEqual(['confirmation.applied', 'confirmation.applied', 'confirmation.submitted']);
  });

  it('is refused after the thirty days, and for an agreement not yet in force', async () => {
    const late = await signedAgreement(ctx);
    clock.advance(31 * 86_400_000);
    // A month on, sessions have lapsed: sign in again.
    const party = await loginWithSms(ctx, late.parties[0]!.phone);
    const mediator = await loginWithPassword(ctx, late.mediatorUsername);
    expect((await apply(party, late.agreementId)).json().code).toBe('CONFIRMATION_TOO_LATE');
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/agreements/${late.agreementId}/confirmation`, headers: party.headers })).json()).toBeNull();
    const drafted = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/matters/${late.matterId}/agreements`,
      headers: mediator.headers,
      payload: { terms: { facts: '另一份草稿。', clauses: ['尚未签署。'] } },
    });
    expect((await apply(party, drafted.json().id)).json().code).toBe('CONFIRMATION_AGREEMENT_NOT_IN_FORCE');
  });
});
