import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, tstz } from '../../platform/db/columns.ts';
import { videoParticipant, videoRoom } from './video.tables.ts';

/** A recording of a room: started and stopped by a host, then processed into one stored file per track. */
export const videoRecording = pgTable(
  'video_recording',
  {
    id: uuid('id').primaryKey(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => videoRoom.id),
    status: text('status').notNull().default('recording'), // recording | processing | ready | failed
    startedBy: uuid('started_by').notNull(),
    startedAt: tstz('started_at').notNull(),
    stoppedBy: uuid('stopped_by'),
    stoppedAt: tstz('stopped_at'),
    retainUntil: tstz('retain_until'),
    /** When retention removed the stored media (the ledger keeps its hashes). */
    mediaDeletedAt: tstz('media_deleted_at'),
    error: text('error'),
  },
  // One recording at a time per room: a new one may start once the last was stopped.
  (t) => [uniqueIndex('video_recording_one_active_key').on(t.roomId).where(sql`stopped_at is null`), index('video_recording_room_idx').on(t.roomId)],
);

/** One participant's camera or screen track in a recording: chunks appended to a file in order. */
export const videoRecordingTrack = pgTable(
  'video_recording_track',
  {
    id: uuid('id').primaryKey(),
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => videoRecording.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => videoParticipant.id),
    kind: text('kind').notNull(), // camera | screen
    mimeType: text('mime_type').notNull(),
    offsetMs: integer('offset_ms').notNull(),
    /** The track's own AES-256-CTR key for its chunk file (wrapped by the master key) and initial counter. */
    wrappedKey: bytea('wrapped_key'),
    iv: bytea('iv'),
    /** Chunks acknowledged: the next seq to accept. */
    chunks: integer('chunks').notNull().default(0),
    bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
    finished: boolean('finished').notNull().default(false),
    fileId: uuid('file_id'),
    sha256: text('sha256'),
    durationMs: integer('duration_ms'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('video_recording_track_recording_idx').on(t.recordingId)],
);

/** Every acknowledged chunk: its hash (also a ledger leaf) answers a re-sent chunk idempotently. */
export const videoRecordingChunk = pgTable(
  'video_recording_chunk',
  {
    trackId: uuid('track_id')
      .notNull()
      .references(() => videoRecordingTrack.id),
    seq: integer('seq').notNull(),
    sha256: text('sha256').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.trackId, t.seq] })],
);

/** A still of a participant's video a host took (e.g. to compare a face with an identity document). */
export const videoSnapshot = pgTable(
  'video_snapshot',
  {
    id: uuid('id').primaryKey(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => videoRoom.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => videoParticipant.id),
    fileId: uuid('file_id').notNull(),
    sha256: text('sha256').notNull(),
    takenBy: uuid('taken_by').notNull(),
    takenAt: tstz('taken_at').notNull(),
  },
  (t) => [index('video_snapshot_room_idx').on(t.roomId)],
);
