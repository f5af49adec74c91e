import { ZRiskReport, ZRiskReportRequest } from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RiskService } from './risk.service.ts';

const DOWNLOADS = {
  pdf: { type: 'application/pdf', name: 'risk-report.pdf' },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name: 'risk-report.docx' },
} as const;

/**
 * Public, like the fee estimate: a party weighs suing before having an account, and nothing is
 * stored (the answers go into the report and back to them only; the one read is an aggregate count).
 * Rendering a document costs real CPU, so the downloads are rate-limited per client.
 */
export async function riskRoutes(app: FastifyInstance, opts: { risk: RiskService; downloadsPerMinute?: number }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/risk/reports', {
    schema: {
      tags: ['risk'],
      summary: '诉讼风险评估（无需登录）',
      description: '根据问卷生成诉讼风险评估报告：诉讼费用、诉讼时效、证据、执行风险、成本与本平台同类案件结果，每项列明依据。不保存所填内容。',
      body: ZRiskReportRequest,
      response: { 200: ZRiskReport },
    },
    // A calculation changes nothing, so the audit trail has nothing to record.
    config: { audit: false },
  }, async (request) => opts.risk.makeReport(request.body));

  const rateLimit = { max: opts.downloadsPerMinute ?? 30, timeWindow: '1 minute' };
  for (const format of ['pdf', 'docx'] as const) {
    r.post(`/risk/reports/${format}`, {
      schema: {
        tags: ['risk'],
        summary: `诉讼风险评估报告（${format.toUpperCase()} 下载，无需登录）`,
        body: ZRiskReportRequest,
        produces: [DOWNLOADS[format].type],
        response: { 200: z.any().describe(DOWNLOADS[format].type) },
      },
      config: { audit: false, rateLimit },
    }, async (request, reply) => {
      const { bytes } = await opts.risk.renderReport(request.body, format);
      return reply
        .type(DOWNLOADS[format].type)
        .header('content-disposition', `attachment; filename="${DOWNLOADS[format].name}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
  }
}
