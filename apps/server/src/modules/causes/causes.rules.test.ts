import { describe, expect, it } from 'vitest';
import { causeCatalogue } from './index.ts';
import { createCauseCatalogue, fileable } from './causes.rules.ts';

describe('the 2021 cause catalogue (2020 amendment)', () => {
  const v = causeCatalogue.info('2021')!;
  it('has the 11 parts and 54 categories of the text, numbered in order', () => {
    expect(v.tree).toHaveLength(11);
    const categories = v.tree.flatMap((p) => p.children ?? []);
    expect(categories.map((c) => c.code)).toEqual(Array.from({ length: 54 }, (_, i) => `C${i + 1}`));
    expect(v.tree[3]!.name).toBe('合同、准合同纠纷');
    expect(categories[36]!.name).toBe('确认调解协议案件');
  });

  it.each([
    ['14', '离婚纠纷', ['婚姻家庭、继承纠纷', '婚姻家庭纠纷', '离婚纠纷']],
    ['8.2', '个人信息保护纠纷', ['人格权纠纷', '人格权纠纷', '隐私权、个人信息保护纠纷', '个人信息保护纠纷']],
    ['C37', '确认调解协议案件', ['非讼程序案件案由', '确认调解协议案件']],
  ])('finds %s (%s) with its path', (code, name, path) => {
    const hit = causeCatalogue.find('2021', code)!;
    expect(hit.name).toBe(name);
    expect(hit.path).toEqual(path);
  });

  it.each([
    ['2021', '999', false],
    ['1999', '14', false],
    ['2021', 'P1', true],
  ])('version %s code %s is known: %s', (version, code, known) => {
    expect(!!causeCatalogue.find(version, code)).toBe(known);
  });

  it('files a matter under a category or cause, not a whole part', () => {
    expect(fileable(causeCatalogue.find('2021', 'P1')!)).toBe(false);
    expect(fileable(causeCatalogue.find('2021', 'C10')!)).toBe(true);
    expect(fileable(causeCatalogue.find('2021', '14')!)).toBe(true);
  });

  it('searches by name, most specific first', () => {
    const hits = causeCatalogue.search('2021', '抚养');
    expect(hits.map((h) => h.name)).toEqual(expect.arrayContaining(['抚养纠纷', '抚养费纠纷', '同居关系子女抚养纠纷']));
    expect(hits[0]!.level).toBe(4);
    expect(causeCatalogue.search('1999', '抚养')).toEqual([]);
  });

  it('refuses a catalogue with a duplicate code', () => {
    expect(() => createCauseCatalogue([{ ...v, tree: [...v.tree, v.tree[0]!] }])).toThrow(/duplicate/);
  });
});
