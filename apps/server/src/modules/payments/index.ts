// The face of payments: build it with the platform's services, register its jobs, mount its API
// routes under /api/v1 and the local provider's hosted page at the root.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { TConfig } from '../../config.ts';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Keyring } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import type { FeeSchedule } from '../fees/index.ts';
import { createLocalProvider } from './local-provider.ts';
import { localProviderPageRoutes } from './local-provider.page.ts';
import { createExpireJob, EXPIRE_JOB, EXPIRE_SCHEDULE } from './payments.jobs.ts';
import { paymentsRoutes } from './payments.routes.ts';
import { createPaymentService, type PaymentMatters } from './payments.service.ts';

export { type PaymentService } from './payments.service.ts';
export { EXPIRE_JOB } from './payments.jobs.ts';
export { LOCAL_NOTIFY_JOB } from './local-provider.ts';
export { signNotification } from './provider.ts';

export type PaymentsDeps = {
  db: Db;
  clock: Clock;
  id: IdGenerator;
  keyring: Keyring;
  jobs: Jobs;
  matters: PaymentMatters;
  schedule: FeeSchedule;
  config: TConfig['payments'];
  log: FastifyBaseLogger;
};

/** The local provider's key: configured, or derived from the master key so it survives restarts. */
export const localProviderKey = (keyring: Keyring, configured: Buffer | undefined) => configured ?? Buffer.from(keyring.lookup('opencourt/payments/local-provider-key/v1'), 'base64url');

export function createPayments(deps: PaymentsDeps) {
  const local = createLocalProvider({
    db: deps.db,
    clock: deps.clock,
    jobs: deps.jobs,
    settings: { mode: deps.config.local.mode, callbackDelayMs: deps.config.local.callbackDelayMs, key: localProviderKey(deps.keyring, deps.config.local.key) },
  });
  const service = createPaymentService({
    db: deps.db,
    clock: deps.clock,
    id: deps.id,
    matters: deps.matters,
    provider: local.provider,
    schedule: deps.schedule,
    settings: { orderTimeoutMs: deps.config.orderTimeoutMs, notifyBaseUrl: deps.config.notifyBaseUrl },
    log: deps.log,
  });
  deps.jobs.register(local.notifyJob);
  deps.jobs.register(createExpireJob(service));
  return {
    service,
    routes: (api: FastifyInstance) => paymentsRoutes(api, { db: deps.db, payments: service }),
    pageRoutes: (root: FastifyInstance) => localProviderPageRoutes(root, { local, now: () => deps.clock.now() }),
    schedule: () => deps.jobs.schedule(EXPIRE_SCHEDULE.name, EXPIRE_SCHEDULE.cron, EXPIRE_JOB),
  };
}
