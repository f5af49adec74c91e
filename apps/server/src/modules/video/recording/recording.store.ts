// All SQL of recording and snapshots, including the small reads of the room and participant tables
// (same module) that decide whether the caller is a host or an admitted participant.
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.ts';
import { videoRecording, videoRecordingChunk, videoRecordingTrack, videoSnapshot } from '../video-recording.tables.ts';
import { videoParticipant, videoRoom } from '../video.tables.ts';
import type { Me } from './recording.rules.ts';

export type RoomRow = { id: string; matterId: string; status: string; endedAt: Date | null };
export type RecordingRow = typeof videoRecording.$inferSelect;
export type TrackRow = typeof videoRecordingTrack.$inferSelect;
export type SnapshotRow = typeof videoSnapshot.$inferSelect;

export const recordingStore = {
  async room(db: Executor, roomId: string): Promise<RoomRow | undefined> {
    const [room] = await db
      .select({ id: videoRoom.id, matterId: videoRoom.matterId, status: videoRoom.status, endedAt: videoRoom.endedAt })
      .from(videoRoom)
      .where(eq(videoRoom.id, roomId));
    return room;
  },

  /** The room and the caller's own participant in it. */
  async roomWithMe(db: Executor, roomId: string, userId: string): Promise<{ room: RoomRow; me: Me } | undefined> {
    const room = await recordingStore.room(db, roomId);
    if (!room) return undefined;
    const [me] = await db
      .select({ id: videoParticipant.id, role: videoParticipant.role, state: videoParticipant.state })
      .from(videoParticipant)
      .where(and(eq(videoParticipant.roomId, roomId), eq(videoParticipant.userId, userId)));
    return { room, me: me as Me };
  },

  async participant(db: Executor, roomId: string, participantId: string) {
    const [row] = await db
      .select({ id: videoParticipant.id, userId: videoParticipant.userId, state: videoParticipant.state })
      .from(videoParticipant)
      .where(and(eq(videoParticipant.roomId, roomId), eq(videoParticipant.id, participantId)));
    return row;
  },

  async insertRecording(tx: Executor, row: typeof videoRecording.$inferInsert) {
    await tx.insert(videoRecording).values(row);
  },

  /** The recording not yet stopped, if any. */
  async activeRecording(db: Executor, roomId: string): Promise<RecordingRow | undefined> {
    const [row] = await db.select().from(videoRecording).where(and(eq(videoRecording.roomId, roomId), isNull(videoRecording.stoppedAt)));
    return row;
  },

  /** The newest recording still recording or processing, if any. */
  async current(db: Executor, roomId: string): Promise<RecordingRow | undefined> {
    const [row] = await db
      .select()
      .from(videoRecording)
      .where(and(eq(videoRecording.roomId, roomId), inArray(videoRecording.status, ['recording', 'processing'])))
      .orderBy(desc(videoRecording.startedAt))
      .limit(1);
    return row;
  },

  async findRecording(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<RecordingRow | undefined> {
    const q = db.select().from(videoRecording).where(eq(videoRecording.id, id));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },

  async listRecordings(db: Executor, roomId: string): Promise<RecordingRow[]> {
    return db.select().from(videoRecording).where(eq(videoRecording.roomId, roomId)).orderBy(asc(videoRecording.startedAt), asc(videoRecording.id));
  },

  async tracksOf(db: Executor, recordingIds: string[]): Promise<TrackRow[]> {
    if (!recordingIds.length) return [];
    return db
      .select()
      .from(videoRecordingTrack)
      .where(inArray(videoRecordingTrack.recordingId, recordingIds))
      .orderBy(asc(videoRecordingTrack.createdAt), asc(videoRecordingTrack.id));
  },

  async insertTrack(tx: Executor, row: typeof videoRecordingTrack.$inferInsert): Promise<TrackRow> {
    const [created] = await tx.insert(videoRecordingTrack).values(row).returning();
    return created!;
  },

  async findTrack(db: Executor, trackId: string, opts: { lock?: boolean } = {}): Promise<TrackRow | undefined> {
    const q = db.select().from(videoRecordingTrack).where(eq(videoRecordingTrack.id, trackId));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },

  /**
   * A track with its recording and its participant, the track row locked: everything a chunk upload
   * checks, in one round trip.
   */
  async lockUploadTarget(tx: Executor, trackId: string) {
    const [row] = await tx
      .select({
        track: videoRecordingTrack,
        recording: { id: videoRecording.id, roomId: videoRecording.roomId, status: videoRecording.status, stoppedAt: videoRecording.stoppedAt },
        participant: { userId: videoParticipant.userId, role: videoParticipant.role, state: videoParticipant.state },
      })
      .from(videoRecordingTrack)
      .innerJoin(videoRecording, eq(videoRecording.id, videoRecordingTrack.recordingId))
      .innerJoin(videoParticipant, eq(videoParticipant.id, videoRecordingTrack.participantId))
      .where(eq(videoRecordingTrack.id, trackId))
      .for('update', { of: videoRecordingTrack });
    return row;
  },

  async chunksOf(db: Executor, trackId: string): Promise<{ seq: number; sha256: string; bytes: number }[]> {
    return db
      .select({ seq: videoRecordingChunk.seq, sha256: videoRecordingChunk.sha256, bytes: videoRecordingChunk.bytes })
      .from(videoRecordingChunk)
      .where(eq(videoRecordingChunk.trackId, trackId))
      .orderBy(asc(videoRecordingChunk.seq));
  },

  async chunkHash(db: Executor, trackId: string, seq: number): Promise<string | undefined> {
    const [row] = await db
      .select({ sha256: videoRecordingChunk.sha256 })
      .from(videoRecordingChunk)
      .where(and(eq(videoRecordingChunk.trackId, trackId), eq(videoRecordingChunk.seq, seq)));
    return row?.sha256;
  },

  /** The track's length once chunk `seq` was appended (what that chunk's ack said). */
  async bytesThrough(db: Executor, trackId: string, seq: number): Promise<number> {
    const [row] = await db
      .select({ n: sql<string>`coalesce(sum(${videoRecordingChunk.bytes}), 0)` })
      .from(videoRecordingChunk)
      .where(and(eq(videoRecordingChunk.trackId, trackId), lte(videoRecordingChunk.seq, seq)));
    return Number(row!.n);
  },

  /** Records an acknowledged chunk and moves the track's counters on; returns the track's new total. */
  async appendChunk(tx: Executor, chunk: { trackId: string; seq: number; sha256: string; bytes: number; createdAt: Date }): Promise<number> {
    await tx.insert(videoRecordingChunk).values(chunk);
    const [row] = await tx
      .update(videoRecordingTrack)
      .set({ chunks: sql`${videoRecordingTrack.chunks} + 1`, bytes: sql`${videoRecordingTrack.bytes} + ${chunk.bytes}` })
      .where(eq(videoRecordingTrack.id, chunk.trackId))
      .returning({ bytes: videoRecordingTrack.bytes });
    return row!.bytes;
  },

  async updateTrack(tx: Executor, trackId: string, set: Partial<typeof videoRecordingTrack.$inferInsert>) {
    await tx.update(videoRecordingTrack).set(set).where(eq(videoRecordingTrack.id, trackId));
  },

  async finishOpenTracks(tx: Executor, recordingId: string) {
    await tx
      .update(videoRecordingTrack)
      .set({ finished: true })
      .where(and(eq(videoRecordingTrack.recordingId, recordingId), eq(videoRecordingTrack.finished, false)));
  },

  async updateRecording(tx: Executor, recordingId: string, set: Partial<typeof videoRecording.$inferInsert>) {
    await tx.update(videoRecording).set(set).where(eq(videoRecording.id, recordingId));
  },

  /** Recordings still open in rooms that have ended (the room's end stops them; this catches any missed). */
  async openInEndedRooms(db: Executor): Promise<{ id: string; roomId: string; endedAt: Date | null }[]> {
    return db
      .select({ id: videoRecording.id, roomId: videoRecording.roomId, endedAt: videoRoom.endedAt })
      .from(videoRecording)
      .innerJoin(videoRoom, eq(videoRoom.id, videoRecording.roomId))
      .where(and(isNull(videoRecording.stoppedAt), eq(videoRoom.status, 'ended')));
  },

  /** Processed recordings past their retention whose media is still stored. */
  async expired(db: Executor, now: Date): Promise<RecordingRow[]> {
    return db
      .select()
      .from(videoRecording)
      .where(and(isNotNull(videoRecording.retainUntil), lte(videoRecording.retainUntil, now), isNull(videoRecording.mediaDeletedAt)));
  },

  async insertSnapshot(tx: Executor, row: typeof videoSnapshot.$inferInsert): Promise<SnapshotRow> {
    const [created] = await tx.insert(videoSnapshot).values(row).returning();
    return created!;
  },

  async listSnapshots(db: Executor, roomId: string): Promise<SnapshotRow[]> {
    return db.select().from(videoSnapshot).where(eq(videoSnapshot.roomId, roomId)).orderBy(asc(videoSnapshot.takenAt), asc(videoSnapshot.id));
  },
};
