// Money and citations for the fee page, in the reader's language. Amounts are integer fen throughout:
// what a party types is read from its digits, never through a float.
import { chineseNumber, type TFeeRef } from '@opencourt/contracts';
import type { TFunction } from 'i18next';

/** The largest amount the server accepts: 10^15 fen. */
export const MAX_AMOUNT_FEN = 1_000_000_000_000_000n;

const FULL_WIDTH = /[０-９．]/g;

/**
 * Yuan as typed ("150000", "12,345.67", full-width digits from a Chinese keyboard) to fen, or
 * undefined when it is not an unsigned amount with at most two decimals.
 */
export function parseYuanToFen(text: string): bigint | undefined {
  const plain = text
    .replace(FULL_WIDTH, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/[,，\s]/g, '');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(plain);
  if (!match) return undefined;
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** "13,800.00" in the reader's grouping, from the fen's digits (the sign is the caller's to place). */
export function formatFen(fen: number, locale: string): string {
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${new Intl.NumberFormat(locale).format(BigInt(digits.slice(0, -2)))}.${digits.slice(-2)}`;
}

/**
 * A band's bound as the Decree writes it: whole yuan, in 万 where Chinese does ("10万元", "¥100,000").
 * `wan` is the reader's word for ten thousand, empty where the language has none.
 */
export function formatBound(fen: number, wan: string, bound: (amount: string) => string, locale: string): string {
  const yuan = Math.floor(fen / 100);
  if (wan && yuan > 0 && yuan % 10_000 === 0) return bound(`${yuan / 10_000}${wan}`);
  return bound(new Intl.NumberFormat(locale).format(yuan));
}

/** 《诉讼费用交纳办法》第十三条第一项 in Chinese; "Measures on the Payment of Litigation Costs, art. 13(1)" in English. */
export function formatBasis(ref: TFeeRef, t: TFunction, language: string): string {
  const n = (value: number) => (language.startsWith('zh') ? chineseNumber(value) : String(value));
  let text = t(`fees.basis.${ref.law}`) + t('fees.basis.article', { n: n(ref.article) });
  if (ref.item) text += t('fees.basis.item', { n: n(ref.item) });
  if (ref.point) text += t('fees.basis.point', { n: n(ref.point) });
  return text;
}
