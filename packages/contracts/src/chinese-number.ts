const DIGIT_CHARS = '零一二三四五六七八九';

/** 188 → 一百八十八, 1079 → 一千零七十九, 10 → 十, 17 → 十七 (as laws write them). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100_000) throw new RangeError(`cannot write ${n} in Chinese numerals`);
  if (n === 0) return '零';
  if (n >= 10_000) {
    const rest = n % 10_000;
    return `${toChineseNumeral(Math.floor(n / 10_000))}万${rest ? (rest < 1000 ? '零' : '') + toChineseNumeral(rest) : ''}`;
  }
  const parts: string[] = [];
  const units = ['千', '百', '十', ''];
  const values = [1000, 100, 10, 1];
  let zero = false;
  for (const [i, value] of values.entries()) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      if (parts.length) zero = true;
      continue;
    }
    if (zero) parts.push('零');
    zero = false;
    // 十七, not 一十七, when ten leads.
    parts.push(d === 1 && value === 10 && !parts.length ? '十' : `${DIGIT_CHARS[d]}${units[i]}`);
  }
  return parts.join('');
}

/** 1–999 as the articles and items of a rule are numbered: 十三, 一百零五, 二百一十. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`no article number ${n}`);
  return toChineseNumeral(n);
}
