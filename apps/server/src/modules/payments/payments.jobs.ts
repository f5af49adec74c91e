// The scheduled job that closes orders past their time (querying the provider first, see expireOrders).
import type { JobDefinition } from '../../platform/jobs/index.ts';
import type { PaymentService } from './payments.service.ts';

export const EXPIRE_JOB = 'payments.expire';
export const EXPIRE_SCHEDULE = { name: 'payments.expire', cron: '* * * * *' } as const;

export function createExpireJob(payments: PaymentService): JobDefinition<Record<string, unknown>> {
  return {
    name: EXPIRE_JOB,
    async handler(_payload, ctx) {
      const result = await payments.expireOrders();
      if (result.closed || result.awaitingNotice) ctx.log.info(result, 'expired payment orders');
    },
  };
}
