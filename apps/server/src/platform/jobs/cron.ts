// Cron expressions (5 fields, or 6 with seconds) read in a time zone: courts keep China Standard Time.
import { CronExpressionParser } from 'cron-parser';

export const DEFAULT_SCHEDULE_TZ = 'Asia/Shanghai';

/** The first occurrence strictly after `after`; throws on an invalid expression. */
export function nextOccurrence(cron: string, after: Date, tz: string = DEFAULT_SCHEDULE_TZ): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz }).next().toDate();
}
