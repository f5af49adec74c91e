// What a caller sees of a room, built from allow-lists.
import type { TVideoChatMessage, TVideoParticipant, TVideoRecording, TVideoRoom, TVideoRoomSummary } from '@opencourt/contracts';
import type { ChatRow, MemberRow, RoomRow } from './video.store.ts';

export function participantView(m: MemberRow, online: ReadonlySet<string>): TVideoParticipant {
  return {
    id: m.id,
    userId: m.userId,
    displayName: m.displayName,
    role: m.role as TVideoParticipant['role'],
    side: m.side,
    state: m.state as TVideoParticipant['state'],
    caucus: m.caucus,
    online: online.has(m.id),
    connectionId: m.connectionId,
    joinedAt: m.joinedAt?.toISOString() ?? null,
  };
}

export function summaryView(r: RoomRow): TVideoRoomSummary {
  return {
    id: r.id,
    matterId: r.matterId,
    title: r.title,
    purpose: r.purpose as TVideoRoomSummary['purpose'],
    status: r.status as TVideoRoomSummary['status'],
    scheduledAt: r.scheduledAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
  };
}

export function roomView(r: RoomRow, members: readonly MemberRow[], online: ReadonlySet<string>, viewerUserId: string, recording: TVideoRecording | null): TVideoRoom {
  const participants = members.map((m) => participantView(m, online));
  return {
    ...summaryView(r),
    locked: r.locked,
    participants,
    me: participants.find((p) => p.userId === viewerUserId) ?? null,
    recording,
  };
}

export function chatView(c: ChatRow): TVideoChatMessage {
  return { id: c.id, roomId: c.roomId, participantId: c.participantId, displayName: c.displayName, caucus: c.caucus, text: c.text, createdAt: c.createdAt.toISOString() };
}
