import { ZFeeEstimate, ZFeeEstimateRequest } from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { estimateFee } from './fees.rules.ts';
import { DEFAULT_FEE_SCHEDULE, type FeeSchedule } from './fees.schedule.ts';

/** Public: anyone may estimate a fee before deciding to sue, without an account. */
export async function feesRoutes(app: FastifyInstance, opts: { schedule?: FeeSchedule } = {}) {
  const schedule = opts.schedule ?? DEFAULT_FEE_SCHEDULE;
  app.withTypeProvider<ZodTypeProvider>().post('/fees/estimate', {
    schema: {
      tags: ['fees'],
      summary: '估算诉讼费用（无需登录）',
      description: '按《诉讼费用交纳办法》计算案件受理费或申请费，逐项列明依据。金额以分为单位。',
      body: ZFeeEstimateRequest,
      response: { 200: ZFeeEstimate },
    },
    // The answer comes from the typed rules (their tests check it against ZFeeEstimate), so it is written
    // as it is: validating it again on every request would cost a fifth of the route's time.
    serializerCompiler: () => (data) => JSON.stringify(data),
    // A calculation changes nothing, so the audit trail has nothing to record.
    config: { audit: false },
  }, async (request) => estimateFee(request.body, schedule));
}
