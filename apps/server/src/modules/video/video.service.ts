// Video rooms' use cases: open a room for a matter and invite its participants, the lobby, host
// controls, chat. Each change runs in one transaction with its domain event (so it reaches the
// ledger) and a `video.room` realtime signal that leaves only if the transaction commits.
import {
  videoRoom as videoRoomName,
  type TIceServer,
  type TVideoJoin,
  type TVideoRecording,
  type TVideoRoom,
  type TVideoRoomCreate,
  type TVideoRoomSummary,
  type TVideoChatMessage,
  type TRealtimeEvent,
} from '@opencourt/contracts';
import { z } from 'zod';
import { can, type Actor, type MatterFacts } from '../../platform/auth/index.ts';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Db, Executor, Tx } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events/index.ts';
import { CommonErrors, decodeCursor, pageOf } from '../../platform/http/index.ts';
import type { Notifier } from '../../platform/notify/index.ts';
import type { Publish } from '../../platform/realtime/index.ts';
import { VideoErrors } from './video.errors.ts';
import { mayCreateRoom, roomAccess, type RoomAccess } from './video.policy.ts';
import { hostActionState, joinState, leaveState, type HostAction, type Outcome } from './video.rules.ts';
import { videoStore, type MemberRow, type RoomRow } from './video.store.ts';
import { chatView, roomView, summaryView } from './video.views.ts';

/** A socket counts as present while its process refreshes it (every 30 s); a crashed process's rows age out. */
export const PRESENCE_TTL_MS = 90_000;

const PURPOSE_LABEL: Record<string, string> = { mediation: '调解', witness: '见证', hearing: '庭审', meeting: '会议' };

export type VideoServiceDeps = {
  db: Db;
  clock: Clock;
  id: IdGenerator;
  /** Pass `tx` inside a transaction, so no second connection is taken while one is held. */
  matters: { factsOf(matterId: string, tx?: Executor): Promise<MatterFacts | undefined> };
  notifier: Pick<Notifier, 'notify'>;
  publish: Publish;
  iceServers: TIceServer[];
  /** The recording in progress, shown to everyone in the room (the recording part of the module provides it). */
  recordingOf?: (db: Executor, roomId: string) => Promise<TVideoRecording | null>;
  /** Called in the transaction that ends a room (the recording part stops its recording there). */
  onRoomEnded?: (tx: Tx, roomId: string, actor: Actor) => Promise<void>;
};

type Loaded = { room: RoomRow; members: MemberRow[]; access: RoomAccess };

function raise(outcome: Extract<Outcome<unknown>, { ok: false }>): never {
  throw VideoErrors[outcome.error](outcome.detail);
}

