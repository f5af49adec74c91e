// The scheduled job that marks open deadlines past due as missed (each with its matter.deadline_missed event).
import type { JobDefinition } from '../../platform/jobs/index.ts';
import type { MatterService } from './matters.service.ts';

export const OVERDUE_JOB = 'matters.deadlines.overdue';
export const OVERDUE_SCHEDULE = { name: 'matters.deadlines.overdue', cron: '* * * * *' } as const;

export function createOverdueJob(matters: MatterService): JobDefinition<Record<string, unknown>> {
  return {
    name: OVERDUE_JOB,
    async handler(_payload, ctx) {
      const missed = await matters.markOverdueDeadlines();
      if (missed) ctx.log.info({ missed }, 'deadlines marked missed');
    },
  };
}
