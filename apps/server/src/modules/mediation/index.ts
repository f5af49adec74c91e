// The face of mediation: the "1+5+N" network, the mediator pool, routing rules and triage.
import type { FastifyInstance } from 'fastify';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Notifier } from '../../platform/notify/index.ts';
import { mediationRoutes } from './mediation.routes.ts';
import { createNetworkService } from './network.service.ts';
import { createTriageService, type TriageMatters } from './triage.service.ts';

export { registerForTriage, recordMediationOutcome, type TTriageRegistration, type TriageService } from './triage.service.ts';
export { type NetworkService } from './network.service.ts';
export { MediationErrors } from './mediation.errors.ts';

export function createMediation(deps: { db: Db; clock: Clock; id: IdGenerator; matters: TriageMatters; notifier: Notifier }) {
  const network = createNetworkService(deps);
  const triage = createTriageService(deps);
  return { network, triage, routes: (api: FastifyInstance) => mediationRoutes(api, { db: deps.db, network, triage }) };
}
