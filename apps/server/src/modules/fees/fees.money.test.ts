// Exact money: fractions of a fen stay exact until rounded half-up once; yuan strings parse without floats.
import { describe, expect, it } from 'vitest';
import { addExact, fenExact, formatDecreeAmount, formatYuan, minExact, parseYuan, roundHalfUp, scaleExact } from './fees.money.ts';

describe('exact amounts', () => {
  it('rounds half-up to the fen', () => {
    const cases: [bigint, bigint, bigint][] = [
      [0n, 1n, 0n],
      [1n, 4n, 0n],
      [1n, 2n, 1n],
      [3n, 2n, 2n],
      [49_999n, 10_000n, 5n],
      [50_000n, 10_000n, 5n],
      [54_999n, 10_000n, 5n],
      [55_000n, 10_000n, 6n],
      [-1n, 2n, 0n],
      [-3n, 2n, -1n],
    ];
    for (const [n, d, rounded] of cases) expect(roundHalfUp({ n, d }), `${n}/${d}`).toBe(rounded);
  });

  it('adds, scales and caps without losing a fraction', () => {
    const third = scaleExact(fenExact(5_000n), 1n, 3n);
    expect(roundHalfUp(addExact(addExact(third, third), third))).toBe(5_000n);
    // 2.5% of 1 fen, forty times, is exactly one fen.
    let total = fenExact(0n);
    for (let i = 0; i < 40; i++) total = addExact(total, scaleExact(fenExact(1n), 250n, 10_000n));
    expect(total.n).toBe(total.d);
    expect(minExact(scaleExact(fenExact(7n), 1n, 2n), 3n)).toEqual({ n: 3n, d: 1n });
    expect(minExact(scaleExact(fenExact(5n), 1n, 2n), 3n)).toEqual({ n: 5n, d: 2n });
  });

  it('stays exact far beyond 2^53', () => {
    const huge = scaleExact(fenExact(10n ** 15n), 250n, 10_000n);
    expect(roundHalfUp(addExact(huge, scaleExact(fenExact(1n), 1n, 2n)))).toBe(25_000_000_000_001n);
  });
});

describe('yuan strings', () => {
  it('parses whole yuan and up to two decimals exactly', () => {
    const cases: [string, bigint][] = [
      ['0', 0n],
      ['0.01', 1n],
      ['0.1', 10n],
      ['1', 100n],
      ['12345.67', 1_234_567n],
      [' 100.5 ', 10_050n],
      ['0.29', 29n], // 0.29 * 100 is 28.999999999999996 in floating point
      ['10000000000000', 1_000_000_000_000_000n],
      ['123456789012345678901234567890.99', 12_345_678_901_234_567_890_123_456_789_099n],
    ];
    for (const [text, fen] of cases) expect(parseYuan(text), text).toBe(fen);
  });

  it('refuses signs, exponents, separators, a third decimal and anything not a number', () => {
    for (const text of ['', ' ', '-1', '+1', '1e5', '1,000', '1.234', '.5', '5.', '0x10', 'NaN', 'Infinity', '一百', '１００', '1 000']) {
      expect(parseYuan(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('formats fen as yuan, and amounts the way the Decree writes them', () => {
    expect(formatYuan(0n)).toBe('0.00');
    expect(formatYuan(5n)).toBe('0.05');
    expect(formatYuan(1_380_000n)).toBe('13800.00');
    expect(formatYuan(-2_501n)).toBe('-25.01');
    expect(formatDecreeAmount(5_000n)).toBe('50元');
    expect(formatDecreeAmount(100_000n)).toBe('1000元');
    expect(formatDecreeAmount(1_000_000n)).toBe('1万元');
    expect(formatDecreeAmount(2_000_000_000n)).toBe('2000万元');
    expect(formatDecreeAmount(50n)).toBe('0.5元');
  });
});
