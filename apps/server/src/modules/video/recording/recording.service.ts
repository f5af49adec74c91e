// Recording use cases: a host starts and stops; each admitted participant creates its tracks, uploads
// chunks in order (each one durable on disk and a ledger leaf before it is acknowledged) and finishes
// them; a queued job then processes the recording (recording.jobs.ts). Staff play tracks back.
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import type { TVideoChunkAck, TVideoRecording, TVideoRole, TVideoTrack } from '@opencourt/contracts';
import { can, isStaff, type Actor } from '../../../platform/auth/index.ts';
import type { FileService, MatterAccess } from '../../../platform/blobs/index.ts';
import type { Clock, IdGenerator } from '../../../platform/clock/index.ts';
import type { Keyring } from '../../../platform/crypto/index.ts';
import type { Db, Executor, Tx } from '../../../platform/db/database.ts';
import { appendEvent } from '../../../platform/events/index.ts';
import type { JobQueue } from '../../../platform/jobs/index.ts';
import type { Publish } from '../../../platform/realtime/index.ts';
import { RecordingErrors as E } from './recording.errors.ts';
import { chunksAccepted, decideChunk, finalizeDue, isHost, mayCreateTrack, mayListRecordings, mayUploadChunk, mayViewMedia, parseRange, type ByteRange, type ParticipantState } from './recording.rules.ts';
import { recordingStore as store, type RecordingRow, type TrackRow } from './recording.store.ts';
import { recordingView, trackView } from './recording.views.ts';
import { newTrackKey, trackKeyOf, type TrackFiles } from './track-files.ts';

export const FINALIZE_JOB = 'video.recording.finalize';
export const CHUNK_EVENT = 'video.recording.chunk';

export type RecordingDeps = {
  db: Db;
  clock: Clock;
  id: IdGenerator;
  publish: Publish;
  jobs: JobQueue;
  files: FileService;
  matters: MatterAccess;
  trackFiles: TrackFiles;
  keyring: Keyring;
  settings: { graceMs: number };
};

const videoRoomName = (roomId: string) => `video:${roomId}`;

