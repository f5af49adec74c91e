// The library's HTTP face: public reads, and bad input answered with problem+json naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { seedLibrary } from './index.ts';

let ctx: TestContext;
const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

beforeAll(async () => {
  ctx = await startTestApp();
  await seedLibrary(ctx.database.db);
});
afterAll(async () => {
  await ctx?.close();
});

describe('GET /api/v1/library/search (no sign-in)', () => {
  it('finds 第一百八十八条 for 诉讼时效 on the first page, with marked snippets and a cursor', async () => {
    const res = await get(`/api/v1/library/search?${q({ q: '诉讼时效', limit: '12' })}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ match: 'all', terms: ['诉讼', '时效'], labels: [] });
    expect(body.items).toHaveLength(12);
    // The limitation chapter (arts. 188–199) comes first.
    expect(body.items.every((h: { article: { headings: string[] } }) => h.article.headings[0] === '第九章 诉讼时效')).toBe(true);
    const hit = body.items.find((h: { article: { label: string } }) => h.article.label === '第一百八十八条');
    expect(hit).toMatchObject({ title: '中华人民共和国民法典', kind: 'law', documentId: expect.any(String), score: expect.any(Number) });
    expect(hit.snippet).toContainEqual({ text: '诉讼时效', hit: true });
    expect(hit.article).not.toHaveProperty('text');
  });

  it('pages through the same hits with the cursor', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    for (const expected of [5, 5, 2]) {
      const res = await get(`/api/v1/library/search?${q({ q: '诉讼时效', limit: '5', ...(cursor ? { cursor } : {}) })}`);
      const body = res.json();
      expect(body.items).toHaveLength(expected);
      seen.push(...body.items.map((h: { article: { id: number } }) => h.article.id));
      cursor = body.nextCursor ?? undefined;
    }
    expect(cursor).toBeUndefined();
    expect(new Set(seen).size).toBe(12);
  });

  it('filters by kind, label and effective date', async () => {
    const res = await get(`/api/v1/library/search?${q({ q: '诉讼费用', kind: 'regulation', label: '第6条', effectiveOn: '2010-01-01' })}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((h: { title: string; article: { label: string } }) => [h.title, h.article.label])).toEqual([['诉讼费用交纳办法', '第六条']]);
    const before = await get(`/api/v1/library/search?${q({ q: '诉讼费用', kind: 'regulation', effectiveOn: '2000-01-01' })}`);
    expect(before.json().items).toEqual([]);
  });

  const badInput: [string, Record<string, string>, string][] = [
    ['a 10,000-character query', { q: '诉'.repeat(10_000) }, '/querystring/q'],
    ['control characters', { q: '\u0000\u0001\u001b[31m' }, '/querystring/q'],
    ['a control character inside words', { q: '诉讼\u0007时效' }, '/querystring/q'],
    ['a bidirectional override', { q: '诉讼\u202e时效' }, '/querystring/q'],
    ['an empty query', { q: '   ' }, '/querystring/q'],
    ['punctuation only', { q: '！？。' }, '/querystring/q'],
    ['no query at all', {}, '/querystring/q'],
    ['an unknown kind', { q: '诉讼', kind: 'poem' }, '/querystring/kind'],
    ['a malformed document id', { q: '诉讼', documentId: 'x' }, '/querystring/documentId'],
    ['an impossible date', { q: '诉讼', effectiveOn: '2021-02-30' }, '/querystring/effectiveOn'],
    ['a huge limit', { q: '诉讼', limit: '100000' }, '/querystring/limit'],
    ['a forged cursor', { q: '诉讼', cursor: 'eyJvIjo5OTk5OTk5fQ' }, '/querystring/cursor'],
    ['a cursor that is not one', { q: '诉讼', cursor: '!!!' }, '/querystring/cursor'],
  ];
  it.each(badInput)('answers %s with 400 problem+json naming the field', async (_name, params, pointer) => {
    const res = await get(`/api/v1/library/search?${q(params)}`, { 'accept-language': 'zh-CN' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: expect.arrayContaining([expect.objectContaining({ pointer })]) });
  });

  it('says what is wrong in the language asked for', async () => {
    const res = await get(`/api/v1/library/search?${q({ q: '诉'.repeat(10_000) })}`, { 'accept-language': 'en' });
    expect(res.json()).toMatchObject({ title: 'The request is invalid', errors: [{ pointer: '/querystring/q' }] });
  });

  it('never fails on malformed encodings or repeated parameters', async () => {
    for (const raw of ['q=%E4%B8', 'q=%ZZ%', 'q=%00', 'q=a&q=b', 'q=%F0%9F%98%80', 'q=' + '%E8%AF%89'.repeat(3000), 'q=诉讼&limit=-1', 'q=诉讼&limit=1.5']) {
      const res = await get(`/api/v1/library/search?${raw}`);
      expect([200, 400], `${raw.slice(0, 30)}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      if (res.statusCode === 400) expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers a query of symbols that only look like tsquery syntax', async () => {
    for (const text of ["'", '\\', '& | ! <->', "诉讼' | '时效", '诉讼:* & !时效']) {
      const res = await get(`/api/v1/library/search?${q({ q: text })}`);
      expect([200, 400], `${text}: ${res.body}`).toContain(res.statusCode);
    }
  });
});

describe('documents, articles and causes', () => {
  let documentId: string;
  beforeAll(async () => {
    const res = await get(`/api/v1/library/search?${q({ q: '民法典 第188条' })}`);
    documentId = res.json().items[0].documentId;
  });

  it('serves a document with its articles', async () => {
    const res = await get(`/api/v1/library/documents/${documentId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: '中华人民共和国民法典', subtitle: '总则', articleCount: 17, history: [{ date: '2020-05-28' }, { date: '2021-01-01', event: '施行' }] });
  });

  it('serves an article by its label, however written, with the search words marked', async () => {
    for (const label of ['第一百八十八条', '第188条', '188']) {
      const res = await get(`/api/v1/library/documents/${documentId}/articles/${encodeURIComponent(label)}?${q({ q: '二十年' })}`);
      expect(res.statusCode, label).toBe(200);
      expect(res.json()).toMatchObject({ article: { label: '第一百八十八条' }, next: '第一百八十九条', highlighted: expect.arrayContaining([{ text: '二十年', hit: true }]) });
    }
  });

  it('answers 404 for what is not there, and 400 for a malformed id', async () => {
    expect((await get(`/api/v1/library/documents/${documentId}/articles/${encodeURIComponent('第九百条')}`)).json()).toMatchObject({ status: 404, code: 'LIBRARY_ARTICLE_NOT_FOUND' });
    expect((await get('/api/v1/library/documents/00000000-0000-4000-8000-000000000000')).json()).toMatchObject({ status: 404, code: 'LIBRARY_DOCUMENT_NOT_FOUND' });
    expect((await get('/api/v1/library/documents/not-an-id')).statusCode).toBe(400);
    const control = await get(`/api/v1/library/documents/${documentId}/articles/${encodeURIComponent('第一条\u0000')}`);
    expect(control.json()).toMatchObject({ status: 400, errors: [{ pointer: '/params/label' }] });
  });

  it('lists causes and the articles each rests on', async () => {
    const causes = await get('/api/v1/library/causes');
    expect(causes.json().items).toContainEqual({ name: '离婚纠纷', code: null, articleCount: 8 });
    const divorce = await get(`/api/v1/library/causes/${encodeURIComponent('离婚纠纷')}/articles`);
    expect(divorce.statusCode).toBe(200);
    const articles = divorce.json().articles;
    expect(articles[1]).toMatchObject({ documentTitle: '中华人民共和国民法典', label: '第一千零七十九条', note: '诉讼离婚与准予离婚的情形', documentId: expect.any(String) });
    expect(articles[1].text).toContain('夫妻一方要求离婚的');
    expect((await get(`/api/v1/library/causes/${encodeURIComponent('不存在的纠纷')}/articles`)).json()).toMatchObject({ status: 404, code: 'LIBRARY_CAUSE_NOT_FOUND' });
  });
});
