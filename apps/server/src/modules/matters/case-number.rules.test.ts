// 法〔2015〕137号: （收案年度）法院代字 类型代字 案件编号 号.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE_TYPES, formatCaseNumber, parseCaseNumber } from './case-number.rules.ts';

describe('case numbers', () => {
  it.each([
    [{ year: 2026, courtCode: '闽0213', typeCode: '民诉前调', seq: 123 }, '（2026）闽0213民诉前调123号'],
    [{ year: 2026, courtCode: '闽0213', typeCode: '诉前调确', seq: 1 }, '（2026）闽0213诉前调确1号'],
    [{ year: 2026, courtCode: '闽0213', typeCode: '民初', seq: 45 }, '（2026）闽0213民初45号'],
    [{ year: 2025, courtCode: '闽02', typeCode: '民终', seq: 7 }, '（2025）闽02民终7号'],
    [{ year: 2025, courtCode: '闽', typeCode: '民申', seq: 3 }, '（2025）闽民申3号'],
  ])('writes %o as %s and reads it back', (n, text) => {
    expect(formatCaseNumber(n)).toBe(text);
    expect(parseCaseNumber(text)).toEqual(n);
  });

  it('reads half-width brackets and stray spaces as people type them', () => {
    expect(parseCaseNumber(' (2026)闽0213 民初45号')).toEqual({ year: 2026, courtCode: '闽0213', typeCode: '民初', seq: 45 });
  });

  it.each(['2026闽0213民初45号', '（2026）闽0213民初号', '（2026）闽0213民初045号', '（2026）闽0213民初0号', '（26）闽0213民初1号', '（2026）0213民初1号'])('refuses %s', (text) => {
    expect(parseCaseNumber(text)).toBeUndefined();
  });

  it('refuses to write a number that does not count from 1, or a malformed code', () => {
    expect(() => formatCaseNumber({ year: 2026, courtCode: '闽0213', typeCode: '民初', seq: 0 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ year: 2026, courtCode: 'FJ0213', typeCode: '民初', seq: 1 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ year: 2026, courtCode: '闽0213', typeCode: 'MC', seq: 1 })).toThrow(RangeError);
  });

  it('has unique default type codes, each one a valid code', () => {
    const codes = DEFAULT_CASE_TYPES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(formatCaseNumber({ year: 2026, courtCode: '闽0213', typeCode: code, seq: 1 })).toContain(code);
  });
});
