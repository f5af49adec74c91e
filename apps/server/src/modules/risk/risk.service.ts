// Use case: a risk report from a questionnaire. Nothing is stored: the answers and the report go back
// to the party only, so there is no transaction or event; the one read counts comparable outcomes.
import type { TRiskReport, TRiskReportRequest } from '@opencourt/contracts';
import { chinaDate, type Clock } from '../../platform/clock/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { CommonErrors, type FieldError } from '../../platform/http/index.ts';
import { renderDocx, renderPdf } from '../../platform/documents/index.ts';
import { DEFAULT_FEE_SCHEDULE, type FeeSchedule } from '../fees/index.ts';
import { CHINA_REST_DAYS, type IsoDate, type RestDayCalendar } from './calendar.ts';
import { riskReportDocument } from './risk.document.ts';
import { buildRiskReport } from './risk.rules.ts';
import { riskStore } from './risk.store.ts';

/** Dates are China's: a report made at 01:00 in Beijing counts from that day. */

/** What has happened cannot be dated after today (an instalment may still fall due, so its date may). */
function refuseFutureFacts(request: TRiskReportRequest, today: IsoDate) {
  const fields: FieldError[] = [];
  if (request.knewOn && request.knewOn > today) fields.push({ pointer: '/body/knewOn', detail: `知道权利受损的日期不能晚于今天（${today}）` });
  request.interruptions.forEach((i, n) => {
    if (i.on > today) fields.push({ pointer: `/body/interruptions/${n}/on`, detail: `催告或者认可的日期不能晚于今天（${today}）` });
  });
  if (fields.length) throw CommonErrors.VALIDATION_FAILED(undefined, { fields });
}

export type RiskService = ReturnType<typeof createRiskService>;

export function createRiskService(deps: { db: Db; clock: Clock; schedule?: FeeSchedule; calendar?: RestDayCalendar }) {
  const schedule = deps.schedule ?? DEFAULT_FEE_SCHEDULE;
  const calendar = deps.calendar ?? CHINA_REST_DAYS;

  async function makeReport(request: TRiskReportRequest): Promise<TRiskReport> {
    const today = chinaDate(deps.clock.now());
    refuseFutureFacts(request, today);
    const outcomes = await riskStore.countOutcomes(deps.db, request.kind);
    return buildRiskReport(request, { today, calendar, schedule, outcomes });
  }

  return {
    makeReport,
    async renderReport(request: TRiskReportRequest, format: 'pdf' | 'docx'): Promise<{ report: TRiskReport; bytes: Uint8Array }> {
      const report = await makeReport(request);
      const model = riskReportDocument(report);
      return { report, bytes: format === 'pdf' ? await renderPdf(model) : await renderDocx(model) };
    },
  };
}
