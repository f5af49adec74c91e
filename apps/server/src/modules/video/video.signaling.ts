// Signaling for video rooms over the platform's realtime socket (`video:<roomId>`): who may listen,
// the relay of WebRTC signals between admitted participants of the same sub-room, and presence.
//
// Per message everything happens in memory: room membership (and which processes hold each
// participant's sockets) is cached per process and evicted by the database's cache notifications on
// any write to the room, its participants or its presence (migration 0009), with the epoch guard of
// platform/cache so a read that raced with a change is not kept. A signal whose addressee's sockets
// are all on this process is delivered here without a NOTIFY; presence is recorded before a socket
// hears `subscribed`, so a socket on another process is always known before it can be addressed.
// The sender is stamped from the authenticated socket; forged and replayed messages are refused and
// audited.
import { videoRoom as videoRoomName, ZVideoSignalUp, type TRealtimeEvent } from '@opencourt/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { auditStore } from '../../platform/audit/index.ts';
import { createInvalidatedCache, type CacheNotifications } from '../../platform/cache/index.ts';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Publish, RoomKind, RoomSender, SendOutcome } from '../../platform/realtime/index.ts';
import { roomAccess, type Member } from './video.policy.ts';
import { ReplayWindow } from './replay-window.ts';
import { signalRefusal } from './video.rules.ts';
import { PRESENCE_TTL_MS } from './video.service.ts';
import { videoStore } from './video.store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Message ids remembered per sender connection, to refuse replays. */
const REPLAY_WINDOW = 256;
const MAX_REPLAY_SENDERS = 50_000;
const PRESENCE_REFRESH_MS = 30_000;

export const videoRoomTag = (roomId: string) => `video_room:${roomId}`;

type Membership = {
  status: string;
  locked: boolean;
  matterId: string;
  byId: Map<string, Member>;
  byUser: Map<string, Member>;
  /** Participant id → the processes holding their live sockets in the room. */
  present: Map<string, Set<string>>;
};

export type VideoSignalingDeps = {
  db: Db;
  clock: Clock;
  id: IdGenerator;
  log: FastifyBaseLogger;
  notifications?: CacheNotifications;
  /** Relays an event now (platform/realtime `relay`); `localOnly` when every addressee's sockets are on this process. */
  relay: (room: string, event: TRealtimeEvent, users?: readonly string[], opts?: { localOnly?: boolean }) => void;
  /** This process, as named in presence records (platform/realtime `processId`). */
  processId: string;
  publish: Publish;
};

