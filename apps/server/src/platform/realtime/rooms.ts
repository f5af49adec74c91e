// Who may join which room. A room is `<kind>:<id>`; each kind has one authorizer, given by whoever owns
// the resource (the matters module for `matter:`). Unknown kinds and failed checks are refused.
import type { Actor } from '../auth/index.ts';

export type RoomAuthorizer = (actor: Actor, id: string) => Promise<boolean>;
export type RoomPolicy = (actor: Actor, room: string) => Promise<boolean>;

export function parseRoom(room: string): { kind: string; id: string } | undefined {
  const i = room.indexOf(':');
  if (i <= 0 || i === room.length - 1) return undefined;
  return { kind: room.slice(0, i), id: room.slice(i + 1) };
}

export const userRoom = (userId: string) => `user:${userId}`;
export const matterRoom = (matterId: string) => `matter:${matterId}`;

export function createRoomPolicy(kinds: Record<string, RoomAuthorizer> = {}): RoomPolicy {
  const authorizers = new Map<string, RoomAuthorizer>(Object.entries(kinds));
  // A user's own room: their inbox and other personal signals.
  authorizers.set('user', async (actor, id) => actor.userId === id);
  return async (actor, room) => {
    const parsed = parseRoom(room);
    const check = parsed && authorizers.get(parsed.kind);
    if (!parsed || !check) return false;
    try {
      return await check(actor, parsed.id);
    } catch {
      return false;
    }
  };
}
