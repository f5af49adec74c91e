// Tokens at import, the query built from what a user types, and highlighted snippets.
import { describe, expect, it } from 'vitest';
import { highlight } from './library.highlight.ts';
import { anyOf, planQuery } from './library.query.ts';
import { bigrams, indexTokens, normaliseText, segmentWords } from './library.segment.ts';

describe('segmenter and index tokens', () => {
  it('splits Chinese into dictionary words, clause by clause', () => {
    expect(segmentWords('向人民法院请求保护民事权利的诉讼时效期间为三年。')).toEqual(['向', '人民法院', '请求', '保护', '民事', '权利', '的', '诉讼', '时效', '期间', '为', '三年']);
    expect(segmentWords('机动车交通事故责任纠纷')).toContain('交通事故');
  });

  it('folds full-width Latin and digits, lower-cases, and drops zero-width characters', () => {
    expect(normaliseText('ＬＰＲ４倍\u200b利率')).toBe('lpr4倍利率');
    expect(segmentWords('一年期贷款市场报价利率（LPR）的4倍')).toEqual(expect.arrayContaining(['lpr', '4']));
  });

  it('indexes the words and the bigrams of every run of Chinese characters', () => {
    expect(bigrams('人民法院')).toEqual(['人民', '民法', '法院']);
    expect(bigrams('债')).toEqual(['债']);
    const tokens = indexTokens('人民法院。债');
    expect(tokens.words.split(' ')).toEqual(['人民法院', '债']);
    expect(tokens.bigrams.split(' ')).toEqual(['人民', '民法', '法院', '债']);
    // No bigram spans punctuation.
    expect(indexTokens('时效。期间').bigrams).toBe('时效 期间');
  });

  it('keeps a long document fast (ICU is slow on long strings, so text is segmented clause by clause)', () => {
    const text = '当事人约定同一债务分期履行的，诉讼时效期间自最后一期履行期限届满之日起计算。'.repeat(5000);
    const started = performance.now();
    const tokens = indexTokens(text);
    expect(tokens.words.length).toBeGreaterThan(100_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('planQuery', () => {
  it.each([
    // Every word must occur; a longer word as all of its bigrams (a substring wherever they stand
    // together, which ts_rank_cd's cover density ranks first).
    ['诉讼时效', "'诉讼' & '时效'", ['诉讼', '时效']],
    ['人民法院', "('人民' & '民法' & '法院')", ['人民法院']],
    ['法院', "'法院'", ['法院']],
    ['劳动合同 解除', "'劳动' & '合同' & '解除'", ['劳动', '合同', '解除']],
    // Stop words and lone characters are dropped.
    ['离婚后财产怎么分割', "'离婚' & '财产' & '分割'", ['离婚', '财产', '分割']],
    // Lone characters in a row are a word the dictionary lacks.
    ['承揽合同纠纷', "'承揽' & '合同' & '纠纷'", ['承揽', '合同', '纠纷']],
    // A run of one word plus a character is searched as typed.
    ['民法典', "('民法' & '法典')", ['民法典']],
    // A lone character is a prefix.
    ['债', "'债':*", ['债']],
    // Latin and numbers are words (a lone character beside a number is dropped: 4倍 looks for 4).
    ['LPR 4倍', "'lpr' & '4'", ['lpr', '4']],
  ])('%j → %s', (query, tsquery, terms) => {
    const plan = planQuery(query);
    expect(plan.all).toBe(tsquery);
    expect(plan.terms).toEqual(terms);
  });

  it('takes article labels out of the query as a filter', () => {
    expect(planQuery('民法典第188条')).toMatchObject({ labels: ['第一百八十八条'], terms: ['民法典'] });
    expect(planQuery('第一百八十八条')).toMatchObject({ labels: ['第一百八十八条'], all: null, terms: [] });
    expect(planQuery('刑法 第120条之1').labels).toEqual(['第一百二十条之一']);
  });

  it('relaxes to any word, leaving out words common to much of the library', () => {
    const plan = planQuery('装修公司 延期交付');
    expect(plan.terms).toEqual(['装修', '公司', '延期', '交付']);
    expect(anyOf(plan, () => 0)).toBe("'装修' | '公司' | '延期' | '交付'");
    expect(anyOf(plan, (lexeme) => (lexeme === '公司' ? 0.45 : 0.01))).toBe("'装修' | '延期' | '交付'");
    // When every word is common, the rarest one.
    expect(anyOf(plan, (lexeme) => ({ 装修: 0.3, 公司: 0.45, 延期: 0.2, 交付: 0.25 })[lexeme] ?? 1)).toBe("'延期'");
    // A longer word is as rare as its rarest bigram.
    expect(anyOf(planQuery('人民法院 xyzzy'), (lexeme) => (lexeme === '人民' ? 0.5 : 0.05))).toBe("('人民' & '民法' & '法院') | 'xyzzy'");
    expect(anyOf(planQuery('人民法院 xyzzy'), (lexeme) => (lexeme === '法院' ? 0.5 : 0.05))).toBe("('人民' & '民法' & '法院') | 'xyzzy'");
  });

  it('quotes whatever reaches the query, so nothing the user types is tsquery syntax', () => {
    for (const q of ["a'b", 'a\\b', "':* | !", '诉讼 & | ! ( ) <-> :* \'']) {
      const plan = planQuery(q);
      for (const part of (plan.all ?? '').split(/\s*(?:&|\||<->|\(|\))\s*/).filter(Boolean)) {
        expect(part, q).toMatch(/^'(?:[^'\\]|''|\\\\)+'(?::\*)?$/);
      }
    }
  });

  it('finds nothing to search in punctuation alone', () => {
    expect(planQuery('！？。…')).toMatchObject({ all: null, words: [], labels: [] });
  });
});

describe('highlight', () => {
  const text = '向人民法院请求保护民事权利的诉讼时效期间为三年。法律另有规定的，依照其规定。';

  it('marks every occurrence, as text segments', () => {
    expect(highlight(text, ['诉讼时效', '三年'])).toEqual([
      { text: '向人民法院请求保护民事权利的', hit: false },
      { text: '诉讼时效', hit: true },
      { text: '期间为', hit: false },
      { text: '三年', hit: true },
      { text: '。法律另有规定的，依照其规定。', hit: false },
    ]);
  });

  it('cuts a long text around its hits, with ellipses', () => {
    const long = `${'甲'.repeat(300)}诉讼时效${'乙'.repeat(300)}`;
    const snippet = highlight(long, ['诉讼时效'], 60);
    expect(snippet[0]).toEqual({ text: '…', hit: false });
    expect(snippet.at(-1)).toEqual({ text: '…', hit: false });
    expect(snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['诉讼时效']);
    expect(snippet.map((s) => s.text).join('').length).toBeLessThanOrEqual(62);
  });

  it('returns markup in the text as text (the web renders it as such)', () => {
    expect(highlight('<script>alert(1)</script>诉讼', ['诉讼'])).toEqual([
      { text: '<script>alert(1)</script>', hit: false },
      { text: '诉讼', hit: true },
    ]);
  });

  it('never splits a character outside the basic plane', () => {
    const rare = `${'𠀀'.repeat(100)}诉讼${'𠀀'.repeat(100)}`;
    for (const s of highlight(rare, ['诉讼'], 41)) expect(s.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });
});
