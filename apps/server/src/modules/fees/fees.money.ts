// Exact money for the fee rules. The Decree's rates (2.5%, 0.9%, …) and shares (1/2, 1/3) leave fractions
// of a fen, so amounts are kept as fractions of bigints and rounded half-up to the fen once, at the end.

/** n/d fen, d > 0. */
export type Exact = { readonly n: bigint; readonly d: bigint };

export const fenExact = (fen: bigint): Exact => ({ n: fen, d: 1n });

// Denominators stay small (10,000 for a rate, times 2 or 3 for a share), so fractions are not reduced:
// a gcd on every step costs more than it saves.
export function addExact(a: Exact, b: Exact): Exact {
  if (a.d === b.d) return { n: a.n + b.n, d: a.d };
  if (a.d % b.d === 0n) return { n: a.n + b.n * (a.d / b.d), d: a.d };
  if (b.d % a.d === 0n) return { n: a.n * (b.d / a.d) + b.n, d: b.d };
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

/** a × num/den. */
export const scaleExact = (a: Exact, num: bigint, den: bigint): Exact => ({ n: a.n * num, d: a.d * den });

/** The smaller of a and a whole number of fen. */
export const minExact = (a: Exact, fen: bigint): Exact => (a.n <= fen * a.d ? a : fenExact(fen));

/** Half-up to the fen (amounts here are never negative; a negative one rounds towards +∞ at .5). */
export function roundHalfUp(a: Exact): bigint {
  const twice = 2n * a.n + a.d;
  const den = 2n * a.d;
  const q = twice / den;
  // bigint division truncates towards zero; floor it for negative numerators.
  return twice < 0n && q * den !== twice ? q - 1n : q;
}

const YUAN = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Yuan written as a decimal string ("12345", "12345.6", "12345.67") to fen, exactly: no float is
 * involved. Anything else (signs, exponents, separators, a third decimal) is refused.
 */
export function parseYuan(text: string): bigint | undefined {
  const match = YUAN.exec(text.trim());
  if (!match) return undefined;
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** Fen as yuan with two decimals ("13800.00"), from the integer's digits: no division, no float. */
export function formatYuan(fen: bigint | number): string {
  const digits = String(fen < 0 ? -fen : fen).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Yuan without trailing zero decimals, as the Decree writes amounts ("50元", "0.5元", "1万元" for whole 10,000s). */
export function formatDecreeAmount(fen: bigint): string {
  if (fen > 0n && fen % 1_000_000n === 0n) return `${fen / 1_000_000n}万元`;
  const text = formatYuan(fen).replace(/\.?0+$/, '');
  return `${text}元`;
}
