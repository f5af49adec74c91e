// The queue's own housekeeping: finished jobs are kept a while for inspection, then removed, so the
// table and its indexes stay small. Runs once a night, in one process.
import type { Clock } from '../clock/index.ts';
import type { Db } from '../db/database.ts';
import { jobsStore } from './jobs.store.ts';
import type { JobDefinition } from './runner.ts';

export const PRUNE_JOB = 'platform.jobs.prune';
export const PRUNE_SCHEDULE = { name: 'platform.jobs.prune', cron: '30 3 * * *' } as const;

const DAY = 86_400_000;

export function createPruneJob(deps: { db: Db; clock: Clock; keepDoneDays?: number; keepFailedDays?: number }): JobDefinition<Record<string, unknown>> {
  return {
    name: PRUNE_JOB,
    async handler(_payload, ctx) {
      const now = deps.clock.now().getTime();
      const removed = await jobsStore.prune(deps.db, {
        doneBefore: new Date(now - (deps.keepDoneDays ?? 7) * DAY),
        failedBefore: new Date(now - (deps.keepFailedDays ?? 30) * DAY),
      });
      ctx.log.info({ removed }, 'pruned finished jobs');
    },
  };
}
