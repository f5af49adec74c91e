// Table-driven tests of the access policy: deny by default, and the negative cases the issue names.
import { describe, expect, it } from 'vitest';
import { can, matterReadScope, type Actor, type MatterFacts } from './policy.ts';
import type { Role } from './roles.ts';

const COURT = 'court-1';
const OTHER_COURT = 'court-2';
const BANK = 'bank-1';
const OTHER_BANK = 'bank-2';

const actor = (userId: string, role: Role, organisationId: string | null = null, courtId: string | null = null): Actor => ({
  userId,
  roles: [role],
  organisationId,
  courtId,
});

const matter: MatterFacts = {
  type: 'matter',
  courtId: COURT,
  filedByOrgId: BANK,
  participants: [
    { userId: 'party-a', role: 'party' },
    { userId: 'agent-a', role: 'agent' },
    { userId: 'mediator-a', role: 'mediator' },
    { userId: 'judge-a', role: 'judge' },
  ],
};

describe('can(actor, matter.read, matter)', () => {
  const cases: [string, Actor | undefined, boolean][] = [
    ['anonymous', undefined, false],
    ['the party in the matter', actor('party-a', 'party'), true],
    ['another party', actor('party-b', 'party'), false],
    ['the agent in the matter', actor('agent-a', 'agent'), true],
    ['an agent not in the matter', actor('agent-b', 'agent'), false],
    ['the assigned mediator', actor('mediator-a', 'mediator', 'centre', COURT), true],
    ['a mediator of the same court, not assigned', actor('mediator-b', 'mediator', 'centre', COURT), false],
    ['the assigned judge', actor('judge-a', 'judge', COURT, COURT), true],
    ['a judge of the same court, not assigned', actor('judge-b', 'judge', COURT, COURT), false],
    ['a clerk of the court', actor('clerk-a', 'clerk', COURT, COURT), true],
    ['a clerk of another court', actor('clerk-b', 'clerk', OTHER_COURT, OTHER_COURT), false],
    ['a coordinator of the court', actor('coord-a', 'coordinator', 'centre', COURT), true],
    ['the integrator of the filing bank', actor('int-a', 'integrator', BANK), true],
    ['an integrator of another bank', actor('int-b', 'integrator', OTHER_BANK), false],
    ['an analyst', actor('an', 'analyst', COURT, COURT), false],
    ['a system administrator', actor('adm', 'sys_admin', COURT, COURT), false],
    ['a technical administrator', actor('tech', 'tech_admin', COURT, COURT), false],
  ];
  it.each(cases)('%s → %s', (_label, who, expected) => {
    expect(can(who, 'matter.read', matter)).toBe(expected);
  });
});

describe('can(actor, matter.update, matter)', () => {
  it.each<[string, Actor, boolean]>([
    ['a party cannot change the matter', actor('party-a', 'party'), false],
    ['the assigned mediator can', actor('mediator-a', 'mediator', 'centre', COURT), true],
    ['the filing integrator cannot', actor('int-a', 'integrator', BANK), false],
  ])('%s', (_label, who, expected) => expect(can(who, 'matter.update', matter)).toBe(expected));
});

describe('can(actor, video_room.*, matter)', () => {
  it.each<[string, Actor, boolean]>([
    ['the assigned mediator may open a room', actor('mediator-a', 'mediator', 'centre', COURT), true],
    ['the assigned judge may', actor('judge-a', 'judge', COURT, COURT), true],
    ['a clerk of the court may', actor('clerk-a', 'clerk', COURT, COURT), true],
    ['a coordinator of the court may', actor('coord-a', 'coordinator', 'centre', COURT), true],
    ['a mediator not assigned may not', actor('mediator-b', 'mediator', 'centre', COURT), false],
    ['a clerk of another court may not', actor('clerk-b', 'clerk', OTHER_COURT, OTHER_COURT), false],
    ['a party in the matter may not', actor('party-a', 'party'), false],
    ['an agent in the matter may not', actor('agent-a', 'agent'), false],
    ['the filing integrator may not', actor('int-a', 'integrator', BANK), false],
    ['a system administrator may not', actor('adm', 'sys_admin', COURT, COURT), false],
  ])('%s', (_label, who, expected) => {
    expect(can(who, 'video_room.create', matter)).toBe(expected);
    expect(can(who, 'video_room.oversee', matter)).toBe(expected);
  });
});

describe('platform permissions', () => {
  it.each<[Role, string, boolean]>([
    ['sys_admin', 'audit.read', true],
    ['tech_admin', 'audit.read', true],
    ['judge', 'audit.read', false],
    ['party', 'audit.read', false],
    ['party', 'user.manage', false],
    ['sys_admin', 'user.manage', true],
    ['analyst', 'matter.create', false],
    ['clerk', 'matter.create', true],
  ])('%s → %s = %s', (role, permission, expected) => {
    expect(can(actor('u', role), permission as never)).toBe(expected);
  });

  it('denies an action no rule names', () => {
    expect(can(actor('u', 'sys_admin'), 'matter.read' as never, { type: 'platform' })).toBe(false);
  });
});

describe('can(actor, court.configure, court)', () => {
  it.each<[Role, string | null, boolean]>([
    ['tech_admin', COURT, true],
    ['sys_admin', COURT, true],
    ['tech_admin', OTHER_COURT, false], // another court's administrator
    ['tech_admin', null, false],
    ['clerk', COURT, false],
    ['judge', COURT, false],
  ])('%s of %s → %s', (role, courtId, expected) => {
    expect(can(actor('u', role, null, courtId), 'court.configure', { type: 'court', courtId: COURT })).toBe(expected);
  });

  it('allows nothing else on a court', () => {
    expect(can(actor('u', 'tech_admin', null, COURT), 'matter.read', { type: 'court', courtId: COURT })).toBe(false);
  });
});

describe('matterReadScope mirrors can()', () => {
  it('gives court-wide scope only to court-wide roles of a court', () => {
    expect(matterReadScope(actor('c', 'clerk', COURT, COURT))?.courtWideCourtId).toBe(COURT);
    expect(matterReadScope(actor('j', 'judge', COURT, COURT))?.courtWideCourtId).toBeNull();
    expect(matterReadScope(actor('i', 'integrator', BANK))?.filedByOrgId).toBe(BANK);
    expect(matterReadScope(actor('p', 'party'))?.filedByOrgId).toBeNull();
    expect(matterReadScope(undefined)).toBeNull();
  });
});
