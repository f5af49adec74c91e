import type { TVideoParticipant } from '@opencourt/contracts';
import { describe, expect, it } from 'vitest';
import { defaultCaucus, defaultVideoRole, diffPeers, isPolite, isRecordingOn, offsetFrom, subRooms, wantedPeers } from './mesh-rules.ts';

const person = (id: string, over: Partial<TVideoParticipant> = {}): TVideoParticipant => ({
  id,
  userId: `u${id}`,
  displayName: `name ${id}`,
  role: 'party',
  side: null,
  state: 'admitted',
  caucus: null,
  online: true,
  connectionId: `c${id}`,
  joinedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('mesh rules', () => {
  it('makes exactly one of two peers polite', () => {
    expect(isPolite('a', 'b')).not.toBe(isPolite('b', 'a'));
  });

  it('connects only to admitted, online peers with a connection in the same sub-room', () => {
    const me = person('1');
    const room = {
      status: 'open' as const,
      participants: [
        me,
        person('2'),
        person('3', { state: 'waiting' }),
        person('4', { online: false }),
        person('5', { connectionId: null }),
        person('6', { caucus: '申请人' }),
      ],
    };
    expect([...wantedPeers(room, me)]).toEqual([['2', 'c2']]);
    // In a caucus, only those in the same caucus.
    expect([...wantedPeers(room, { ...me, caucus: '申请人' })]).toEqual([['6', 'c6']]);
    // Nobody while waiting in the lobby or after the room ended.
    expect(wantedPeers(room, { ...me, state: 'waiting' }).size).toBe(0);
    expect(wantedPeers({ ...room, status: 'ended' }, me).size).toBe(0);
  });

  it('replaces a connection whose peer rejoined, keeps one newer than the room data, closes the unwanted', () => {
    const have = new Map([
      ['2', { connectionId: 'old', createdAt: 100 }],
      ['3', { connectionId: 'from-signal', createdAt: 300 }],
      ['4', { connectionId: 'c4', createdAt: 100 }],
      ['5', { connectionId: 'c5', createdAt: 100 }],
    ]);
    const want = new Map([
      ['2', 'new'],
      ['3', 'stale'],
      ['4', 'c4'],
      ['6', 'c6'],
    ]);
    expect(diffPeers(have, want, 200)).toEqual({ close: ['2', '5'], open: [['2', 'new'], ['6', 'c6']] });
  });

  it('lists the caucuses in use after the main room', () => {
    const room = { participants: [person('1'), person('2', { caucus: '被申请人' }), person('3', { caucus: '申请人' }), person('4', { caucus: 'x', state: 'left' })] };
    expect(subRooms(room)).toEqual([null, '申请人', '被申请人']);
  });

  it('invites by matter role and names a caucus after the side', () => {
    expect(defaultVideoRole('mediator')).toBe('host');
    expect(defaultVideoRole('party')).toBe('party');
    expect(defaultVideoRole('agent')).toBe('agent');
    expect(defaultVideoRole('appraiser')).toBe('observer');
    expect(defaultCaucus({ side: '申请人', displayName: '李明' })).toBe('申请人');
    expect(defaultCaucus({ side: null, displayName: '李明' })).toBe('李明');
  });

  it('measures a track offset from the recording start, never negative', () => {
    expect(offsetFrom('2026-01-01T00:00:00.000Z', Date.parse('2026-01-01T00:00:02.500Z'))).toBe(2500);
    expect(offsetFrom('2026-01-01T00:00:05.000Z', Date.parse('2026-01-01T00:00:02.500Z'))).toBe(0);
  });
});

describe('recording state', () => {
  it('is on while recording and not yet stopped', () => {
    const rec = { id: 'r', roomId: 'x', status: 'recording' as const, startedAt: '2026-01-01T00:00:00Z', stoppedAt: null, retainUntil: null, tracks: [], error: null };
    expect(isRecordingOn(rec)).toBe(true);
    expect(isRecordingOn({ ...rec, stoppedAt: '2026-01-01T00:01:00Z' })).toBe(false);
    expect(isRecordingOn({ ...rec, status: 'processing' })).toBe(false);
    expect(isRecordingOn(null)).toBe(false);
  });
});
