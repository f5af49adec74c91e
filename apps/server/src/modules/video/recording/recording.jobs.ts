// Queued work of recordings: process a stopped recording (ffprobe, remux, store each track as a file
// of the matter with its receipt), stop recordings of rooms that ended, and delete media past retention.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Actor } from '../../../platform/auth/index.ts';
import type { FileService } from '../../../platform/blobs/index.ts';
import type { Clock } from '../../../platform/clock/index.ts';
import type { Keyring } from '../../../platform/crypto/index.ts';
import type { Db, Executor } from '../../../platform/db/database.ts';
import { appendEvent } from '../../../platform/events/index.ts';
import type { JobContext, JobDefinition } from '../../../platform/jobs/index.ts';
import type { Publish } from '../../../platform/realtime/index.ts';
import { finalizeDue, retainUntil } from './recording.rules.ts';
import { FINALIZE_JOB, type RecordingService } from './recording.service.ts';
import { recordingStore as store, type RecordingRow, type TrackRow } from './recording.store.ts';
import { MediaToolError, type MediaToolsApi } from './recording.media.ts';
import { TrackDamagedError, trackKeyOf, type TrackFiles } from './track-files.ts';

export const SWEEP_JOB = 'video.recording.sweep';
export const SWEEP_SCHEDULE = { name: SWEEP_JOB, cron: '* * * * *' } as const;
export const RETENTION_JOB = 'video.recording.retention';
export const RETENTION_SCHEDULE = { name: RETENTION_JOB, cron: '15 4 * * *' } as const;

export type RecordingJobsDeps = {
  db: Db;
  clock: Clock;
  publish: Publish;
  files: FileService;
  media: MediaToolsApi;
  trackFiles: TrackFiles;
  keyring: Keyring;
  recordings: RecordingService;
  settings: { graceMs: number; retentionDays: number | null };
};

