// This process's sockets and the rooms they joined. Speaks the protocol of packages/contracts
// realtime.ts: subscribe / unsubscribe / ping / send in, events out. Sockets that stop answering
// pings, fall too far behind, or whose session ended are closed.
import { randomUUID } from 'node:crypto';
import { REALTIME_CLOSE, ZRealtimeClientMessage, type TRealtimeEvent, type TRealtimeServerMessage } from '@opencourt/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { Actor } from '../auth/index.ts';
import type { RoomPolicy, RoomRegistry, RoomSender } from './rooms.ts';

type Client = RoomSender & {
  socket: WebSocket;
  rooms: Set<string>;
  alive: boolean;
  errors: number;
};

export type SocketInfo = { ip: string | null; userAgent: string | null };

const MAX_MESSAGE_BYTES = 4096;
/** `send` carries signaling (an SDP offer can be tens of kilobytes); everything else stays small. */
export const MAX_SEND_BYTES = 32 * 1024;
const MAX_ERRORS = 20;
/** A client this far behind on reading is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export function createHub(deps: { policy: RoomPolicy; senders?: Pick<RoomRegistry, 'sendHandler' | 'presence'>; log: FastifyBaseLogger; maxRoomsPerSocket?: number }) {
  const { policy, log } = deps;
  const maxRooms = deps.maxRoomsPerSocket ?? 50;
  const clients = new Set<Client>();
  /** The same clients by user: session changes arrive per user, and there can be thousands of sockets. */
  const byUser = new Map<string, Set<Client>>();
  const rooms = new Map<string, Set<Client>>();

  const send = (client: Client, message: TRealtimeServerMessage) => {
    const { socket } = client;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.terminate();
      return;
    }
    socket.send(JSON.stringify(message));
  };
  const sendRaw = (client: Client, text: string) => {
    const { socket } = client;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.terminate();
      return;
    }
    socket.send(text);
  };

  const leave = (client: Client, room: string) => {
    if (!client.rooms.delete(room)) return;
    void deps.senders?.presence('left', client, room);
    const members = rooms.get(room);
    members?.delete(client);
    if (members?.size === 0) rooms.delete(room);
  };

  const drop = (client: Client) => {
    if (!clients.delete(client)) return;
    const own = byUser.get(client.actor.userId);
    own?.delete(client);
    if (own?.size === 0) byUser.delete(client.actor.userId);
    for (const room of [...client.rooms]) leave(client, room);
  };

  type ErrorCode = 'REALTIME_INVALID_MESSAGE' | 'REALTIME_ROOM_FORBIDDEN' | 'REALTIME_TOO_MANY_ROOMS' | 'REALTIME_SEND_REFUSED';
  const fail = (client: Client, code: ErrorCode, message: string, room?: string, strike = true) => {
    send(client, { type: 'error', code, message, ...(room ? { room } : {}) });
    if (strike && ++client.errors > MAX_ERRORS) client.socket.close(REALTIME_CLOSE.tooManyErrors, 'too many invalid messages');
  };

  const onSend = async (client: Client, room: string, body: unknown) => {
    if (!client.rooms.has(room)) return fail(client, 'REALTIME_SEND_REFUSED', '请先订阅该房间', room);
    const target = deps.senders?.sendHandler(room);
    if (!target) return fail(client, 'REALTIME_SEND_REFUSED', '该房间不接收消息', room);
    const outcome = await target.handle(client, target.id, body);
    if (!outcome.ok) fail(client, 'REALTIME_SEND_REFUSED', outcome.message, room, outcome.strike ?? false);
  };

  const onMessage = async (client: Client, data: Buffer, isBinary: boolean) => {
    if (isBinary || data.length > MAX_SEND_BYTES) return fail(client, 'REALTIME_INVALID_MESSAGE', '消息须为不超过 32 KB 的 JSON 文本');
    let parsed;
    try {
      parsed = ZRealtimeClientMessage.safeParse(JSON.parse(data.toString('utf8')));
    } catch {
      return fail(client, 'REALTIME_INVALID_MESSAGE', '消息不是合法的 JSON');
    }
    if (!parsed.success) return fail(client, 'REALTIME_INVALID_MESSAGE', parsed.error.issues.map((i) => i.message).join('; '));
    const msg = parsed.data;
    if (msg.type !== 'send' && data.length > MAX_MESSAGE_BYTES) return fail(client, 'REALTIME_INVALID_MESSAGE', '除发送消息外，消息须不超过 4 KB');
    switch (msg.type) {
      case 'send':
        return onSend(client, msg.room, msg.body);
      case 'ping':
        return send(client, { type: 'pong' });
      case 'unsubscribe':
        leave(client, msg.room);
        return send(client, { type: 'unsubscribed', room: msg.room });
      case 'subscribe': {
        if (client.rooms.has(msg.room)) return send(client, { type: 'subscribed', room: msg.room });
        if (client.rooms.size >= maxRooms) return fail(client, 'REALTIME_TOO_MANY_ROOMS', `每个连接最多订阅 ${maxRooms} 个房间`, msg.room);
        // Not allowed and not existing look the same.
        if (!(await policy(client.actor, msg.room))) return fail(client, 'REALTIME_ROOM_FORBIDDEN', '无权订阅该房间', msg.room);
        if (!clients.has(client)) return; // closed while the policy was checked
        client.rooms.add(msg.room);
        let members = rooms.get(msg.room);
        if (!members) rooms.set(msg.room, (members = new Set()));
        members.add(client);
        // Presence is recorded before the client hears it is in: from then on, signals find it.
        await deps.senders?.presence('entered', client, msg.room).catch((err) => log.error({ err, room: msg.room }, 'could not record presence'));
        if (client.rooms.has(msg.room)) send(client, { type: 'subscribed', room: msg.room });
        return;
      }
    }
  };

  return {
    attach(socket: WebSocket, actor: Actor, sessionId: string, info: SocketInfo = { ip: null, userAgent: null }) {
      const client: Client = { socket, actor, sessionId, socketId: randomUUID(), ...info, rooms: new Set(), alive: true, errors: 0 };
      clients.add(client);
      let own = byUser.get(actor.userId);
      if (!own) byUser.set(actor.userId, (own = new Set()));
      own.add(client);
      socket.on('message', (data: Buffer, isBinary: boolean) => {
        onMessage(client, data, isBinary).catch((err) => log.error({ err }, 'realtime message handling failed'));
      });
      socket.on('pong', () => {
        client.alive = true;
      });
      socket.on('close', () => drop(client));
      socket.on('error', () => drop(client));
      send(client, { type: 'ready', userId: actor.userId });
    },

    /** Deliver an event to this process's sockets in the room (only those of `users`, when given). */
    deliver(room: string, event: TRealtimeEvent, users?: readonly string[]): number {
      const members = rooms.get(room);
      if (!members) return 0;
      let text: string | undefined;
      let delivered = 0;
      for (const client of members) {
        if (users && !users.includes(client.actor.userId)) continue;
        sendRaw(client, (text ??= JSON.stringify({ type: 'event', room, event } satisfies TRealtimeServerMessage)));
        delivered++;
      }
      return delivered;
    },

    /** Close sockets that did not answer the last ping, and ping the rest. */
    heartbeat() {
      for (const client of clients) {
        if (!client.alive) {
          client.socket.terminate();
          drop(client);
          continue;
        }
        client.alive = false;
        client.socket.ping();
      }
    },

    /** The sessions behind this process's sockets: all of them, or one user's. */
    sessionIds: (userId?: string) => [...new Set([...(userId === undefined ? clients : (byUser.get(userId) ?? [])).values()].map((c) => c.sessionId))],

    hasUser: (userId: string) => byUser.has(userId),

    /** Close every socket of a session that ended. */
    closeSessions(ended: Set<string>) {
      for (const client of clients) {
        if (ended.has(client.sessionId)) {
          client.socket.close(REALTIME_CLOSE.sessionEnded, 'session ended');
          drop(client);
        }
      }
    },

    closeAll() {
      for (const client of clients) {
        client.socket.close(REALTIME_CLOSE.goingAway, 'server stopping');
        drop(client);
      }
    },

    stats: () => ({ sockets: clients.size, rooms: rooms.size }),
  };
}

export type Hub = ReturnType<typeof createHub>;