export function createVideoService(deps: VideoServiceDeps) {
  const { db, clock, id, publish } = deps;

  const load = async (tx: Executor, actor: Actor, roomId: string, forUpdate = false): Promise<Loaded> => {
    const room = forUpdate ? await videoStore.roomForUpdate(tx, roomId) : await videoStore.room(tx, roomId);
    if (!room) throw VideoErrors.VIDEO_ROOM_NOT_FOUND();
    const members = await videoStore.members(tx, roomId);
    const access = roomAccess(actor, members, await deps.matters.factsOf(room.matterId, tx === db ? undefined : tx));
    if (!access.view) throw VideoErrors.VIDEO_ROOM_NOT_FOUND();
    return { room, members, access };
  };

  const view = async (tx: Executor, actor: Actor, roomId: string): Promise<TVideoRoom> => {
    const room = await videoStore.room(tx, roomId);
    if (!room) throw VideoErrors.VIDEO_ROOM_NOT_FOUND();
    const members = await videoStore.members(tx, roomId);
    const online = await videoStore.onlineParticipants(tx, roomId, new Date(clock.now().getTime() - PRESENCE_TTL_MS));
    return roomView(room, members, online, actor.userId, (await deps.recordingOf?.(tx, roomId)) ?? null);
  };

  /** The event for the record and the signal for open screens, in the caller's transaction. */
  const changed = async (tx: Executor, actor: Actor, room: RoomRow, change: string, participantId: string | null, payload: Record<string, unknown> = {}) => {
    await appendEvent(tx, {
      type: `video_room.${change}`,
      aggregateType: 'video_room',
      aggregateId: room.id,
      actorId: actor.userId,
      payload: { matterId: room.matterId, participantId, ...payload },
      occurredAt: clock.now(),
    });
    await publish(tx, videoRoomName(room.id), { type: 'video.room', roomId: room.id, change, participantId });
  };

  const hostControl = async (actor: Actor, roomId: string, participantId: string, action: HostAction, apply: (tx: Tx, loaded: Loaded, target: MemberRow) => Promise<void>) =>
    db.transaction(async (tx) => {
      const loaded = await load(tx, actor, roomId, true);
      if (!loaded.access.host) throw VideoErrors.VIDEO_NOT_HOST();
      const target = loaded.members.find((m) => m.id === participantId);
      if (!target) throw VideoErrors.VIDEO_PARTICIPANT_NOT_FOUND();
      const next = hostActionState(loaded.room, action, target);
      if (!next.ok) raise(next);
      await apply(tx, loaded, target);
      return view(tx, actor, roomId);
    });

  const roomControl = async <T>(actor: Actor, roomId: string, apply: (tx: Tx, loaded: Loaded) => Promise<T>) =>
    db.transaction(async (tx) => {
      const loaded = await load(tx, actor, roomId, true);
      if (!loaded.access.host) throw VideoErrors.VIDEO_NOT_HOST();
      if (loaded.room.status !== 'open') throw VideoErrors.VIDEO_ROOM_ENDED();
      return apply(tx, loaded);
    });

  const control = (tx: Executor, roomId: string, participantId: string | null, action: 'ask-unmute' | 'mute' | 'removed' | 'ended', users?: string[]) =>
    publish(tx, videoRoomName(roomId), { type: 'video.control', roomId, participantId, action }, users ? { users } : {});

  return {
    async createRoom(actor: Actor, matterId: string, input: TVideoRoomCreate, tx: Tx): Promise<TVideoRoom> {
      const matter = await deps.matters.factsOf(matterId, tx);
      if (!matter || !can(actor, 'matter.read', matter)) throw CommonErrors.NOT_FOUND('案件不存在或无权查看');
      if (!mayCreateRoom(actor, matter)) throw CommonErrors.FORBIDDEN('只有本案的承办人员可以开设视频房间');
      const seen = new Set([actor.userId]);
      const invitees = input.participants.filter((p) => !seen.has(p.userId) && seen.add(p.userId));
      const outside = input.participants.findIndex((p) => !matter.participants.some((mp) => mp.userId === p.userId));
      if (outside >= 0) {
        throw VideoErrors.VIDEO_PARTICIPANT_NOT_IN_MATTER(undefined, { fields: [{ pointer: `/body/participants/${outside}/userId`, detail: '该用户不是本案参与人' }] });
      }
      const now = clock.now();
      const room = {
        id: id(),
        matterId,
        title: input.title,
        purpose: input.purpose,
        status: 'open',
        locked: false,
        scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
        createdBy: actor.userId,
        createdAt: now,
        endedAt: null,
      };
      const participants = [
        { id: id(), roomId: room.id, userId: actor.userId, role: 'host', side: null, state: 'invited', updatedAt: now },
        ...invitees.map((p) => ({ id: id(), roomId: room.id, userId: p.userId, role: p.role, side: p.side ?? null, state: 'invited', updatedAt: now })),
      ];
      await videoStore.insertRoom(tx, room, participants);
      await changed(tx, actor, room, 'created', null, { purpose: input.purpose, participants: participants.length });
      const when = input.scheduledAt ? `，时间：${new Date(input.scheduledAt).toISOString().slice(0, 16).replace('T', ' ')}（UTC）` : '';
      for (const p of invitees) {
        await deps.notifier.notify(tx, {
          userId: p.userId,
          kind: 'video.invitation',
          title: `视频${PURPOSE_LABEL[input.purpose] ?? ''}邀请：${input.title}`,
          body: `您受邀参加视频${PURPOSE_LABEL[input.purpose] ?? ''}“${input.title}”${when}。请登录后从链接进入，先完成设备检测，再在等候室等待主持人准许。`,
          link: `/rooms/${room.id}`,
          channels: ['inapp', 'sms', 'email'],
          data: { roomId: room.id, matterId },
        });
      }
      return view(tx, actor, room.id);
    },

    /** The matter's rooms the caller may see: all of them for its staff, their own for the rest. */
    async listRooms(actor: Actor, matterId: string): Promise<{ items: TVideoRoomSummary[] }> {
      const matter = await deps.matters.factsOf(matterId);
      if (!matter || !can(actor, 'matter.read', matter)) throw CommonErrors.NOT_FOUND('案件不存在或无权查看');
      const rows = await videoStore.roomsOfMatter(db, matterId);
      if (can(actor, 'video_room.oversee', matter)) return { items: rows.map(summaryView) };
      const mine = await videoStore.roomIdsOfUser(db, matterId, actor.userId);
      return { items: rows.filter((r) => mine.has(r.id)).map(summaryView) };
    },

    async getRoom(actor: Actor, roomId: string): Promise<TVideoRoom> {
      await load(db, actor, roomId);
      return view(db, actor, roomId);
    },

    /** Into the lobby, or straight in (hosts; admitted participants coming back). A new connection id each time. */
    async join(actor: Actor, roomId: string): Promise<TVideoJoin> {
      return db.transaction(async (tx) => {
        const { room, access } = await load(tx, actor, roomId, true);
        const me = access.me;
        if (!me) throw VideoErrors.VIDEO_NOT_INVITED('您不在该房间的受邀名单中');
        const next = joinState(room, me);
        if (!next.ok) raise(next);
        const now = clock.now();
        await videoStore.updateParticipant(tx, me.id, { state: next.value, connectionId: id(), joinedAt: now }, now);
        await changed(tx, actor, room, next.value === 'admitted' ? 'joined' : 'waiting', me.id, { state: next.value });
        const full = await view(tx, actor, roomId);
        return { room: full, me: full.me!, iceServers: deps.iceServers };
      });
    },

    async leave(actor: Actor, roomId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { room, access } = await load(tx, actor, roomId, true);
        if (!access.me) throw VideoErrors.VIDEO_NOT_INVITED();
        const next = leaveState(access.me);
        if (!next.ok) raise(next);
        if (access.me.state === 'left') return;
        await videoStore.updateParticipant(tx, access.me.id, { state: 'left', caucus: null }, clock.now());
        await changed(tx, actor, room, 'left', access.me.id);
      });
    },

    admit: (actor: Actor, roomId: string, pid: string) =>
      hostControl(actor, roomId, pid, 'admit', async (tx, { room }, target) => {
        await videoStore.updateParticipant(tx, target.id, { state: 'admitted' }, clock.now());
        await changed(tx, actor, room, 'admitted', target.id);
      }),

    refuse: (actor: Actor, roomId: string, pid: string) =>
      hostControl(actor, roomId, pid, 'refuse', async (tx, { room }, target) => {
        await videoStore.updateParticipant(tx, target.id, { state: 'refused' }, clock.now());
        await changed(tx, actor, room, 'refused', target.id);
      }),

    remove: (actor: Actor, roomId: string, pid: string) =>
      hostControl(actor, roomId, pid, 'remove', async (tx, { room }, target) => {
        await videoStore.updateParticipant(tx, target.id, { state: 'removed', caucus: null }, clock.now());
        await changed(tx, actor, room, 'removed', target.id);
        await control(tx, room.id, target.id, 'removed');
      }),

    /** Into a caucus (背对背) or back to the main room (null). */
    move: (actor: Actor, roomId: string, pid: string, caucus: string | null) =>
      hostControl(actor, roomId, pid, 'move', async (tx, { room }, target) => {
        if (target.caucus === caucus) return;
        await videoStore.updateParticipant(tx, target.id, { caucus }, clock.now());
        await changed(tx, actor, room, 'moved', target.id, { caucus });
      }),

    async askUnmute(actor: Actor, roomId: string, pid: string): Promise<void> {
      await hostControl(actor, roomId, pid, 'ask-unmute', async (tx, { room }, target) => {
        await appendEvent(tx, { type: 'video_room.unmute_asked', aggregateType: 'video_room', aggregateId: room.id, actorId: actor.userId, payload: { matterId: room.matterId, participantId: target.id } });
        await control(tx, room.id, target.id, 'ask-unmute', [target.userId]);
      });
    },

    async muteAll(actor: Actor, roomId: string): Promise<void> {
      await roomControl(actor, roomId, async (tx, { room }) => {
        await appendEvent(tx, { type: 'video_room.muted_all', aggregateType: 'video_room', aggregateId: room.id, actorId: actor.userId, payload: { matterId: room.matterId } });
        await control(tx, room.id, null, 'mute');
      });
    },

    lock: (actor: Actor, roomId: string, locked: boolean) =>
      roomControl(actor, roomId, async (tx, { room }) => {
        if (room.locked !== locked) {
          await videoStore.updateRoom(tx, room.id, { locked });
          await changed(tx, actor, room, locked ? 'locked' : 'unlocked', null);
        }
        return view(tx, actor, roomId);
      }),

    /** Ends the room for everyone: nobody is left inside, and the recording (if any) stops. */
    end: (actor: Actor, roomId: string) =>
      roomControl(actor, roomId, async (tx, { room, members }) => {
        const now = clock.now();
        await videoStore.updateRoom(tx, room.id, { status: 'ended', endedAt: now });
        for (const m of members) if (m.state === 'waiting' || m.state === 'admitted') await videoStore.updateParticipant(tx, m.id, { state: 'left', caucus: null }, now);
        await deps.onRoomEnded?.(tx, room.id, actor);
        await changed(tx, actor, room, 'ended', null);
        await control(tx, room.id, null, 'ended');
        return view(tx, actor, roomId);
      }),

    /** Said in the sender's sub-room; heard there (and by hosts). */
    async postChat(actor: Actor, roomId: string, text: string): Promise<TVideoChatMessage> {
      return db.transaction(async (tx) => {
        const { room, members, access } = await load(tx, actor, roomId);
        if (room.status !== 'open') throw VideoErrors.VIDEO_ROOM_ENDED();
        if (!access.postChat || !access.me) throw VideoErrors.VIDEO_NOT_ADMITTED('只有已进入房间的参与人可以发言');
        const me = access.me;
        const message = { id: id(), roomId, participantId: me.id, caucus: me.caucus, text, createdAt: clock.now() };
        await videoStore.insertChat(tx, message);
        await appendEvent(tx, {
          type: 'video_room.chat_posted',
          aggregateType: 'video_room',
          aggregateId: room.id,
          actorId: actor.userId,
          payload: { matterId: room.matterId, messageId: message.id, participantId: me.id, caucus: me.caucus },
          occurredAt: message.createdAt,
        });
        const out = chatView({ ...message, displayName: members.find((m) => m.id === me.id)!.displayName });
        const hearers = members.filter((m) => (m.state === 'admitted' && m.caucus === me.caucus) || (m.role === 'host' && m.state !== 'removed' && m.state !== 'refused'));
        const event: TRealtimeEvent = { type: 'video.chat', roomId, message: out };
        await publish(tx, videoRoomName(roomId), event, { users: [...new Set(hearers.map((m) => m.userId))] });
        return out;
      });
    },

    async listChat(actor: Actor, roomId: string, query: { limit: number; cursor?: string }) {
      const { access } = await load(db, actor, roomId);
      if (!access.readChat) throw VideoErrors.VIDEO_NOT_ADMITTED('进入房间后才能查看聊天记录');
      const after = decodeCursor(query.cursor, z.object({ createdAt: z.string(), id: z.string() }));
      const visibleTo = access.host || access.oversee ? null : { caucus: access.me!.caucus, participantId: access.me!.id };
      const rows = await videoStore.chat(db, roomId, visibleTo, after, query.limit);
      const { items, nextCursor } = pageOf(rows, query.limit, (c) => ({ createdAt: c.createdAt.toISOString(), id: c.id }));
      return { items: items.map(chatView), nextCursor };
    },
  };
}

export type VideoService = ReturnType<typeof createVideoService>;
