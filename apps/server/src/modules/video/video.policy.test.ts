// Table-driven tests of who sees a room, listens to it, and reads or writes its chat.
import { describe, expect, it } from 'vitest';
import type { Actor, MatterFacts } from '../../platform/auth/index.ts';
import { mayCreateRoom, roomAccess, type Member } from './video.policy.ts';

const COURT = 'court-1';
const actor = (userId: string, role: Actor['roles'][number] = 'party', courtId: string | null = null): Actor => ({ userId, roles: [role], organisationId: courtId, courtId });
const member = (userId: string, role: string, state: string): Member => ({ id: `p-${userId}`, userId, role, state, caucus: null, connectionId: null });

const matter: MatterFacts = {
  type: 'matter',
  courtId: COURT,
  filedByOrgId: null,
  participants: [
    { userId: 'mediator', role: 'mediator' },
    { userId: 'party-a', role: 'party' },
    { userId: 'party-b', role: 'party' },
  ],
};
const members = [
  member('mediator', 'host', 'admitted'),
  member('party-a', 'party', 'admitted'),
  member('party-b', 'party', 'waiting'),
  member('agent-r', 'agent', 'refused'),
  member('obs-x', 'observer', 'removed'),
];

describe('roomAccess', () => {
  it.each<[string, Actor, Partial<ReturnType<typeof roomAccess>>]>([
    ['the host', actor('mediator', 'mediator', COURT), { view: true, host: true, listen: true, readChat: true, postChat: true }],
    ['an admitted party', actor('party-a'), { view: true, host: false, listen: true, readChat: true, postChat: true }],
    ['a party in the lobby', actor('party-b'), { view: true, host: false, listen: true, readChat: false, postChat: false }],
    ['a refused agent', actor('agent-r', 'agent'), { view: true, listen: false, readChat: false, postChat: false }],
    ['a removed observer', actor('obs-x', 'agent'), { view: true, listen: false, readChat: false, postChat: false }],
    ['a party of the matter not invited', actor('party-c'), { view: false, listen: false, readChat: false, postChat: false }],
    ['a clerk of the court, not invited, oversees', actor('clerk', 'clerk', COURT), { view: true, oversee: true, host: false, listen: false, readChat: true, postChat: false }],
    ['a clerk of another court', actor('clerk-2', 'clerk', 'court-2'), { view: false, oversee: false, listen: false, readChat: false }],
  ])('%s', (_label, who, expected) => {
    expect(roomAccess(who, members, matter)).toMatchObject(expected);
  });
});

describe('mayCreateRoom', () => {
  it.each<[string, Actor, boolean]>([
    ['the assigned mediator', actor('mediator', 'mediator', COURT), true],
    ['a clerk of the court', actor('clerk', 'clerk', COURT), true],
    ['a party of the matter', actor('party-a'), false],
    ['a judge not assigned', actor('judge-x', 'judge', COURT), false],
  ])('%s → %s', (_label, who, expected) => expect(mayCreateRoom(who, matter)).toBe(expected));

  it('refuses when the matter is unknown', () => expect(mayCreateRoom(actor('clerk', 'clerk', COURT), undefined)).toBe(false));
});
