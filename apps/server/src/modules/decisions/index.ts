// The face of decisions: judgments, rulings and mediation statements recorded on a matter, when they
// take effect, and the self-service certificate of effect (生效证明) with its public check.
import type { FastifyInstance } from 'fastify';
import type { FileService } from '../../platform/blobs/index.ts';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { CHINA_REST_DAYS } from '../risk/index.ts';
import { decisionsRoutes } from './decisions.routes.ts';
import { createDecisionService, type DecisionMatters } from './decisions.service.ts';

export { type DecisionService } from './decisions.service.ts';
export { decisionEffect, DECISION_KIND_NAMES } from './decisions.rules.ts';

/** Public look-ups of a code per client and minute: enough for people, too few to guess 100-bit codes. */
export const VERIFY_PER_MINUTE = 30;

export function createDecisions(deps: { db: Db; clock: Clock; id: IdGenerator; matters: DecisionMatters; files: FileService; verifyPerMinute?: number }) {
  const service = createDecisionService({ db: deps.db, clock: deps.clock, id: deps.id, matters: deps.matters, files: deps.files, calendar: CHINA_REST_DAYS });
  return {
    service,
    routes: (api: FastifyInstance) => decisionsRoutes(api, { db: deps.db, decisions: service, verifyPerMinute: deps.verifyPerMinute ?? VERIFY_PER_MINUTE }),
  };
}
