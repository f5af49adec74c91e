// Who may join which room, and who handles what clients send to it. A room is `<kind>:<id>`; each
// kind has one owner (the matters module for `matter:`, video for `video:`), which registers an
// authorizer and, if its rooms take messages, a send handler. Unknown kinds and failed checks are refused.
import type { Actor } from '../auth/index.ts';

export type RoomAuthorizer = (actor: Actor, id: string) => Promise<boolean>;
export type RoomPolicy = (actor: Actor, room: string) => Promise<boolean>;

/** The authenticated socket a `send` came from: the handler stamps the sender from this, never from the body. */
export type RoomSender = { actor: Actor; sessionId: string; socketId: string; ip: string | null; userAgent: string | null };
/** `strike`: counts towards closing a socket that keeps sending what it must not (forged, replayed). */
export type SendOutcome = { ok: true } | { ok: false; message: string; strike?: boolean };
/** Runs per message: keep it in memory (no database query per signal). */
export type RoomSendHandler = (sender: RoomSender, id: string, body: unknown) => SendOutcome | Promise<SendOutcome>;

export type RoomKind = {
  authorize: RoomAuthorizer;
  send?: RoomSendHandler;
  /** A socket entered one of the kind's rooms: awaited before the client hears `subscribed` (presence). */
  entered?: (sender: RoomSender, id: string) => Promise<void>;
  /** A socket left it (unsubscribed, closed, dropped). */
  left?: (sender: RoomSender, id: string) => void;
};

export function parseRoom(room: string): { kind: string; id: string } | undefined {
  const i = room.indexOf(':');
  if (i <= 0 || i === room.length - 1) return undefined;
  return { kind: room.slice(0, i), id: room.slice(i + 1) };
}

export const userRoom = (userId: string) => `user:${userId}`;
export const matterRoom = (matterId: string) => `matter:${matterId}`;

export function createRoomRegistry(authorizers: Record<string, RoomAuthorizer> = {}) {
  const kinds = new Map<string, RoomKind>(Object.entries(authorizers).map(([k, authorize]) => [k, { authorize }]));
  // A user's own room: their inbox and other personal signals.
  kinds.set('user', { authorize: async (actor, id) => actor.userId === id });

  const policy: RoomPolicy = async (actor, room) => {
    const parsed = parseRoom(room);
    const kind = parsed && kinds.get(parsed.kind);
    if (!parsed || !kind) return false;
    try {
      return await kind.authorize(actor, parsed.id);
    } catch {
      return false;
    }
  };
  return {
    policy,
    /** A module's room kind, registered while the app is built. */
    register(name: string, kind: RoomKind) {
      if (kinds.has(name)) throw new Error(`room kind ${name} is already registered`);
      kinds.set(name, kind);
    },
    /** Tell the room's kind that a socket entered or left it. */
    async presence(change: 'entered' | 'left', sender: RoomSender, room: string) {
      const parsed = parseRoom(room);
      const kind = parsed && kinds.get(parsed.kind);
      if (!parsed || !kind) return;
      if (change === 'entered') await kind.entered?.(sender, parsed.id);
      else kind.left?.(sender, parsed.id);
    },
    sendHandler(room: string): { id: string; handle: RoomSendHandler } | undefined {
      const parsed = parseRoom(room);
      const handle = parsed && kinds.get(parsed.kind)?.send;
      return parsed && handle ? { id: parsed.id, handle } : undefined;
    },
  };
}

export type RoomRegistry = ReturnType<typeof createRoomRegistry>;

/** The policy alone, for a fixed set of kinds. */
export const createRoomPolicy = (authorizers: Record<string, RoomAuthorizer> = {}): RoomPolicy => createRoomRegistry(authorizers).policy;