function toolsMissing(media: MediaToolsApi): string | undefined {
  try {
    media.assertInstalled();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The one who started the recording stores its files (the job acts for them). */
const actorOf = (userId: string): Actor => ({ userId, roles: [], organisationId: null, courtId: null });

export function createRecordingJobs(deps: RecordingJobsDeps) {
  const { db, clock, publish, files, media, trackFiles } = deps;
  const roomChanged = (tx: Executor, roomId: string, change: string) =>
    publish(tx, `video:${roomId}`, { type: 'video.room', roomId, change, participantId: null });

  /** Moves a due recording to processing; false when it is not due or another run has it. */
  async function claim(recordingId: string, ctx: JobContext): Promise<{ rec: RecordingRow; matterId: string } | undefined> {
    return db.transaction(async (tx) => {
      const rec = await store.findRecording(tx, recordingId, { lock: true });
      if (!rec) return undefined;
      const room = (await store.room(tx, rec.roomId))!;
      if (rec.status === 'processing') return ctx.attempt > 1 ? { rec, matterId: room.matterId } : undefined; // our own earlier try died
      if (rec.status !== 'recording') return undefined;
      const tracks = await store.tracksOf(tx, [rec.id]);
      if (!finalizeDue(rec, tracks, clock.now(), deps.settings.graceMs)) return undefined;
      await store.finishOpenTracks(tx, rec.id);
      await store.updateRecording(tx, rec.id, { status: 'processing' });
      await roomChanged(tx, rec.roomId, 'recording.processing');
      return { rec: { ...rec, status: 'processing' }, matterId: room.matterId };
    });
  }

  /** ffprobe, remux, ffprobe again, store: the track's file id, hash and duration. */
  async function processTrack(rec: RecordingRow, matterId: string, track: TrackRow, workDir: string): Promise<void> {
    // Decrypted into the work directory, each chunk checked against its acknowledged SHA-256.
    const raw = path.join(workDir, `${track.id}.source.webm`);
    await trackFiles.decryptVerified(track.id, trackKeyOf(deps.keyring, track), await store.chunksOf(db, track.id), raw);
    const before = await media.probe(raw);
    if (!/webm|matroska/.test(before.format) || !before.streams.length) throw new MediaToolError(`not a WebM recording (format ${before.format || 'unknown'})`);
    const out = path.join(workDir, `${track.id}.webm`);
    await media.remux(raw, out);
    const after = await media.probe(out);
    const filename = `录像-${rec.startedAt.toISOString().slice(0, 10)}-${track.kind}-${track.id.slice(0, 8)}.webm`;
    const upload = await files.receive(fs.createReadStream(out), { filename, mediaType: 'video/webm' });
    await files.store(actorOf(rec.startedBy), upload, { matterId }, (work) =>
      db.transaction(async (tx) => {
        const file = await work(tx);
        await store.updateTrack(tx, track.id, { fileId: file.id, sha256: file.sha256, durationMs: after.durationMs, error: null });
        return file;
      }),
    );
  }

  const finalize: JobDefinition<{ recordingId: string }> = {
    name: FINALIZE_JOB,
    payload: z.object({ recordingId: z.uuid() }),
    async handler({ recordingId }, ctx) {
      const claimed = await claim(recordingId, ctx);
      if (!claimed) return;
      const { rec, matterId } = claimed;
      const failures: string[] = [];
      const missing = toolsMissing(media);
      if (missing) failures.push(missing);
      const workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'oc-remux-'));
      try {
        for (const track of missing ? [] : await store.tracksOf(db, [rec.id])) {
          if (track.fileId || track.chunks === 0) continue;
          try {
            await processTrack(rec, matterId, track, workDir);
            await trackFiles.remove(track.id);
          } catch (err) {
            // Storage or database trouble: the job tries again (on its last try the recording fails).
            // A bad track fails with its reason at once.
            if (!(err instanceof MediaToolError || err instanceof TrackDamagedError || ctx.lastAttempt)) throw err;
            const reason = err instanceof Error ? err.message : String(err);
            failures.push(`${track.kind} ${track.id}: ${reason}`);
            await store.updateTrack(db, track.id, { error: reason.slice(0, 1000) });
            ctx.log.warn({ recordingId, trackId: track.id, reason }, 'recording track failed processing');
          }
        }
      } finally {
        await fs.promises.rm(workDir, { recursive: true, force: true });
      }
      await db.transaction(async (tx) => {
        const now = clock.now();
        const status = failures.length ? 'failed' : 'ready';
        await store.updateRecording(tx, rec.id, { status, error: failures.length ? failures.join('; ').slice(0, 2000) : null, retainUntil: retainUntil(now, deps.settings.retentionDays) });
        const tracks = await store.tracksOf(tx, [rec.id]);
        await appendEvent(tx, {
          type: `video.recording.${status}`,
          aggregateType: 'video_recording',
          aggregateId: rec.id,
          payload: { roomId: rec.roomId, recordingId: rec.id, tracks: tracks.map((t) => ({ trackId: t.id, sha256: t.sha256, chunks: t.chunks, durationMs: t.durationMs })) },
          occurredAt: now,
        });
        await roomChanged(tx, rec.roomId, `recording.${status}`);
      });
    },
  };

  const sweep: JobDefinition<Record<string, unknown>> = {
    name: SWEEP_JOB,
    async handler() {
      for (const open of await store.openInEndedRooms(db)) {
        await db.transaction((tx) => deps.recordings.stopForRoom(tx, open.roomId, null));
      }
    },
  };

  const retention: JobDefinition<Record<string, unknown>> = {
    name: RETENTION_JOB,
    async handler(_payload, ctx) {
      for (const rec of await store.expired(db, clock.now())) {
        const tracks = await store.tracksOf(db, [rec.id]);
        for (const track of tracks) {
          if (track.fileId) await files.removeFile(track.fileId);
          await trackFiles.remove(track.id);
        }
        await db.transaction(async (tx) => {
          await store.updateRecording(tx, rec.id, { mediaDeletedAt: clock.now() });
          await appendEvent(tx, { type: 'video.recording.media_deleted', aggregateType: 'video_recording', aggregateId: rec.id, payload: { roomId: rec.roomId, recordingId: rec.id, retainUntil: rec.retainUntil?.toISOString() ?? null } });
        });
        ctx.log.info({ recordingId: rec.id, tracks: tracks.length }, 'deleted recording media past retention');
      }
    },
  };

  return { finalize, sweep, retention };
}
