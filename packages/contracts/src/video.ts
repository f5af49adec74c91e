// Video rooms (platform capability used by mediation, witnessing and hearings): REST shapes under
// /api/v1, and the signaling carried by the realtime WebSocket in the room `video:<roomId>`.
//
// REST (all JSON unless said; creates take an Idempotency-Key header):
//   POST /matters/:matterId/video-rooms                 ZVideoRoomCreate → ZVideoRoom (201)
//   GET  /matters/:matterId/video-rooms                 → { items: ZVideoRoomSummary[] }
//   GET  /video-rooms/:roomId                           → ZVideoRoom (as the caller may see it)
//   POST /video-rooms/:roomId/join                      → ZVideoJoin (enters the lobby, or the room when admitted before)
//   POST /video-rooms/:roomId/leave                     → 204
//   POST /video-rooms/:roomId/participants/:pid/admit   host → ZVideoRoom
//   POST /video-rooms/:roomId/participants/:pid/refuse  host → ZVideoRoom
//   POST /video-rooms/:roomId/participants/:pid/remove  host → ZVideoRoom
//   POST /video-rooms/:roomId/participants/:pid/ask-unmute  host → 204 (a video.control event to that participant)
//   POST /video-rooms/:roomId/participants/:pid/move    host, ZVideoMove → ZVideoRoom (into a caucus or back)
//   POST /video-rooms/:roomId/mute-all                  host → 204
//   POST /video-rooms/:roomId/lock                      host, ZVideoLock → ZVideoRoom
//   POST /video-rooms/:roomId/end                       host → ZVideoRoom (ends it for all; recording stops)
//   GET  /video-rooms/:roomId/chat?cursor=              → ZVideoChatPage (oldest first)
//   POST /video-rooms/:roomId/chat                      ZVideoChatPost → ZVideoChatMessage (201)
//   POST /video-rooms/:roomId/recordings                host → ZVideoRecording (201; starts recording)
//   POST /video-rooms/:roomId/recordings/:rid/stop      host → ZVideoRecording
//   GET  /video-rooms/:roomId/recordings                staff with matter.read, or any admitted participant → { items: ZVideoRecording[] }
//   POST /video-rooms/:roomId/recordings/:rid/tracks    ZVideoTrackCreate → ZVideoTrack (201; the caller's own track)
//   PUT  /video-rooms/:roomId/recordings/:rid/tracks/:tid/chunks/:seq
//        body: raw bytes (Content-Type video/webm or audio/webm), header x-content-sha256: hex of the body
//        → ZVideoChunkAck. seq starts at 0 and must be the next one; re-sending an acknowledged seq with
//        the same bytes answers the same ack (idempotent), with other bytes 409.
//   POST /video-rooms/:roomId/recordings/:rid/tracks/:tid/finish  ZVideoTrackFinish → ZVideoTrack
//   GET  /video-rooms/:roomId/recordings/:rid/tracks/:tid/media   the processed (remuxed) WebM, Range supported
//   POST /video-rooms/:roomId/snapshots                 host; multipart: `file` (image/png or image/jpeg) + field participantId → ZVideoSnapshot (201)
//   GET  /video-rooms/:roomId/snapshots                 → { items: ZVideoSnapshot[] }
//
// Realtime: subscribe to `video:<roomId>` (allowed for the room's participants in any state but
// refused/removed, and for hosts). Signaling goes up as `{type:'send', room, body: ZVideoSignalUp}`;
// the server stamps the sender and relays it to the addressee as a `video.signal` event. Room
// changes arrive as `video.room` (refetch GET /video-rooms/:id; `change` is e.g. waiting, joined,
// admitted, refused, removed, moved, left, locked, unlocked, ended, online, offline), chat as
// `video.chat` (only to those who may see it: the sender's sub-room and hosts), host controls as
// `video.control`. A refused send (not admitted, addressee not in the same sub-room, stale
// toConnection, repeated id, malformed) answers `{type:'error', code:'REALTIME_SEND_REFUSED', room,
// message}`; on a stale connection, refetch the room and address the peer's new connectionId.
import { z } from 'zod';
import { ZId, ZIsoTime } from './common.ts';

