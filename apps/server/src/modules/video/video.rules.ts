// Pure rules of a video room: where a join leads, which host controls apply to whom, who sees which
// chat, and whether a signal may pass from one participant to another. No I/O.
import type { TVideoRole } from '@opencourt/contracts';

export type ParticipantState = 'invited' | 'waiting' | 'admitted' | 'refused' | 'removed' | 'left';
export type RoomFacts = { status: 'open' | 'ended' | string; locked: boolean };
export type ParticipantFacts = { id: string; role: TVideoRole | string; state: ParticipantState | string; caucus: string | null; connectionId: string | null };

export type RuleError =
  | 'VIDEO_ROOM_ENDED'
  | 'VIDEO_ROOM_LOCKED'
  | 'VIDEO_JOIN_REFUSED'
  | 'VIDEO_REMOVED'
  | 'VIDEO_NOT_ADMITTED'
  | 'VIDEO_INVALID_TRANSITION'
  | 'VIDEO_NOT_HOST';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: RuleError; detail?: string };
const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const no = (error: RuleError, detail?: string): Outcome<never> => ({ ok: false, error, detail });

/**
 * Joining: a host goes straight in; an admitted participant who dropped and comes back goes straight
 * back (resilience), even into a locked room; everyone else waits in the lobby unless the room is
 * locked. Refused and removed participants stay out; nobody enters an ended room.
 */
export function joinState(room: RoomFacts, p: ParticipantFacts): Outcome<'waiting' | 'admitted'> {
  if (room.status !== 'open') return no('VIDEO_ROOM_ENDED');
  if (p.state === 'refused') return no('VIDEO_JOIN_REFUSED');
  if (p.state === 'removed') return no('VIDEO_REMOVED');
  if (p.role === 'host' || p.state === 'admitted') return ok('admitted');
  if (room.locked) return no('VIDEO_ROOM_LOCKED', '房间已被主持人锁定，请联系主持人');
  return ok('waiting');
}

export type HostAction = 'admit' | 'refuse' | 'remove' | 'move' | 'ask-unmute';

/** The state a host control leads to, or why it does not apply to this participant now. */
export function hostActionState(room: RoomFacts, action: HostAction, target: ParticipantFacts): Outcome<ParticipantState> {
  if (room.status !== 'open') return no('VIDEO_ROOM_ENDED');
  switch (action) {
    case 'admit':
      return target.state === 'waiting' ? ok('admitted') : no('VIDEO_INVALID_TRANSITION', '只能准许在等候室中的参与人进入');
    case 'refuse':
      return target.state === 'waiting' ? ok('refused') : no('VIDEO_INVALID_TRANSITION', '只能拒绝在等候室中的参与人');
    case 'remove':
      if (target.role === 'host') return no('VIDEO_INVALID_TRANSITION', '不能移出主持人');
      return target.state === 'waiting' || target.state === 'admitted' ? ok('removed') : no('VIDEO_INVALID_TRANSITION', '该参与人不在房间或等候室中');
    case 'move':
    case 'ask-unmute':
      return target.state === 'admitted' ? ok('admitted') : no('VIDEO_INVALID_TRANSITION', '该参与人不在房间中');
  }
}

/** Leaving: from the lobby or the room; leaving twice is harmless. */
export function leaveState(p: ParticipantFacts): Outcome<ParticipantState> {
  if (p.state === 'waiting' || p.state === 'admitted' || p.state === 'left') return ok('left');
  return no('VIDEO_INVALID_TRANSITION', '您不在房间或等候室中');
}

/** Only a host, still part of the room, controls it. */
export function mayControl(p: ParticipantFacts | undefined): boolean {
  return !!p && p.role === 'host' && p.state !== 'removed' && p.state !== 'refused';
}

/** Chat is per sub-room: the main room's is seen by everyone admitted, a caucus's only there (and by hosts and overseers). */
export function chatVisible(viewer: { host: boolean; participantId: string | null; caucus: string | null }, message: { caucus: string | null; participantId: string }): boolean {
  if (viewer.host) return true;
  return message.caucus === null || message.caucus === viewer.caucus || message.participantId === viewer.participantId;
}

export type SignalRefusal = { message: string; kind: 'forged' | 'stale' | 'ended' };

/**
 * Whether a signal may pass: both admitted, in the same sub-room (caucus separation holds on the
 * server), addressed to the addressee's current connection. Null when it may.
 */
export function signalRefusal(room: RoomFacts, sender: ParticipantFacts | undefined, addressee: ParticipantFacts | undefined, toConnection: string): SignalRefusal | null {
  if (room.status !== 'open') return { kind: 'ended', message: '视频会议已结束' };
  if (!sender || sender.state !== 'admitted') return { kind: 'forged', message: '您尚未获准进入房间，不能发送信令' };
  if (!addressee || addressee.id === sender.id) return { kind: 'forged', message: '收件人不是本房间的参与人' };
  if (addressee.state !== 'admitted') return { kind: 'forged', message: '收件人不在房间中' };
  if (addressee.caucus !== sender.caucus) return { kind: 'forged', message: '收件人在另一个分组会谈室，不能互通' };
  if (addressee.connectionId !== toConnection) return { kind: 'stale', message: '收件人已重新连接，请使用其最新的连接编号' };
  return null;
}
