// The face of online filing and preservation: build it with the platform's services and the faces of
// matters and payments, register its job, mount its routes under /api/v1.
import type { FastifyInstance } from 'fastify';
import type { Jobs } from '../../platform/jobs/index.ts';
import { createLapseJob, LAPSE_JOB, LAPSE_SCHEDULE } from './filing.jobs.ts';
import { filingRoutes } from './filing.routes.ts';
import { createFilingService, type FilingDeps } from './filing.service.ts';
import { createPreservationService } from './preservation.service.ts';

export { type FilingService, type FilingPorts } from './filing.service.ts';
export { LAPSE_JOB } from './filing.jobs.ts';

export function createFiling(deps: FilingDeps & { jobs: Jobs }) {
  const filing = createFilingService(deps);
  const preservation = createPreservationService(deps);
  deps.jobs.register(createLapseJob(filing));
  return {
    filing,
    preservation,
    routes: (api: FastifyInstance) => filingRoutes(api, { db: deps.db, filing, preservation }),
    schedule: () => deps.jobs.schedule(LAPSE_SCHEDULE.name, LAPSE_SCHEDULE.cron, LAPSE_JOB),
  };
}
