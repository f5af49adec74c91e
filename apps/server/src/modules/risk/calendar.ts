// Civil-law dates (Civil Code arts. 200–203): calendar days as `YYYY-MM-DD`, years and months added
// to the corresponding day or the month's end, and a last day moved off statutory rest days.

export type IsoDate = string; // YYYY-MM-DD

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(value: IsoDate): Date {
  const m = ISO_DATE.exec(value);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (formatIsoDate(d) !== value) throw new RangeError(`no such date: ${value}`);
  return d;
}

export const formatIsoDate = (d: Date): IsoDate => d.toISOString().slice(0, 10);

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = parseIsoDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return formatIsoDate(d);
}

/**
 * The last day of a period of `months` months that starts running the day after `from` (art. 201):
 * the corresponding day of the final month, or that month's last day when it has none (art. 202).
 */
export function addMonths(from: IsoDate, months: number): IsoDate {
  const d = parseIsoDate(from);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastOfMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastOfMonth));
  return formatIsoDate(target);
}

export const addYears = (from: IsoDate, years: number) => addMonths(from, years * 12);

/** Whole days from a to b (negative when b is earlier). */
export const daysBetween = (a: IsoDate, b: IsoDate) => Math.round((parseIsoDate(b).getTime() - parseIsoDate(a).getTime()) / 86_400_000);

export const minDate = (a: IsoDate, b: IsoDate) => (a <= b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate) => (a >= b ? a : b);

/**
 * Statutory rest days: Saturdays and Sundays, plus the public holidays the State Council announces
 * each year, less the weekend days it makes working days (调休). Years not listed count weekends only.
 */
export type RestDayCalendar = { holidays: ReadonlySet<IsoDate>; workdays: ReadonlySet<IsoDate>; years: ReadonlySet<number> };

function span(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** From the State Council General Office's notices on the public holidays of each year. */
const ANNOUNCED: Record<number, { holidays: [IsoDate, IsoDate][]; workdays: IsoDate[] }> = {
  2025: {
    holidays: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 国务院办公厅关于2026年部分节假日安排的通知
  2026: {
    holidays: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

export const CHINA_REST_DAYS: RestDayCalendar = {
  holidays: new Set(Object.values(ANNOUNCED).flatMap((y) => y.holidays.flatMap(([a, b]) => span(a, b)))),
  workdays: new Set(Object.values(ANNOUNCED).flatMap((y) => y.workdays)),
  years: new Set(Object.keys(ANNOUNCED).map(Number)),
};

export function isRestDay(date: IsoDate, calendar: RestDayCalendar): boolean {
  if (calendar.holidays.has(date)) return true;
  if (calendar.workdays.has(date)) return false;
  const weekday = parseIsoDate(date).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Art. 203: a last day that falls on a rest day moves to the first working day after it. */
export function nextWorkingDay(date: IsoDate, calendar: RestDayCalendar): IsoDate {
  let d = date;
  while (isRestDay(d, calendar)) d = addDays(d, 1);
  return d;
}
