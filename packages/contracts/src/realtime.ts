// The realtime WebSocket protocol (GET /api/v1/realtime): messages both ways and the typed events
// delivered in rooms. Events are signals (what changed, ids), never the content itself: clients fetch
// that through the REST API, where each view applies its access rules.
import { z } from 'zod';
import { ZId, ZIsoTime } from './common.ts';
import { ZVideoChatEvent, ZVideoControlEvent, ZVideoRoomEvent, ZVideoSignalEvent } from './video.ts';

/** `user:<id>` (one user's own events) or `matter:<id>` (a matter the user may read). */
export const ZRoom = z.string().regex(/^[a-z][a-z_]{0,31}:[A-Za-z0-9_-]{1,64}$/, '房间名格式为 类型:编号');

export const ZRealtimeClientMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('subscribe'), room: ZRoom }),
  z.strictObject({ type: z.literal('unsubscribe'), room: ZRoom }),
  z.strictObject({ type: z.literal('ping') }),
  /** A message to a room the socket subscribed to; the room kind's owner checks and routes `body` (e.g. video signaling). */
  z.strictObject({ type: z.literal('send'), room: ZRoom, body: z.unknown() }),
]);
export type TRealtimeClientMessage = z.infer<typeof ZRealtimeClientMessage>;

export const ZNotificationCreatedEvent = z.object({
  type: z.literal('notification.created'),
  notification: z.object({ id: ZId, kind: z.string(), title: z.string(), link: z.string().nullable(), createdAt: ZIsoTime }),
  unreadCount: z.number().int(),
});

export const ZNotificationReadEvent = z.object({
  type: z.literal('notification.read'),
  /** The items marked read, or `all`. */
  ids: z.union([z.array(ZId), z.literal('all')]),
  unreadCount: z.number().int(),
});

/** Something happened to a matter (from the event outbox): refetch what you show of it. */
export const ZMatterChangedEvent = z.object({
  type: z.literal('matter.changed'),
  matterId: ZId,
  eventType: z.string(),
  eventId: z.number().int(),
  occurredAt: ZIsoTime,
});

export const ZRealtimeEvent = z.discriminatedUnion('type', [
  ZNotificationCreatedEvent,
  ZNotificationReadEvent,
  ZMatterChangedEvent,
  ZVideoSignalEvent,
  ZVideoRoomEvent,
  ZVideoChatEvent,
  ZVideoControlEvent,
]);
export type TRealtimeEvent = z.infer<typeof ZRealtimeEvent>;

export const ZRealtimeErrorCode = z.enum(['REALTIME_INVALID_MESSAGE', 'REALTIME_ROOM_FORBIDDEN', 'REALTIME_TOO_MANY_ROOMS', 'REALTIME_SEND_REFUSED']);

export const ZRealtimeServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), userId: ZId }),
  z.object({ type: z.literal('subscribed'), room: ZRoom }),
  z.object({ type: z.literal('unsubscribed'), room: ZRoom }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('error'), code: ZRealtimeErrorCode, message: z.string(), room: z.string().optional() }),
  z.object({ type: z.literal('event'), room: ZRoom, event: ZRealtimeEvent }),
]);
export type TRealtimeServerMessage = z.infer<typeof ZRealtimeServerMessage>;

/** Close codes the server uses (4000–4999 are the application's). */
export const REALTIME_CLOSE = { sessionEnded: 4401, goingAway: 1001, tooManyErrors: 4400 } as const;