export function createVideoSignaling(deps: VideoSignalingDeps) {
  const { db, clock, log } = deps;
  const cache = createInvalidatedCache<Membership>(deps.notifications, { maxEntries: 20_000, maxAgeMs: 5 * 60_000 });
  const loading = new Map<string, Promise<Membership | undefined>>();
  const seen = new Map<string, ReplayWindow>();
  /** This process's subscriptions to video rooms: `<socketId>|<roomId>` → presence row. */
  const presence = new Map<string, { id: string; roomId: string; participantId: string }>();

  const loadMembership = (roomId: string): Promise<Membership | undefined> => {
    let pending = loading.get(roomId);
    if (pending) return pending;
    const begunAt = cache.begin();
    pending = (async () => {
      const room = await videoStore.room(db, roomId);
      if (!room) return undefined;
      const members = await videoStore.members(db, roomId);
      const present = await videoStore.presenceOf(db, roomId, new Date(clock.now().getTime() - PRESENCE_TTL_MS));
      const m: Membership = {
        present,
        status: room.status,
        locked: room.locked,
        matterId: room.matterId,
        byId: new Map(members.map((p) => [p.id, p])),
        byUser: new Map(members.map((p) => [p.userId, p])),
      };
      cache.set(roomId, m, [videoRoomTag(roomId)], clock.now(), begunAt);
      return m;
    })().finally(() => loading.delete(roomId));
    loading.set(roomId, pending);
    return pending;
  };
  const membership = (roomId: string) => cache.get(roomId, clock.now()) ?? loadMembership(roomId);

  const audit = (sender: RoomSender, roomId: string, action: string, statusCode: number, detail: Record<string, unknown>) => {
    auditStore
      .append(db, {
        actorId: sender.actor.userId,
        actorLabel: null,
        action,
        resourceType: 'video_room',
        resourceId: roomId,
        outcome: 'denied',
        statusCode,
        ip: sender.ip,
        userAgent: sender.userAgent,
        requestId: sender.socketId,
        detail,
      })
      .catch((err) => log.error({ err }, 'could not audit a refused signal'));
  };

  /** True when this id was already used by this sender connection. */
  const replayed = (connectionId: string, messageId: string): boolean => {
    let ids = seen.get(connectionId);
    if (!ids) {
      if (seen.size >= MAX_REPLAY_SENDERS) seen.delete(seen.keys().next().value!);
      seen.set(connectionId, (ids = new ReplayWindow(REPLAY_WINDOW)));
    }
    return ids.seen(messageId);
  };

  const refuse = (sender: RoomSender, roomId: string, action: string, status: number, message: string, detail: Record<string, unknown>): SendOutcome => {
    audit(sender, roomId, action, status, detail);
    return { ok: false, message, strike: true };
  };

  const onlyHere = (processes: Set<string> | undefined) => !processes || (processes.size === 1 && processes.has(deps.processId));

  const send = async (sender: RoomSender, roomId: string, body: unknown): Promise<SendOutcome> => {
    if (!UUID.test(roomId)) return { ok: false, message: '房间不存在' };
    const cached = cache.get(roomId, clock.now());
    let room = cached ?? (await loadMembership(roomId));
    if (!room) return { ok: false, message: '房间不存在' };
    const parsed = ZVideoSignalUp.safeParse(body);
    if (!parsed.success) {
      // A body naming its own sender tries to pass for someone else.
      if (body && typeof body === 'object' && ('from' in body || 'fromConnection' in body)) {
        return refuse(sender, roomId, 'video.signal.forged', 403, '信令不得自行指定发送人', { reason: 'sender_in_body' });
      }
      return { ok: false, message: `信令格式错误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`, strike: true };
    }
    const signal = parsed.data;
    let me = room.byUser.get(sender.actor.userId);
    let to = room.byId.get(signal.to);
    let refusal = signalRefusal(room, me, to, signal.toConnection);
    if (refusal && cached) {
      // The cache may lag a change committed an instant ago (the eviction is on its way): look again.
      room = await loadMembership(roomId);
      if (!room) return { ok: false, message: '房间不存在' };
      me = room.byUser.get(sender.actor.userId);
      to = room.byId.get(signal.to);
      refusal = signalRefusal(room, me, to, signal.toConnection);
    }
    if (refusal?.kind === 'forged') {
      return refuse(sender, roomId, 'video.signal.refused', 403, refusal.message, { to: signal.to, messageId: signal.id, reason: refusal.message });
    }
    if (refusal) return { ok: false, message: refusal.message };
    if (replayed(me!.connectionId!, signal.id)) {
      return refuse(sender, roomId, 'video.signal.replayed', 409, '重复的信令消息（可能是重放），已拒绝', { to: signal.to, messageId: signal.id });
    }
    deps.relay(
      videoRoomName(roomId),
      {
        type: 'video.signal',
        roomId,
        from: me!.id,
        fromConnection: me!.connectionId!,
        to: to!.id,
        toConnection: signal.toConnection,
        id: signal.id,
        sentAt: signal.sentAt,
        signal: signal.signal,
      },
      [to!.userId],
      { localOnly: onlyHere(room.present.get(to!.id)) },
    );
    return { ok: true };
  };

  const presenceChanged = (roomId: string, participantId: string, change: 'online' | 'offline') =>
    deps.publish(db, videoRoomName(roomId), { type: 'video.room', roomId, change, participantId });

  const entered = async (sender: RoomSender, roomId: string) => {
    const room = await membership(roomId);
    const me = room?.byUser.get(sender.actor.userId);
    if (!me) return;
    const row = { id: deps.id(), roomId, participantId: me.id };
    presence.set(`${sender.socketId}|${roomId}`, row);
    await videoStore.addPresence(db, { ...row, processId: deps.processId, seenAt: clock.now() });
    await presenceChanged(roomId, me.id, 'online');
  };

  const left = (sender: RoomSender, roomId: string) => {
    const key = `${sender.socketId}|${roomId}`;
    const row = presence.get(key);
    if (!row) return;
    presence.delete(key);
    void (async () => {
      await videoStore.removePresence(db, row.id);
      await presenceChanged(roomId, row.participantId, 'offline');
    })().catch((err) => log.error({ err }, 'could not record video presence'));
  };

  let timer: NodeJS.Timeout | undefined;

  return {
    /** The `video` room kind for platform/realtime. */
    roomKind: {
      // The room's participants may listen (any state but refused or removed).
      authorize: async (actor, roomId) => {
        if (!UUID.test(roomId)) return false;
        const room = await membership(roomId);
        return !!room && roomAccess(actor, [...room.byId.values()], undefined).listen;
      },
      send,
      entered,
      left,
    } satisfies RoomKind,

    /** Keep this process's presence rows fresh, and clear those a crashed process left. */
    start() {
      if (timer) return;
      timer = setInterval(() => {
        const now = clock.now();
        void videoStore
          .touchPresence(db, [...presence.values()].map((p) => p.id), now)
          .then(() => videoStore.prunePresence(db, new Date(now.getTime() - PRESENCE_TTL_MS)))
          .catch((err) => log.error({ err }, 'could not refresh video presence'));
      }, PRESENCE_REFRESH_MS);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      const rows = [...presence.values()];
      presence.clear();
      for (const row of rows) await videoStore.removePresence(db, row.id).catch(() => {});
    },
  };
}

export type VideoSignaling = ReturnType<typeof createVideoSignaling>;
