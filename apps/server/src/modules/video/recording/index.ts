// The face of video recording and snapshots: build it with the platform's services, mount its routes
// under /api/v1, and call `recordings.stopForRoom` in the transaction that ends a room.
import type { FastifyInstance } from 'fastify';
import type { TConfig } from '../../../config.ts';
import { createFileService, type FileServiceDeps } from '../../../platform/blobs/index.ts';
import type { Clock, IdGenerator } from '../../../platform/clock/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Jobs } from '../../../platform/jobs/index.ts';
import type { Publish } from '../../../platform/realtime/index.ts';
import { createRecordingJobs, RETENTION_JOB, RETENTION_SCHEDULE, SWEEP_JOB, SWEEP_SCHEDULE } from './recording.jobs.ts';
import { createMediaTools } from './recording.media.ts';
import { recordingRoutes } from './recording.routes.ts';
import { createRecordingService } from './recording.service.ts';
import { createSnapshotService } from './snapshots.service.ts';
import { createTrackFiles } from './track-files.ts';

export { CHUNK_EVENT, FINALIZE_JOB, type RecordingService } from './recording.service.ts';
export { RETENTION_JOB, SWEEP_JOB } from './recording.jobs.ts';
export { RecordingErrors } from './recording.errors.ts';

export type VideoRecordingDeps = {
  db: Db;
  clock: Clock;
  id: IdGenerator;
  config: TConfig['video'];
  jobsEnabled: boolean;
  jobs: Jobs;
  publish: Publish;
  /** The platform file service's dependencies: tracks are stored through one with the track size limit. */
  fileDeps: FileServiceDeps;
};

export function createVideoRecording(deps: VideoRecordingDeps) {
  const { db, clock, id, config } = deps;
  const files = createFileService({ ...deps.fileDeps, maxBytes: config.trackMaxBytes });
  const trackFiles = createTrackFiles(config.recordingsDir);
  const recordings = createRecordingService({ db, clock, id, publish: deps.publish, jobs: deps.jobs, files, matters: deps.fileDeps.matters, trackFiles, keyring: deps.fileDeps.keyring, settings: { graceMs: config.finalizeGraceMs } });
  const snapshots = createSnapshotService({ db, clock, id, files, matters: deps.fileDeps.matters });
  const jobs = createRecordingJobs({
    db,
    clock,
    publish: deps.publish,
    files,
    media: createMediaTools({ ffmpeg: config.ffmpeg, ffprobe: config.ffprobe }),
    trackFiles,
    keyring: deps.fileDeps.keyring,
    recordings,
    settings: { graceMs: config.finalizeGraceMs, retentionDays: config.retentionDays },
  });
  deps.jobs.register(jobs.finalize);
  deps.jobs.register(jobs.sweep);
  deps.jobs.register(jobs.retention);

  return {
    recordings,
    snapshots,
    async routes(app: FastifyInstance) {
      await app.register(recordingRoutes, { db, clock, files, recordings, snapshots, chunkMaxBytes: config.chunkMaxBytes });
    },
    /** Cron schedules of the sweep (rooms that ended while recording) and of retention; where jobs run. */
    async schedule() {
      if (!deps.jobsEnabled) return;
      await deps.jobs.schedule(SWEEP_SCHEDULE.name, SWEEP_SCHEDULE.cron, SWEEP_JOB);
      await deps.jobs.schedule(RETENTION_SCHEDULE.name, RETENTION_SCHEDULE.cron, RETENTION_JOB);
    },
  };
}
