import { describe, expect, it } from 'vitest';
import { breakUnits, wrapText } from './line-break.ts';

// Every character one unit wide, so the expected lines can be read off by eye.
const width = (s: string) => [...s].length;

describe('line breaking', () => {
  it('breaks between any two CJK characters, and between Latin words only at spaces', () => {
    expect(breakUnits('诉讼时效 three years')).toEqual(['诉', '讼', '时', '效', ' ', 'three ', 'years']);
    expect(wrapText('民法典第一百八十八条规定', 5, width)).toEqual(['民法典第一', '百八十八条', '规定']);
    expect(wrapText('the limitation period', 12, width)).toEqual(['the', 'limitation', 'period']);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    expect(wrapText('甲乙丙丁，戊己', 4, width)).toEqual(['甲乙丙', '丁，戊己']);
    expect(wrapText('甲乙丙《民法典》', 4, width)).toEqual(['甲乙丙', '《民法', '典》']);
  });

  it('splits a word longer than a line by character, and keeps explicit line breaks', () => {
    expect(wrapText('ABCDEFGHIJ', 4, width)).toEqual(['ABCD', 'EFGH', 'IJ']);
    expect(wrapText('甲\n乙', 10, width)).toEqual(['甲', '乙']);
  });
});
