import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from '../../platform/db/columns.ts';
import { matter } from '../matters/matters.tables.ts';

/** A video room opened for a matter (mediation, witnessing, hearing). */
export const videoRoom = pgTable(
  'video_room',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matter.id),
    title: text('title').notNull(),
    purpose: text('purpose').notNull(), // mediation | witness | hearing | meeting
    status: text('status').notNull().default('open'), // open | ended
    locked: boolean('locked').notNull().default(false),
    scheduledAt: tstz('scheduled_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    endedAt: tstz('ended_at'),
  },
  (t) => [index('video_room_matter_idx').on(t.matterId)],
);

/** Who is invited to a room, as what, and where they are now (lobby, main room or a caucus). */
export const videoParticipant = pgTable(
  'video_participant',
  {
    id: uuid('id').primaryKey(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => videoRoom.id),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(), // host | party | agent | observer
    side: text('side'),
    state: text('state').notNull().default('invited'), // invited | waiting | admitted | refused | removed | left
    caucus: text('caucus'),
    /** New at every join: signals addressed to an older connection are dropped. */
    connectionId: uuid('connection_id'),
    joinedAt: tstz('joined_at'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('video_participant_room_user_key').on(t.roomId, t.userId), index('video_participant_user_idx').on(t.userId)],
);

/** Text chat, kept with the room's record; `caucus` is the sub-room it was said in (null: the main room). */
export const videoChatMessage = pgTable(
  'video_chat_message',
  {
    id: uuid('id').primaryKey(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => videoRoom.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => videoParticipant.id),
    caucus: text('caucus'),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('video_chat_message_room_idx').on(t.roomId, t.createdAt, t.id)],
);

/** Which participants have a live realtime socket in the room: one row per subscription, refreshed by its process while it lives. */
export const videoPresence = pgTable(
  'video_presence',
  {
    id: uuid('id').primaryKey(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => videoRoom.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => videoParticipant.id),
    /** The server process holding the socket: a signal to someone whose sockets are all here needs no NOTIFY. */
    processId: uuid('process_id').notNull(),
    seenAt: tstz('seen_at').notNull().defaultNow(),
  },
  (t) => [index('video_presence_room_idx').on(t.roomId, t.participantId)],
);
