// Dates of laws (YYYY-MM-DD, no time of day) in the reader's language.
export function formatLawDate(date: string | null, locale: string): string | null {
  if (!date) return null;
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** 中华人民共和国民法典 · 总则 */
export const documentName = (d: { title: string; subtitle: string | null }) => (d.subtitle ? `${d.title} · ${d.subtitle}` : d.title);
