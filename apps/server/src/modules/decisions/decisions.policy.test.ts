import { describe, expect, it } from 'vitest';
import type { Actor, MatterFacts } from '../../platform/auth/index.ts';
import { mayIssueCertificate, mayRecordDecision, maySeeCertificate } from './decisions.policy.ts';

const COURT = 'court-1';
const facts: MatterFacts = {
  type: 'matter',
  courtId: COURT,
  filedByOrgId: null,
  participants: [
    { userId: 'party', role: 'party' },
    { userId: 'agent', role: 'agent' },
    { userId: 'judge', role: 'judge' },
    { userId: 'mediator', role: 'mediator' },
  ],
};
const actor = (userId: string, role: Actor['roles'][number], courtId: string | null = null): Actor => ({ userId, roles: [role], organisationId: courtId, courtId });

describe('decisions policy', () => {
  it.each([
    [actor('judge', 'judge', COURT), true, false],
    [actor('clerk', 'clerk', COURT), true, false], // clerks are court-wide (policy.ts COURT_WIDE)
    [actor('clerk', 'clerk', 'other-court'), false, false],
    [actor('mediator', 'mediator'), false, false], // may update the matter, but does not record court decisions
    [actor('party', 'party'), false, true],
    [actor('agent', 'agent'), false, false],
    [actor('stranger', 'party'), false, false],
  ] as const)('%o: record %s, issue %s', (a, record, issue) => {
    expect(mayRecordDecision(a, facts)).toBe(record);
    expect(mayIssueCertificate(a, facts)).toBe(issue);
  });

  it('a party sees only their own certificates; staff see all', () => {
    expect(maySeeCertificate(actor('party', 'party'), facts, 'party')).toBe(true);
    expect(maySeeCertificate(actor('party', 'party'), facts, 'someone-else')).toBe(false);
    expect(maySeeCertificate(actor('judge', 'judge', COURT), facts, 'party')).toBe(true);
  });
});
