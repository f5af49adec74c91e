// Citations written as Chinese legal texts write them.
import { describe, expect, it } from 'vitest';
import { chineseNumber, citation, decree } from './fees.basis.ts';

describe('citations', () => {
  it('writes article numbers in Chinese numerals', () => {
    const cases: [number, string][] = [
      [1, '一'],
      [8, '八'],
      [10, '十'],
      [13, '十三'],
      [20, '二十'],
      [56, '五十六'],
      [100, '一百'],
      [105, '一百零五'],
      [110, '一百一十'],
      [188, '一百八十八'],
      [206, '二百零六'],
      [999, '九百九十九'],
    ];
    for (const [n, text] of cases) expect(chineseNumber(n), String(n)).toBe(text);
    for (const n of [0, -1, 1.5, 1000]) expect(() => chineseNumber(n)).toThrow(RangeError);
  });

  it('cites an article, its item (项) and its point (目)', () => {
    expect(citation(decree(13, 1))).toBe('《诉讼费用交纳办法》第十三条第一项');
    expect(citation(decree(13, 2, 1))).toBe('《诉讼费用交纳办法》第十三条第二项第一目');
    expect(citation(decree(17))).toBe('《诉讼费用交纳办法》第十七条');
    expect(citation({ law: 'civil-procedure-interpretation', article: 206 })).toBe('《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百零六条');
  });
});