export function createRecordingService(deps: RecordingDeps) {
  const { db, clock, id, publish, jobs, files, matters, trackFiles, keyring } = deps;

  /** The room, the caller's participant, and what the caller's matter role allows; unknown rooms and strangers get 404. */
  async function access(actor: Actor, roomId: string, tx: Executor = db) {
    const found = await store.roomWithMe(tx, roomId, actor.userId);
    if (!found) throw E.VIDEO_ROOM_NOT_FOUND();
    const facts = await matters.factsOf(found.room.matterId);
    const staffRead = !!facts && isStaff(actor.roles) && can(actor, 'matter.read', facts);
    const staffUpdate = !!facts && isStaff(actor.roles) && can(actor, 'matter.update', facts);
    if (!found.me && !staffRead) throw E.VIDEO_ROOM_NOT_FOUND();
    return { ...found, staffRead, staffUpdate };
  }

  async function recordingOf(tx: Executor, roomId: string, recordingId: string, opts: { lock?: boolean } = {}): Promise<RecordingRow> {
    const rec = await store.findRecording(tx, recordingId, opts);
    if (!rec || rec.roomId !== roomId) throw E.VIDEO_RECORDING_NOT_FOUND();
    return rec;
  }

  async function viewOf(tx: Executor, rec: RecordingRow): Promise<TVideoRecording> {
    return recordingView(rec, await store.tracksOf(tx, [rec.id]));
  }

  const roomChanged = (tx: Executor, roomId: string, change: string) =>
    publish(tx, videoRoomName(roomId), { type: 'video.room', roomId, change, participantId: null });

  /** Queue processing: now when every track finished, else when the grace period ends. */
  async function enqueueFinalize(tx: Tx, rec: RecordingRow & { stoppedAt: Date }, tracks: TrackRow[], reason: 'stopped' | 'finished') {
    const now = clock.now();
    const due = finalizeDue(rec, tracks, now, deps.settings.graceMs);
    const runAt = due ? now : new Date(rec.stoppedAt.getTime() + deps.settings.graceMs);
    await jobs.enqueue(tx, FINALIZE_JOB, { recordingId: rec.id }, { runAt, uniqueKey: `${FINALIZE_JOB}:${rec.id}:${reason}` });
  }

  /** Stops a recording (by a host, or because the room ended) in the caller's transaction. */
  async function stopIn(tx: Tx, rec: RecordingRow, actorId: string | null): Promise<RecordingRow> {
    if (rec.stoppedAt) return rec;
    const stoppedAt = clock.now();
    await store.updateRecording(tx, rec.id, { stoppedAt, stoppedBy: actorId });
    const stopped = { ...rec, stoppedAt, stoppedBy: actorId };
    await appendEvent(tx, { type: 'video.recording.stopped', aggregateType: 'video_recording', aggregateId: rec.id, actorId, payload: { roomId: rec.roomId, recordingId: rec.id }, occurredAt: stoppedAt });
    await enqueueFinalize(tx, stopped, await store.tracksOf(tx, [rec.id]), 'stopped');
    await roomChanged(tx, rec.roomId, 'recording.stopped');
    return stopped;
  }

  return {
    async startRecording(actor: Actor, roomId: string, tx: Tx): Promise<TVideoRecording> {
      const { room, me } = await access(actor, roomId, tx);
      if (!isHost(me)) throw E.VIDEO_NOT_HOST();
      if (room.status !== 'open') throw E.VIDEO_ROOM_ENDED();
      if (await store.activeRecording(tx, roomId)) throw E.VIDEO_RECORDING_ACTIVE();
      const rec: RecordingRow = {
        id: id(),
        roomId,
        status: 'recording',
        startedBy: actor.userId,
        startedAt: clock.now(),
        stoppedBy: null,
        stoppedAt: null,
        retainUntil: null,
        mediaDeletedAt: null,
        error: null,
      };
      try {
        // A savepoint, so a concurrent start losing the unique index race answers 409 cleanly.
        await tx.transaction(async (sp) => store.insertRecording(sp, rec));
      } catch (err) {
        if ((err as { code?: string; cause?: { code?: string } }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505') throw E.VIDEO_RECORDING_ACTIVE();
        throw err;
      }
      await appendEvent(tx, { type: 'video.recording.started', aggregateType: 'video_recording', aggregateId: rec.id, actorId: actor.userId, payload: { roomId, recordingId: rec.id }, occurredAt: rec.startedAt });
      await roomChanged(tx, roomId, 'recording.started');
      return recordingView(rec, []);
    },

    async stopRecording(actor: Actor, roomId: string, recordingId: string): Promise<TVideoRecording> {
      return db.transaction(async (tx) => {
        const { me } = await access(actor, roomId, tx);
        if (!isHost(me)) throw E.VIDEO_NOT_HOST();
        const rec = await recordingOf(tx, roomId, recordingId, { lock: true });
        return viewOf(tx, await stopIn(tx, rec, actor.userId));
      });
    },

    /** For the room's end (call it in the transaction that ends the room): stops its recording, if one runs. */
    async stopForRoom(tx: Tx, roomId: string, actorId: string | null): Promise<void> {
      const active = await store.activeRecording(tx, roomId);
      if (active) await stopIn(tx, (await store.findRecording(tx, active.id, { lock: true }))!, actorId);
    },

    /** For the room's view: the recording everyone sees is on (or still being processed), or null. */
    async currentOf(tx: Executor, roomId: string): Promise<TVideoRecording | null> {
      const rec = await store.current(tx, roomId);
      return rec ? viewOf(tx, rec) : null;
    },

    async listRecordings(actor: Actor, roomId: string): Promise<{ items: TVideoRecording[] }> {
      const { me, staffRead } = await access(actor, roomId);
      if (!mayListRecordings(me, staffRead)) throw E.VIDEO_NOT_ADMITTED();
      const recs = await store.listRecordings(db, roomId);
      const tracks = await store.tracksOf(db, recs.map((r) => r.id));
      return { items: recs.map((r) => recordingView(r, tracks)) };
    },

    async createTrack(actor: Actor, roomId: string, recordingId: string, input: { kind: 'camera' | 'screen'; mimeType: string; offsetMs: number }, tx: Tx): Promise<TVideoTrack> {
      const { me } = await access(actor, roomId, tx);
      if (!me || !mayCreateTrack(me)) throw E.VIDEO_NOT_ADMITTED();
      const rec = await recordingOf(tx, roomId, recordingId, { lock: true });
      if (rec.status !== 'recording' || rec.stoppedAt) throw E.VIDEO_RECORDING_CLOSED();
      const track = await store.insertTrack(tx, {
        id: id(),
        recordingId,
        participantId: me.id,
        kind: input.kind,
        mimeType: input.mimeType,
        offsetMs: input.offsetMs,
        ...newTrackKey(keyring),
        createdAt: clock.now(),
      });
      await appendEvent(tx, { type: 'video.recording.track_created', aggregateType: 'video_recording', aggregateId: recordingId, actorId: actor.userId, payload: { roomId, recordingId, trackId: track.id, participantId: me.id, kind: input.kind } });
      return trackView(track);
    },

    /**
     * Appends a chunk. The body's SHA-256 must match the header; the chunk must be the track's next one.
     * An acknowledged seq re-sent with the same bytes gets the same ack (even after the stop). The bytes
     * are on disk (fsync) before the row and the ledger event commit, and the ack leaves only after that.
     */
    async putChunk(actor: Actor, at: { roomId: string; recordingId: string; trackId: string; seq: number }, body: Buffer, declaredSha256: string | undefined): Promise<TVideoChunkAck> {
      if (!body.length) throw E.VIDEO_CHUNK_EMPTY(undefined, { fields: [{ pointer: '/body', detail: '录像分段不能为空' }] });
      const sha256 = createHash('sha256').update(body).digest('hex');
      if (declaredSha256?.toLowerCase() !== sha256) {
        throw E.VIDEO_CHUNK_HASH_MISMATCH(declaredSha256 ? '上传内容的 SHA-256 与 x-content-sha256 不一致' : '缺少 x-content-sha256', {
          fields: [{ pointer: '/headers/x-content-sha256', detail: '须为上传内容的 SHA-256（十六进制）' }],
        });
      }
      return db.transaction(async (tx) => {
        // The caller's own track of this recording in this room, or nothing: another participant's
        // track, or a room the caller is not in, is as unknown as a missing one.
        const target = await store.lockUploadTarget(tx, at.trackId);
        if (!target || target.recording.id !== at.recordingId || target.recording.roomId !== at.roomId || target.participant.userId !== actor.userId) throw E.VIDEO_TRACK_NOT_FOUND();
        const { track, recording: rec } = target;
        if (!mayUploadChunk({ id: track.participantId, role: target.participant.role as TVideoRole, state: target.participant.state as ParticipantState })) throw E.VIDEO_NOT_ADMITTED();
        const acknowledged = at.seq < track.chunks ? await store.chunkHash(tx, track.id, at.seq) : undefined;
        const decision = decideChunk(track, at.seq, sha256, acknowledged);
        if (decision.action === 'replay') {
          return { trackId: track.id, seq: at.seq, sha256, bytes: body.length, trackBytes: await store.bytesThrough(tx, track.id, at.seq) };
        }
        if (decision.action === 'conflict') throw E.VIDEO_CHUNK_CONFLICT(`序号 ${at.seq} 已确认的内容与本次不同`, { extra: { nextSeq: track.chunks } });
        if (!chunksAccepted(rec, track, clock.now(), deps.settings.graceMs)) throw E.VIDEO_RECORDING_CLOSED();
        if (decision.action === 'out-of-order') throw E.VIDEO_CHUNK_OUT_OF_ORDER(`应上传序号 ${decision.expected}`, { extra: { nextSeq: decision.expected } });
        await trackFiles.writeAt(track.id, track.bytes, body, trackKeyOf(keyring, track));
        const now = clock.now();
        const trackBytes = await store.appendChunk(tx, { trackId: track.id, seq: at.seq, sha256, bytes: body.length, createdAt: now });
        await appendEvent(tx, {
          type: CHUNK_EVENT,
          aggregateType: 'video_recording',
          aggregateId: rec.id,
          actorId: actor.userId,
          payload: { roomId: at.roomId, recordingId: rec.id, trackId: track.id, seq: at.seq, sha256, bytes: body.length },
          occurredAt: now,
        });
        return { trackId: track.id, seq: at.seq, sha256, bytes: body.length, trackBytes };
      });
    },

    /** The participant says the track is complete at `chunks` chunks; processing starts once all are. */
    async finishTrack(actor: Actor, at: { roomId: string; recordingId: string; trackId: string }, chunks: number): Promise<TVideoTrack> {
      const { me } = await access(actor, at.roomId);
      return db.transaction(async (tx) => {
        const rec = await recordingOf(tx, at.roomId, at.recordingId, { lock: true });
        const track = await store.findTrack(tx, at.trackId, { lock: true });
        if (!track || track.recordingId !== rec.id || !me || track.participantId !== me.id) throw E.VIDEO_TRACK_NOT_FOUND();
        if (chunks !== track.chunks) throw E.VIDEO_TRACK_INCOMPLETE(`服务器已确认 ${track.chunks} 个分段`, { extra: { nextSeq: track.chunks }, fields: [{ pointer: '/body/chunks', detail: `应为 ${track.chunks}` }] });
        if (track.finished) return trackView(track);
        if (rec.status !== 'recording') throw E.VIDEO_RECORDING_CLOSED();
        await store.updateTrack(tx, track.id, { finished: true });
        await appendEvent(tx, { type: 'video.recording.track_finished', aggregateType: 'video_recording', aggregateId: rec.id, actorId: actor.userId, payload: { roomId: at.roomId, recordingId: rec.id, trackId: track.id, chunks, bytes: track.bytes } });
        if (rec.stoppedAt) {
          const tracks = (await store.tracksOf(tx, [rec.id])).map((t) => (t.id === track.id ? { ...t, finished: true } : t));
          if (tracks.every((t) => t.finished)) await enqueueFinalize(tx, rec as RecordingRow & { stoppedAt: Date }, tracks, 'finished');
        }
        return trackView({ ...track, finished: true });
      });
    },

    /** A processed track for playback, to the matter's handling staff and the room's hosts; a byte range when asked. */
    async openTrackMedia(actor: Actor, at: { roomId: string; recordingId: string; trackId: string }, rangeHeader: string | undefined, log: Parameters<FileService['openContent']>[2]) {
      const { me, staffUpdate } = await access(actor, at.roomId);
      if (!mayViewMedia(me, staffUpdate)) throw E.VIDEO_NOT_HOST('只有主持人和承办人员可以回放录像');
      const rec = await recordingOf(db, at.roomId, at.recordingId);
      const track = await store.findTrack(db, at.trackId);
      if (!track || track.recordingId !== rec.id) throw E.VIDEO_TRACK_NOT_FOUND();
      if (rec.mediaDeletedAt) throw E.VIDEO_MEDIA_DELETED();
      if (!track.fileId) throw E.VIDEO_MEDIA_NOT_READY(track.error ?? undefined);
      const file = await files.getFile(actor, track.fileId);
      const range = parseRange(rangeHeader, file.size);
      if (range === 'unsatisfiable') throw E.VIDEO_RANGE_NOT_SATISFIABLE(undefined, { extra: { size: file.size } });
      const { content } = await files.openContent(actor, track.fileId, log);
      return { file, range, content: range ? sliceStream(content, range) : content };
    },
  };
}

/** The bytes [start, end] of a stream; the source is torn down once the range has passed. */
function sliceStream(source: Readable, range: ByteRange): Readable {
  let position = 0;
  let ended = false;
  const slice = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (ended) return done();
      const from = Math.max(range.start - position, 0);
      const to = Math.min(range.end + 1 - position, chunk.length);
      position += chunk.length;
      if (to > from) this.push(chunk.subarray(from, to));
      if (position > range.end) {
        ended = true;
        this.push(null);
        source.unpipe(slice);
        source.destroy();
      }
      done();
    },
  });
  source.on('error', (err) => slice.destroy(err));
  return source.pipe(slice);
}

export type RecordingService = ReturnType<typeof createRecordingService>;
