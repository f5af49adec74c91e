// This process's sockets and the rooms they joined. Speaks the protocol of packages/contracts
// realtime.ts: subscribe / unsubscribe / ping in, events out. Sockets that stop answering pings,
// fall too far behind, or whose session ended are closed.
import { REALTIME_CLOSE, ZRealtimeClientMessage, type TRealtimeEvent, type TRealtimeServerMessage } from '@opencourt/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { Actor } from '../auth/index.ts';
import type { RoomPolicy } from './rooms.ts';

type Client = {
  socket: WebSocket;
  actor: Actor;
  sessionId: string;
  rooms: Set<string>;
  alive: boolean;
  errors: number;
};

const MAX_MESSAGE_BYTES = 4096;
const MAX_ERRORS = 20;
/** A client this far behind on reading is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export function createHub(deps: { policy: RoomPolicy; log: FastifyBaseLogger; maxRoomsPerSocket?: number }) {
  const { policy, log } = deps;
  const maxRooms = deps.maxRoomsPerSocket ?? 50;
  const clients = new Set<Client>();
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

  const leave = (client: Client, room: string) => {
    client.rooms.delete(room);
    const members = rooms.get(room);
    members?.delete(client);
    if (members?.size === 0) rooms.delete(room);
  };

  const drop = (client: Client) => {
    if (!clients.delete(client)) return;
    for (const room of [...client.rooms]) leave(client, room);
  };

  const fail = (client: Client, code: 'REALTIME_INVALID_MESSAGE' | 'REALTIME_ROOM_FORBIDDEN' | 'REALTIME_TOO_MANY_ROOMS', message: string, room?: string) => {
    send(client, { type: 'error', code, message, ...(room ? { room } : {}) });
    if (++client.errors > MAX_ERRORS) client.socket.close(REALTIME_CLOSE.tooManyErrors, 'too many invalid messages');
  };

  const onMessage = async (client: Client, data: Buffer, isBinary: boolean) => {
    if (isBinary || data.length > MAX_MESSAGE_BYTES) return fail(client, 'REALTIME_INVALID_MESSAGE', '消息须为不超过 4 KB 的 JSON 文本');
    let parsed;
    try {
      parsed = ZRealtimeClientMessage.safeParse(JSON.parse(data.toString('utf8')));
    } catch {
      return fail(client, 'REALTIME_INVALID_MESSAGE', '消息不是合法的 JSON');
    }
    if (!parsed.success) return fail(client, 'REALTIME_INVALID_MESSAGE', parsed.error.issues.map((i) => i.message).join('; '));
    const msg = parsed.data;
    switch (msg.type) {
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
        return send(client, { type: 'subscribed', room: msg.room });
      }
    }
  };

  return {
    attach(socket: WebSocket, actor: Actor, sessionId: string) {
      const client: Client = { socket, actor, sessionId, rooms: new Set(), alive: true, errors: 0 };
      clients.add(client);
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

    /** Deliver an event to this process's sockets in the room. */
    deliver(room: string, event: TRealtimeEvent): number {
      const members = rooms.get(room);
      if (!members) return 0;
      for (const client of members) send(client, { type: 'event', room, event });
      return members.size;
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

    sessionIds: () => [...new Set([...clients].map((c) => c.sessionId))],

    hasUser: (userId: string) => [...clients].some((c) => c.actor.userId === userId),

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
