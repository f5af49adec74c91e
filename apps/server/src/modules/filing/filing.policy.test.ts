// Who may file, review and read filings (permissions filing.submit / filing.review in platform/auth/policy.ts).
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.ts';
import { filerRoleOf, mayFile, mayRead, mayReview } from './filing.policy.ts';

const COURT = '00000000-0000-4000-8000-000000000001';
const OTHER_COURT = '00000000-0000-4000-8000-000000000002';
const actor = (roles: Actor['roles'], courtId: string | null = null, userId = 'u1'): Actor => ({ userId, roles, organisationId: courtId, courtId });

describe('filing policy', () => {
  it.each([
    [actor(['party']), true],
    [actor(['agent']), true],
    [actor(['clerk'], COURT), false],
    [actor(['judge'], COURT), false],
    [actor(['mediator']), false],
    [actor(['integrator']), false],
  ])('%j may file: %s', (a, allowed) => expect(mayFile(a)).toBe(allowed));

  it.each([
    [actor(['clerk'], COURT), COURT, true],
    [actor(['clerk'], OTHER_COURT), COURT, false], // another court's application
    [actor(['judge'], COURT), COURT, false],
    [actor(['party'], COURT), COURT, false],
    [actor(['clerk'], null), COURT, false],
  ])('%j reviews %s: %s', (a, court, allowed) => expect(mayReview(a, court)).toBe(allowed));

  it('lets the filer and the court’s clerks read an application, nobody else', () => {
    const app = { filerId: 'u1', courtId: COURT };
    expect(mayRead(actor(['party'], null, 'u1'), app)).toBe(true);
    expect(mayRead(actor(['party'], null, 'u2'), app)).toBe(false);
    expect(mayRead(actor(['clerk'], COURT, 'u3'), app)).toBe(true);
    expect(mayRead(actor(['clerk'], OTHER_COURT, 'u3'), app)).toBe(false);
  });

  it('makes a lawyer an agent of the matter and anyone else a party', () => {
    expect(filerRoleOf(actor(['agent']))).toBe('agent');
    expect(filerRoleOf(actor(['party']))).toBe('party');
  });
});
