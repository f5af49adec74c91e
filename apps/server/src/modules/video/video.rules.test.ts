// Table-driven tests of the room's pure rules: the lobby, host controls, chat visibility, signals.
import { describe, expect, it } from 'vitest';
import { chatVisible, hostActionState, joinState, leaveState, mayControl, signalRefusal, type ParticipantFacts, type RoomFacts } from './video.rules.ts';

const open: RoomFacts = { status: 'open', locked: false };
const locked: RoomFacts = { status: 'open', locked: true };
const ended: RoomFacts = { status: 'ended', locked: false };
const p = (state: string, role = 'party', extra: Partial<ParticipantFacts> = {}): ParticipantFacts => ({ id: `p-${state}-${role}`, role, state, caucus: null, connectionId: 'c1', ...extra });

describe('joinState', () => {
  it.each<[string, RoomFacts, ParticipantFacts, string]>([
    ['an invited party waits in the lobby', open, p('invited'), 'waiting'],
    ['one who left waits again', open, p('left'), 'waiting'],
    ['one already waiting keeps waiting', open, p('waiting'), 'waiting'],
    ['a host goes straight in', open, p('invited', 'host'), 'admitted'],
    ['an admitted participant who dropped goes straight back (resilience)', open, p('admitted'), 'admitted'],
    ['…even when the room was locked meanwhile', locked, p('admitted', 'agent'), 'admitted'],
    ['a host enters a locked room', locked, p('left', 'host'), 'admitted'],
    ['a newcomer is refused by a locked room', locked, p('invited'), 'VIDEO_ROOM_LOCKED'],
    ['one who left is refused by a locked room', locked, p('left', 'observer'), 'VIDEO_ROOM_LOCKED'],
    ['a refused participant stays out', open, p('refused'), 'VIDEO_JOIN_REFUSED'],
    ['a removed participant stays out', open, p('removed'), 'VIDEO_REMOVED'],
    ['nobody enters an ended room', ended, p('invited', 'host'), 'VIDEO_ROOM_ENDED'],
  ])('%s', (_label, room, who, expected) => {
    const out = joinState(room, who);
    expect(out.ok ? out.value : out.error).toBe(expected);
  });
});

describe('hostActionState', () => {
  it.each<[string, Parameters<typeof hostActionState>[1], ParticipantFacts, string]>([
    ['admit one waiting', 'admit', p('waiting'), 'admitted'],
    ['admit one not waiting', 'admit', p('invited'), 'VIDEO_INVALID_TRANSITION'],
    ['refuse one waiting', 'refuse', p('waiting'), 'refused'],
    ['refuse one inside', 'refuse', p('admitted'), 'VIDEO_INVALID_TRANSITION'],
    ['remove one inside', 'remove', p('admitted'), 'removed'],
    ['remove one waiting', 'remove', p('waiting'), 'removed'],
    ['remove one who left', 'remove', p('left'), 'VIDEO_INVALID_TRANSITION'],
    ['remove a host', 'remove', p('admitted', 'host'), 'VIDEO_INVALID_TRANSITION'],
    ['move one inside into a caucus', 'move', p('admitted'), 'admitted'],
    ['move one in the lobby', 'move', p('waiting'), 'VIDEO_INVALID_TRANSITION'],
    ['ask one inside to unmute', 'ask-unmute', p('admitted'), 'admitted'],
    ['ask one who left', 'ask-unmute', p('left'), 'VIDEO_INVALID_TRANSITION'],
  ])('%s', (_label, action, target, expected) => {
    const out = hostActionState(open, action, target);
    expect(out.ok ? out.value : out.error).toBe(expected);
  });

  it('applies nothing in an ended room', () => {
    expect(hostActionState(ended, 'admit', p('waiting'))).toMatchObject({ ok: false, error: 'VIDEO_ROOM_ENDED' });
  });
});

describe('leaveState and mayControl', () => {
  it.each<[string, string]>([
    ['waiting', 'left'],
    ['admitted', 'left'],
    ['left', 'left'],
    ['invited', 'VIDEO_INVALID_TRANSITION'],
    ['removed', 'VIDEO_INVALID_TRANSITION'],
  ])('leaving from %s → %s', (state, expected) => {
    const out = leaveState(p(state));
    expect(out.ok ? out.value : out.error).toBe(expected);
  });

  it.each<[ParticipantFacts | undefined, boolean]>([
    [p('invited', 'host'), true],
    [p('left', 'host'), true],
    [p('removed', 'host'), false],
    [p('admitted', 'party'), false],
    [p('admitted', 'observer'), false],
    [undefined, false],
  ])('mayControl(%o) → %s', (who, expected) => expect(mayControl(who)).toBe(expected));
});

describe('chatVisible', () => {
  const main = { caucus: null, participantId: 'x' };
  const caucusA = { caucus: '申请人', participantId: 'x' };
  it.each<[string, Parameters<typeof chatVisible>[0], Parameters<typeof chatVisible>[1], boolean]>([
    ['the main room is seen by a party in the main room', { host: false, participantId: 'a', caucus: null }, main, true],
    ['the main room is seen by a party in a caucus', { host: false, participantId: 'a', caucus: '申请人' }, main, true],
    ['a caucus is seen by those in it', { host: false, participantId: 'a', caucus: '申请人' }, caucusA, true],
    ['a caucus is not seen from the main room', { host: false, participantId: 'b', caucus: null }, caucusA, false],
    ['a caucus is not seen from the other caucus (背对背)', { host: false, participantId: 'b', caucus: '被申请人' }, caucusA, false],
    ['one keeps seeing what one wrote', { host: false, participantId: 'x', caucus: null }, caucusA, true],
    ['a host sees every caucus', { host: true, participantId: 'h', caucus: null }, caucusA, true],
  ])('%s', (_label, viewer, message, expected) => expect(chatVisible(viewer, message)).toBe(expected));
});

describe('signalRefusal', () => {
  const a = p('admitted', 'party', { id: 'a', connectionId: 'ca' });
  const b = p('admitted', 'party', { id: 'b', connectionId: 'cb' });
  it.each<[string, RoomFacts, ParticipantFacts | undefined, ParticipantFacts | undefined, string, string | null]>([
    ['between two admitted in the main room', open, a, b, 'cb', null],
    ['to a stale connection', open, a, b, 'old', 'stale'],
    ['from someone not admitted', open, { ...a, state: 'waiting' }, b, 'cb', 'forged'],
    ['from someone not in the room', open, undefined, b, 'cb', 'forged'],
    ['to someone not in the room', open, a, undefined, 'cb', 'forged'],
    ['to someone in the lobby', open, a, { ...b, state: 'waiting' }, 'cb', 'forged'],
    ['to oneself', open, a, a, 'ca', 'forged'],
    ['across caucus rooms', open, a, { ...b, caucus: '申请人' }, 'cb', 'forged'],
    ['within one caucus', open, { ...a, caucus: '申请人' }, { ...b, caucus: '申请人' }, 'cb', null],
    ['in an ended room', ended, a, b, 'cb', 'ended'],
  ])('%s', (_label, room, from, to, toConnection, expected) => {
    expect(signalRefusal(room, from, to, toConnection)?.kind ?? null).toBe(expected);
  });
});
