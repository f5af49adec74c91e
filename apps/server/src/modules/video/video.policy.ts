// Pure access rules for a video room: who sees it, who may listen to its realtime room, who reads
// and writes its chat. Room membership decides; staff who may oversee the matter's rooms see them too.
import { can, type Actor, type MatterFacts } from '../../platform/auth/index.ts';
import { mayControl, type ParticipantFacts } from './video.rules.ts';

export type Member = ParticipantFacts & { userId: string };

export type RoomAccess = {
  /** The actor's own participant, if invited. */
  me: Member | undefined;
  host: boolean;
  /** Staff of the matter who see every room of it without being invited. */
  oversee: boolean;
  view: boolean;
  /** May subscribe to `video:<id>`: invited, and not refused or removed. */
  listen: boolean;
  readChat: boolean;
  postChat: boolean;
};

export function roomAccess(actor: Actor, members: readonly Member[], matter: MatterFacts | undefined): RoomAccess {
  const me = members.find((m) => m.userId === actor.userId);
  const oversee = !!matter && can(actor, 'video_room.oversee', matter);
  const host = mayControl(me);
  const excluded = me?.state === 'refused' || me?.state === 'removed';
  return {
    me,
    host,
    oversee,
    view: !!me || oversee,
    listen: !!me && !excluded,
    readChat: host || oversee || me?.state === 'admitted',
    postChat: me?.state === 'admitted',
  };
}

/** Opening a room for a matter: staff who may change the matter. */
export const mayCreateRoom = (actor: Actor, matter: MatterFacts | undefined) => !!matter && can(actor, 'video_room.create', matter);
