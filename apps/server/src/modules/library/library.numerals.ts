// Chinese numerals as laws write article numbers (第一百八十八条, 第一千零七十九条, 第十七条之一), both ways,
// so a user may type 第188条 or 188 and find 第一百八十八条.
import { toChineseNumeral } from '@opencourt/contracts';

export { toChineseNumeral };
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };

export const CHINESE_NUMERAL = '[零〇一二三四五六七八九十百千万两]+';

/** 一百八十八 → 188; undefined when the text is not a Chinese numeral. */
export function parseChineseNumeral(text: string): number | undefined {
  if (!text || !new RegExp(`^${CHINESE_NUMERAL}$`).test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = undefined;
    } else {
      // 十 alone (十七) means one ten.
      section += (digit ?? 1) * UNITS[ch]!;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

const LABEL = new RegExp(`^第(${CHINESE_NUMERAL}|\\d+)条(?:之(${CHINESE_NUMERAL}|\\d+))?$`);

/** The number of an article label (第一百八十八条 → 188, 第十七条之一 → 17). */
export function articleNumber(label: string): number | undefined {
  const m = LABEL.exec(label);
  if (!m) return undefined;
  return /^\d+$/.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!);
}

/**
 * A label as the laws write it: 第188条 → 第一百八十八条, 188 → 第一百八十八条, 第17条之1 → 第十七条之一.
 * Anything else (一, 基本案情) comes back trimmed and unchanged.
 */
export function normaliseArticleLabel(input: string): string {
  const text = input.trim().replace(/\s+/g, '');
  if (/^\d{1,5}$/.test(text)) return `第${toChineseNumeral(Number(text))}条`;
  const m = LABEL.exec(text);
  if (!m) return text;
  const main = /^\d+$/.test(m[1]!) ? toChineseNumeral(Number(m[1])) : m[1]!;
  const sub = m[2] === undefined ? '' : `之${/^\d+$/.test(m[2]) ? toChineseNumeral(Number(m[2])) : m[2]}`;
  return `第${main}条${sub}`;
}