export const ZVideoPurpose = z.enum(['mediation', 'witness', 'hearing', 'meeting']);
export const ZVideoRole = z.enum(['host', 'party', 'agent', 'observer']);
export type TVideoRole = z.infer<typeof ZVideoRole>;
/** invited → waiting (in the lobby) → admitted ⇄ (disconnected is not a state: presence is live) ; refused / removed / left. */
export const ZVideoParticipantState = z.enum(['invited', 'waiting', 'admitted', 'refused', 'removed', 'left']);
export const ZVideoRoomStatus = z.enum(['open', 'ended']);
/** A caucus (背对背) sub-room name; null is the main room. */
export const ZCaucus = z.string().trim().min(1).max(40).nullable();

export const ZVideoRoomCreate = z.strictObject({
  title: z.string().trim().min(2).max(100),
  purpose: ZVideoPurpose,
  scheduledAt: ZIsoTime.optional(),
  /** Besides the creator, who becomes a host. Each user must take part in the matter. */
  participants: z
    .array(
      z.strictObject({
        userId: ZId,
        role: ZVideoRole,
        /** The side a party or agent is on (e.g. 申请人 / 被申请人), used for caucus rooms. */
        side: z.string().trim().min(1).max(40).optional(),
      }),
    )
    .min(1)
    .max(5),
});
export type TVideoRoomCreate = z.infer<typeof ZVideoRoomCreate>;

export const ZVideoParticipant = z.object({
  id: ZId,
  userId: ZId,
  displayName: z.string(),
  role: ZVideoRole,
  side: z.string().nullable(),
  state: ZVideoParticipantState,
  caucus: ZCaucus,
  /** Has a live realtime socket in the room now. */
  online: z.boolean(),
  /** Changes at every join: signals addressed to an older connection are stale. */
  connectionId: ZId.nullable(),
  joinedAt: ZIsoTime.nullable(),
});
export type TVideoParticipant = z.infer<typeof ZVideoParticipant>;

export const ZVideoRecordingStatus = z.enum(['recording', 'processing', 'ready', 'failed']);

export const ZVideoTrack = z.object({
  id: ZId,
  participantId: ZId,
  kind: z.enum(['camera', 'screen']),
  mimeType: z.string(),
  /** Chunks acknowledged so far (the next seq to send). */
  chunks: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  finished: z.boolean(),
  /** After processing: the stored, remuxed file of the matter and its duration. */
  fileId: ZId.nullable(),
  sha256: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  /** Milliseconds from the recording's start to this track's first frame (to play tracks in sync). */
  offsetMs: z.number().int().nonnegative(),
});
export type TVideoTrack = z.infer<typeof ZVideoTrack>;

export const ZVideoRecording = z.object({
  id: ZId,
  roomId: ZId,
  status: ZVideoRecordingStatus,
  startedAt: ZIsoTime,
  stoppedAt: ZIsoTime.nullable(),
  /** Kept until then; null keeps it. */
  retainUntil: ZIsoTime.nullable(),
  tracks: z.array(ZVideoTrack),
  error: z.string().nullable(),
});
export type TVideoRecording = z.infer<typeof ZVideoRecording>;

export const ZIceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type TIceServer = z.infer<typeof ZIceServer>;

export const ZVideoRoom = z.object({
  id: ZId,
  matterId: ZId,
  title: z.string(),
  purpose: ZVideoPurpose,
  status: ZVideoRoomStatus,
  locked: z.boolean(),
  scheduledAt: ZIsoTime.nullable(),
  createdAt: ZIsoTime,
  endedAt: ZIsoTime.nullable(),
  participants: z.array(ZVideoParticipant),
  /** The caller's own participant, if any. */
  me: ZVideoParticipant.nullable(),
  /** The recording in progress, if any (everyone in the room sees that it is on). */
  recording: ZVideoRecording.nullable(),
});
export type TVideoRoom = z.infer<typeof ZVideoRoom>;

export const ZVideoRoomSummary = ZVideoRoom.pick({ id: true, matterId: true, title: true, purpose: true, status: true, scheduledAt: true, createdAt: true, endedAt: true });
export type TVideoRoomSummary = z.infer<typeof ZVideoRoomSummary>;

export const ZVideoJoin = z.object({ room: ZVideoRoom, me: ZVideoParticipant, iceServers: z.array(ZIceServer) });
export type TVideoJoin = z.infer<typeof ZVideoJoin>;

export const ZVideoMove = z.strictObject({ caucus: ZCaucus });
export const ZVideoLock = z.strictObject({ locked: z.boolean() });

