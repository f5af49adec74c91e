import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, tstz } from '../db/columns.ts';

export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    readAt: tstz('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notification_user_idx').on(t.userId, t.createdAt),
    index('notification_unread_idx').on(t.userId).where(sql`read_at is null`),
  ],
);

export const notificationDelivery = pgTable(
  'notification_delivery',
  {
    id: uuid('id').primaryKey(),
    notificationId: uuid('notification_id'),
    channel: text('channel').notNull(), // sms | email
    /** Encrypted recipient address; shown masked. */
    recipientCipher: bytea('recipient_cipher').notNull(),
    recipientMasked: text('recipient_masked').notNull(),
    subject: text('subject'),
    /** The text exactly as sent: the record of what the recipient was told. */
    body: text('body').notNull(),
    status: text('status').notNull().default('queued'), // queued | sent | failed
    attempts: integer('attempts').notNull().default(0),
    providerMessageId: text('provider_message_id'),
    error: text('error'),
    createdAt: createdAt(),
    sentAt: tstz('sent_at'),
  },
  (t) => [index('notification_delivery_notification_idx').on(t.notificationId)],
);
