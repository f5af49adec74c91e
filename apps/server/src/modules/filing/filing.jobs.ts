// The scheduled job that lapses applications whose correction deadline has passed.
import type { JobDefinition } from '../../platform/jobs/index.ts';
import type { FilingService } from './filing.service.ts';

export const LAPSE_JOB = 'filing.lapse';
export const LAPSE_SCHEDULE = { name: 'filing.lapse', cron: '*/5 * * * *' } as const;

export function createLapseJob(filing: FilingService): JobDefinition<Record<string, unknown>> {
  return {
    name: LAPSE_JOB,
    async handler(_payload, ctx) {
      const lapsed = await filing.lapseOverdue();
      if (lapsed) ctx.log.info({ lapsed }, 'lapsed filing applications past their correction deadline');
    },
  };
}
