import { describe, expect, it } from 'vitest';
import { articleNumber, normaliseArticleLabel, parseChineseNumeral, toChineseNumeral } from './library.numerals.ts';

// As the laws write them: 民法典 第一千零七十九条, 第一百一十条, 第十七条 (not 一十七), 民事诉讼法 第二百零五条.
const NUMERALS: [number, string][] = [
  [1, '一'],
  [10, '十'],
  [17, '十七'],
  [20, '二十'],
  [100, '一百'],
  [105, '一百零五'],
  [110, '一百一十'],
  [188, '一百八十八'],
  [205, '二百零五'],
  [1000, '一千'],
  [1010, '一千零一十'],
  [1079, '一千零七十九'],
  [1260, '一千二百六十'],
];

describe('Chinese numerals', () => {
  it.each(NUMERALS)('%i ↔ %s', (n, text) => {
    expect(toChineseNumeral(n)).toBe(text);
    expect(parseChineseNumeral(text)).toBe(n);
  });

  it('reads 两 and 〇 as the corpus sometimes writes them, and refuses what is not a numeral', () => {
    expect(parseChineseNumeral('两百')).toBe(200);
    expect(parseChineseNumeral('一百〇五')).toBe(105);
    expect(parseChineseNumeral('十八条')).toBeUndefined();
    expect(parseChineseNumeral('')).toBeUndefined();
    expect(() => toChineseNumeral(-1)).toThrow(RangeError);
  });

  it.each([
    ['第188条', '第一百八十八条'],
    ['188', '第一百八十八条'],
    [' 第 一百八十八 条 ', '第一百八十八条'],
    ['第一百八十八条', '第一百八十八条'],
    ['第17条之1', '第十七条之一'],
    ['第一百二十条之三', '第一百二十条之三'],
    ['一', '一'],
    ['基本案情', '基本案情'],
  ])('normalises the label %j to %j', (input, label) => {
    expect(normaliseArticleLabel(input)).toBe(label);
  });

  it('numbers a label', () => {
    expect(articleNumber('第一百八十八条')).toBe(188);
    expect(articleNumber('第十七条之一')).toBe(17);
    expect(articleNumber('基本案情')).toBeUndefined();
  });
});
