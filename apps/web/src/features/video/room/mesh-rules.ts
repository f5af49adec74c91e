// Pure rules of the peer-to-peer mesh: whom to connect to, who yields in an offer collision, and what
// a participant may do. No browser APIs here, so they are unit-tested in Node.
import type { TVideoParticipant, TVideoRole, TVideoRoom } from '@opencourt/contracts';

/** Perfect negotiation: of two peers exactly one is polite (rolls back its own offer on a collision). */
export const isPolite = (myId: string, peerId: string) => myId > peerId;

/** The peers this participant should have a connection with now: participant id → their connectionId. */
export function wantedPeers(room: Pick<TVideoRoom, 'participants' | 'status'>, me: Pick<TVideoParticipant, 'id' | 'caucus' | 'state'>): Map<string, string> {
  const peers = new Map<string, string>();
  if (room.status !== 'open' || me.state !== 'admitted') return peers;
  for (const p of room.participants) {
    if (p.id === me.id || p.state !== 'admitted' || !p.online || !p.connectionId) continue;
    if ((p.caucus ?? null) !== (me.caucus ?? null)) continue;
    peers.set(p.id, p.connectionId);
  }
  return peers;
}

export type PeerChange = { close: string[]; open: [participantId: string, connectionId: string][] };

/**
 * What to do to go from the connections we have to those we want. A connection to a newer
 * connectionId replaces the old one; a connection opened from a peer's own signal and newer than the
 * room data we hold is kept (the room data will catch up).
 */
export function diffPeers(
  have: ReadonlyMap<string, { connectionId: string; createdAt: number }>,
  want: ReadonlyMap<string, string>,
  roomFetchedAt: number,
): PeerChange {
  const close: string[] = [];
  const open: [string, string][] = [];
  for (const [pid, link] of have) {
    const wanted = want.get(pid);
    if (wanted === link.connectionId) continue;
    if (link.createdAt > roomFetchedAt) continue;
    close.push(pid);
    if (wanted) open.push([pid, wanted]);
  }
  for (const [pid, connectionId] of want) if (!have.has(pid)) open.push([pid, connectionId]);
  return { close, open };
}

export const isHost = (me: Pick<TVideoParticipant, 'role'> | null | undefined) => me?.role === 'host';

/** The caucus (sub-room) names in use, main room first as null. */
export function subRooms(room: Pick<TVideoRoom, 'participants'>): (string | null)[] {
  const names = new Set<string>();
  for (const p of room.participants) if (p.state === 'admitted' && p.caucus) names.add(p.caucus);
  return [null, ...[...names].sort()];
}

/** The caucus a participant goes to by default: their side, else their name. */
export const defaultCaucus = (p: Pick<TVideoParticipant, 'side' | 'displayName'>) => (p.side?.trim() || p.displayName).slice(0, 40);

/** Matter roles that may host a room (the server decides; this only chooses what to show). */
export const HOST_MATTER_ROLES = ['mediator', 'judge', 'clerk', 'coordinator'] as const;

/** The room role a matter participant is invited as by default. */
export function defaultVideoRole(matterRole: string): TVideoRole {
  if (matterRole === 'party') return 'party';
  if (matterRole === 'agent') return 'agent';
  if ((HOST_MATTER_ROLES as readonly string[]).includes(matterRole)) return 'host';
  return 'observer';
}

/** Milliseconds from the recording's start to now, never negative (clocks differ). */
export const offsetFrom = (startedAt: string, now: number) => Math.max(0, Math.round(now - Date.parse(startedAt)));

/** Recording goes on until the host stops it (the recording stays `recording` until every track is finished). */
export const isRecordingOn = (rec: Pick<TVideoRoom, 'recording'>['recording'] | undefined) => rec?.status === 'recording' && !rec.stoppedAt;
