// Exact money for the fee rules. The Decree's rates (2.5%, 0.9%, …) and shares (1/2, 1/3) leave fractions
// of a fen, so amounts are kept as fractions of bigints and rounded half-up to the fen once, at the end.

/** n/d fen, d > 0. */
export type Exact = { readonly n: bigint; readonly d: bigint };

export const fenExact = (fen: bigint): Exact => ({ n: fen, d: 1n });

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x || 1n;
};

function reduced(n: bigint, d: bigint): Exact {
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export const addExact = (a: Exact, b: Exact): Exact => (a.d === b.d ? { n: a.n + b.n, d: a.d } : reduced(a.n * b.d + b.n * a.d, a.d * b.d));

/** a × num/den. */
export const scaleExact = (a: Exact, num: bigint, den: bigint): Exact => reduced(a.n * num, a.d * den);

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

/** Fen as yuan with two decimals ("13800.00"). */
export function formatYuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Yuan without trailing zero decimals, as the Decree writes amounts ("50元", "0.5元", "1万元" for whole 10,000s). */
export function formatDecreeAmount(fen: bigint): string {
  if (fen > 0n && fen % 1_000_000n === 0n) return `${fen / 1_000_000n}万元`;
  const text = formatYuan(fen).replace(/\.?0+$/, '');
  return `${text}元`;
}
