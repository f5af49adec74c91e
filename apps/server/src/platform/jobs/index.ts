// The job queue's face: `enqueue` inside business transactions, `register` handlers, cron `schedule`s,
// and the runner's lifecycle (started by buildApp when JOBS_ENABLED).
import { createJobQueue } from './queue.ts';
import { createJobRunner, type JobRunnerDeps } from './runner.ts';

export { PermanentJobError, type JobContext, type JobDefinition, type JobRunner } from './runner.ts';
export { type EnqueueOptions, type EnqueuedJob, type JobQueue } from './queue.ts';
export { retryDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
export { nextOccurrence, DEFAULT_SCHEDULE_TZ } from './cron.ts';
export { jobsStore, JOB_CHANNEL, type JobRow, type ClaimedJob } from './jobs.store.ts';
export { createPruneJob, PRUNE_JOB, PRUNE_SCHEDULE } from './maintenance.ts';

export function createJobs(deps: Omit<JobRunnerDeps, 'queue'>) {
  const queue = createJobQueue({ clock: deps.clock });
  const runner = createJobRunner({ ...deps, queue });
  return Object.assign(runner, { enqueue: queue.enqueue });
}

export type Jobs = ReturnType<typeof createJobs>;
