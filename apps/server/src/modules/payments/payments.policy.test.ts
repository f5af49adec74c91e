// Who may pay, ask for a refund and decide it, role by role, on a matter of court C1.
import { describe, expect, it } from 'vitest';
import type { Actor, MatterFacts, Role } from '../../platform/auth/index.ts';
import { mayDecideRefund, mayPay, mayRequestRefund } from './payments.policy.ts';

const facts: MatterFacts = {
  type: 'matter',
  courtId: 'C1',
  filedByOrgId: null,
  participants: [
    { userId: 'party', role: 'party' },
    { userId: 'agent', role: 'agent' },
    { userId: 'mediator', role: 'mediator' },
    { userId: 'judge', role: 'judge' },
    { userId: 'coordinator', role: 'coordinator' },
  ],
};
const actor = (userId: string, role: Role, courtId: string | null = null): Actor => ({ userId, roles: [role], organisationId: null, courtId });

describe('payments policy', () => {
  it.each<[string, Actor, boolean, boolean, boolean]>([
    ['the party', actor('party', 'party'), true, true, false],
    ['their agent', actor('agent', 'agent'), true, true, false],
    ['a party of another matter', actor('stranger', 'party'), false, false, false],
    ['the judge of the matter', actor('judge', 'judge', 'C1'), false, true, true],
    ['a judge of the court not on the matter', actor('judge2', 'judge', 'C1'), false, false, false],
    ['a clerk of the court', actor('clerk', 'clerk', 'C1'), false, true, true],
    ['a clerk of another court', actor('clerk2', 'clerk', 'C2'), false, false, false],
    ['the mediator', actor('mediator', 'mediator'), false, false, false],
    ['the coordinator', actor('coordinator', 'coordinator', 'C1'), false, false, false],
  ])('%s: pay %s, request a refund %s, decide it %s', (_who, a, pay, request, decide) => {
    expect([mayPay(a, facts), mayRequestRefund(a, facts), mayDecideRefund(a, facts)]).toEqual([pay, request, decide]);
  });
});
