import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/index.ts';
import { createRoomPolicy, parseRoom } from './rooms.ts';

const actor: Actor = { userId: 'u1', roles: ['party'], organisationId: null, courtId: null };

describe('room policy', () => {
  const policy = createRoomPolicy({
    matter: async (_a, id) => id === 'm-readable',
    broken: async () => {
      throw new Error('database down');
    },
  });

  it.each([
    ['user:u1', true],
    ['user:u2', false],
    ['matter:m-readable', true],
    ['matter:m-other', false],
    ['hearing:h1', false], // no authorizer for this kind
    ['broken:x', false], // a failing check refuses
    ['constructor:x', false],
    ['user:', false],
    ['nocolon', false],
  ])('%s → %s', async (room, allowed) => {
    expect(await policy(actor, room)).toBe(allowed);
  });

  it('parses kind and id', () => {
    expect(parseRoom('matter:abc:def')).toEqual({ kind: 'matter', id: 'abc:def' });
    expect(parseRoom(':x')).toBeUndefined();
  });
});
