import { z } from 'zod';
import { ZId, ZIsoTime } from './common.ts';

export const ZNotificationChannel = z.enum(['inapp', 'sms', 'email']);
export type TNotificationChannel = z.infer<typeof ZNotificationChannel>;

/** An item of a user's in-app inbox. */
export const ZNotification = z.object({
  id: ZId,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path inside the web app (e.g. /matters/…), or null. */
  link: z.string().nullable(),
  readAt: ZIsoTime.nullable(),
  createdAt: ZIsoTime,
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
  /** Only unread items. */
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const ZNotificationPage = z.object({
  items: z.array(ZNotification),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type TNotificationPage = z.infer<typeof ZNotificationPage>;

export const ZNotificationsRead = z.object({ updated: z.number().int(), unreadCount: z.number().int() });
