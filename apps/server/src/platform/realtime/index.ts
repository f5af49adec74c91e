// Realtime: authenticated WebSocket rooms with typed events, fanned out across processes through
// PostgreSQL NOTIFY. `publish(tx, room, event)` from any process reaches every socket in the room.
import type { TRealtimeEvent } from '@opencourt/contracts';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Clock } from '../clock/index.ts';
import type { Db, Executor } from '../db/database.ts';
import type { DbListener } from '../events/index.ts';
import { sql } from 'drizzle-orm';
import { createAssembler, createRelay, encodeEnvelope, publishEvent, REALTIME_CHANNEL, type Publish } from './bus.ts';
import { createHub } from './hub.ts';
import { realtimeRoutes } from './realtime.routes.ts';
import { createRoomRegistry, type RoomAuthorizer, type RoomKind } from './rooms.ts';
import { liveSessionIds } from './sessions.store.ts';

export { REALTIME_CHANNEL, MAX_REALTIME_PAYLOAD_BYTES, MAX_REALTIME_EVENT_BYTES, RealtimePayloadTooLargeError, type Publish, type PublishOptions } from './bus.ts';
export {
  userRoom,
  matterRoom,
  parseRoom,
  createRoomPolicy,
  type RoomAuthorizer,
  type RoomPolicy,
  type RoomKind,
  type RoomSender,
  type RoomSendHandler,
  type SendOutcome,
} from './rooms.ts';
export { MAX_SEND_BYTES } from './hub.ts';
export { originAllowed } from './realtime.routes.ts';
export { createMatterEventsConsumer } from './matter-events.ts';

export type RealtimeDeps = {
  db: Db;
  /** For the relay's prepared statement (the hot path); without it, relayed events go through `db`. */
  pool?: pg.Pool;
  clock: Clock;
  log: FastifyBaseLogger;
  listener: DbListener;
  /** Authorizers for room kinds besides `user:` (e.g. `matter`). */
  rooms?: Record<string, RoomAuthorizer>;
  /** Origins besides the request's own host allowed to open sockets (the public URL). */
  allowedOrigins?: readonly string[];
  heartbeatMs?: number;
  sessionCheckMs?: number;
  /** Session changes announced by auth (sign-out anywhere): sockets of that user are checked at once. */
  sessionChanges?: { subscribe(handler: (userId: string) => void, onReconnect: () => void): void };
};

export function createRealtime(deps: RealtimeDeps) {
  const { db, clock, log, listener } = deps;
  const registry = createRoomRegistry(deps.rooms);
  const policy = registry.policy;
  const hub = createHub({ policy, senders: registry, log });
  const assembler = createAssembler();
  /** Names this process in the envelopes it relays, so it skips its own echo. */
  const origin = randomUUID();
  const relayError = (err: unknown) => log.error({ err }, 'could not relay realtime events');
  const relay = deps.pool
    ? createRelay(deps.pool, relayError)
    : { send: (payload: string) => void db.execute(sql`select pg_notify(${REALTIME_CHANNEL}, ${payload})`).catch(relayError), drained: async () => {} };
  let heartbeat: NodeJS.Timeout | undefined;
  let sessionCheck: NodeJS.Timeout | undefined;
  let unlisten: (() => void) | undefined;
  let subscribedToSessions = false;

  /** Closes sockets whose session ended: every socket's, or (after a change to one user) that user's. */
  const checkSessions = async (userId?: string) => {
    const ids = hub.sessionIds(userId);
    if (!ids.length) return;
    try {
      const live = await liveSessionIds(db, ids, clock.now());
      hub.closeSessions(new Set(ids.filter((id) => !live.has(id))));
    } catch (err) {
      log.error({ err }, 'could not check realtime sessions');
    }
  };

  return {
    /** Send an event to a room in every process; inside a transaction, only if it commits. */
    publish: ((tx: Executor, room: string, event: TRealtimeEvent, opts) => publishEvent(tx, room, event, opts)) as Publish,
    /**
     * Send an event now, outside any transaction (signals relayed between sockets): this process's
     * sockets get it at once, the others' through NOTIFY, batched with the rest of this tick.
     * `event` must already be valid: it is not checked again.
     */
    relay(room: string, event: TRealtimeEvent, users?: readonly string[], opts: { localOnly?: boolean } = {}) {
      hub.deliver(room, event, users);
      // Every addressee's sockets are known to be here (the caller checked): no other process needs it.
      if (!opts.localOnly) relay.send(encodeEnvelope({ room, event, users, origin }, { trusted: true }));
    },
    /** This process, as named in presence records. */
    processId: origin,
    /** Everything relayed so far has reached PostgreSQL. */
    relayed: () => relay.drained(),
    /** A module's room kind: who may subscribe, and who handles what clients send there. */
    registerRoomKind: (name: string, kind: RoomKind) => registry.register(name, kind),
    canJoin: policy,
    /** The WebSocket route, to register under /api/v1 (after @fastify/websocket). */
    routes: async (app: FastifyInstance) => realtimeRoutes(app, { hub, allowedOrigins: deps.allowedOrigins ?? [] }),

    start() {
      if (unlisten) return;
      unlisten = listener.on(REALTIME_CHANNEL, (payload) => {
        try {
          for (const e of assembler.accept(payload)) if (e.origin !== origin) hub.deliver(e.room, e.event, e.users);
        } catch (err) {
          log.error({ err }, 'invalid realtime notification');
        }
      });
      if (!subscribedToSessions && deps.sessionChanges) {
        subscribedToSessions = true;
        deps.sessionChanges.subscribe(
          (userId) => {
            if (unlisten && hub.hasUser(userId)) void checkSessions(userId);
          },
          () => {
            if (unlisten) void checkSessions();
          },
        );
      }
      heartbeat = setInterval(() => hub.heartbeat(), deps.heartbeatMs ?? 30_000);
      heartbeat.unref();
      sessionCheck = setInterval(() => void checkSessions(), deps.sessionCheckMs ?? 30_000);
      sessionCheck.unref();
    },

    stop() {
      unlisten?.();
      unlisten = undefined;
      clearInterval(heartbeat);
      clearInterval(sessionCheck);
      hub.closeAll();
    },

    /** Close sockets whose session ended now, rather than at the next periodic check. */
    checkSessions,
    /** One heartbeat round now (tests; the timer does it every heartbeatMs). */
    heartbeat: () => hub.heartbeat(),
    stats: () => hub.stats(),
  };
}

export type Realtime = ReturnType<typeof createRealtime>;