export const ZVideoChatPost = z.strictObject({ text: z.string().trim().min(1).max(2000) });
export const ZVideoChatMessage = z.object({
  id: ZId,
  roomId: ZId,
  participantId: ZId,
  displayName: z.string(),
  /** Chat is kept per sub-room: a caucus's messages are seen only there (and by hosts). */
  caucus: ZCaucus,
  text: z.string(),
  createdAt: ZIsoTime,
});
export type TVideoChatMessage = z.infer<typeof ZVideoChatMessage>;
export const ZVideoChatPage = z.object({ items: z.array(ZVideoChatMessage), nextCursor: z.string().nullable() });

export const ZVideoTrackCreate = z.strictObject({
  kind: z.enum(['camera', 'screen']),
  mimeType: z.string().regex(/^(video|audio)\/webm(;.*)?$/, '只接受 WebM 录像'),
  /** Milliseconds from the recording's start to this track's first chunk. */
  offsetMs: z.number().int().nonnegative().max(24 * 3600 * 1000),
});
export const ZVideoTrackFinish = z.strictObject({ chunks: z.number().int().nonnegative() });
export const ZVideoChunkAck = z.object({
  trackId: ZId,
  seq: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** The track's total after this chunk. */
  trackBytes: z.number().int().nonnegative(),
});
export type TVideoChunkAck = z.infer<typeof ZVideoChunkAck>;

export const ZVideoSnapshot = z.object({
  id: ZId,
  roomId: ZId,
  participantId: ZId,
  fileId: ZId,
  sha256: z.string(),
  takenAt: ZIsoTime,
});
export type TVideoSnapshot = z.infer<typeof ZVideoSnapshot>;

// ---- Signaling over the realtime WebSocket ----

export const videoRoom = (roomId: string) => `video:${roomId}`;

/** What a client sends in `{type:'send', room:'video:<id>', body}`. */
export const ZVideoSignalUp = z.strictObject({
  type: z.literal('signal'),
  /** Addressee: a participant id of the same room and the same sub-room. */
  to: ZId,
  /** The addressee's connectionId as the sender knows it; the server drops the signal when it is stale. */
  toConnection: ZId,
  /** Unique per message: a repeated id is refused as a replay. */
  id: ZId,
  /** Sent at, by the sender's clock (ms since epoch): used only to measure relay latency. */
  sentAt: z.number().int().nonnegative(),
  signal: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('description'), description: z.strictObject({ type: z.enum(['offer', 'answer', 'rollback', 'pranswer']), sdp: z.string().max(30_000).optional() }) }),
    z.strictObject({
      kind: z.literal('candidate'),
      candidate: z.strictObject({ candidate: z.string().max(1000), sdpMid: z.string().max(64).nullable().optional(), sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(), usernameFragment: z.string().max(256).nullable().optional() }).nullable(),
    }),
    /** Media state the peers show (muted, camera off, sharing the screen). */
    z.strictObject({ kind: z.literal('media'), audio: z.boolean(), video: z.boolean(), screen: z.boolean() }),
  ]),
});
export type TVideoSignalUp = z.infer<typeof ZVideoSignalUp>;

/** A relayed signal, as the addressee receives it: the server sets `from` and `fromConnection`. */
export const ZVideoSignalEvent = z.object({
  type: z.literal('video.signal'),
  roomId: ZId,
  from: ZId,
  fromConnection: ZId,
  to: ZId,
  /** The addressee's connection the signal was checked against (a second tab of the same user ignores it). */
  toConnection: ZId.optional(),
  id: ZId,
  sentAt: z.number().int(),
  signal: ZVideoSignalUp.shape.signal,
});
export type TVideoSignalEvent = z.infer<typeof ZVideoSignalEvent>;

/** The room changed (someone waits, was admitted, moved, left; lock; end; recording): refetch it. */
export const ZVideoRoomEvent = z.object({ type: z.literal('video.room'), roomId: ZId, change: z.string(), participantId: ZId.nullable() });
export const ZVideoChatEvent = z.object({ type: z.literal('video.chat'), roomId: ZId, message: ZVideoChatMessage });
/** A host's instruction to one participant (or all, participantId null). */
export const ZVideoControlEvent = z.object({
  type: z.literal('video.control'),
  roomId: ZId,
  participantId: ZId.nullable(),
  action: z.enum(['ask-unmute', 'mute', 'removed', 'ended']),
});
