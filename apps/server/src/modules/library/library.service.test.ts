// The library on a real database: the shipped starting set, search with its filters and highlights,
// and the importer's promises (idempotent, replaces changed files in place, reports bad ones and goes on).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { uuid } from '../../platform/clock/index.ts';
import { folderSources, importLibrary, loadCauses, seedLibrary, createLibraryService, LIBRARY_SEED_DIR, type ImportSource } from './index.ts';

let database: TestDatabase;
let library: ReturnType<typeof createLibraryService>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-library-'));

const write = (rel: string, content: string | Buffer) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), content);
};
const importDir = (sources: ImportSource[] = folderSources(dir)) => importLibrary(database.db, sources, { id: uuid, tidy: true, batchFiles: 3 });
const search = (q: string, extra: Record<string, unknown> = {}) => library.search({ q, limit: 20, ...extra });
const labelsOf = (r: Awaited<ReturnType<typeof search>>) => r.items.map((h) => `${h.title}${h.subtitle ? `·${h.subtitle}` : ''} ${h.article.label ?? ''}`.trim());

const law = (title: string, history: string[], articles: string[]) =>
  [`# ${title}`, '', ...history.flatMap((h) => [h, '']), '<!-- INFO END -->', '', ...articles.flatMap((a) => [a, ''])].join('\n');

beforeAll(async () => {
  database = await createTestDatabase();
  library = createLibraryService({ db: database.db });
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the shipped starting set', () => {
  it('loads, and 诉讼时效 finds the Civil Code’s 第一百八十八条 with the words marked', async () => {
    const report = await seedLibrary(database.db);
    expect(report).toMatchObject({ files: 8, imported: 8, failed: [], skipped: [], duplicates: [] });
    const result = await search('诉讼时效');
    expect(result.match).toBe('all');
    const hit = result.items.find((h) => h.article.label === '第一百八十八条');
    expect(hit, labelsOf(result).join('\n')).toBeDefined();
    expect(hit).toMatchObject({ title: '中华人民共和国民法典', subtitle: '总则', kind: 'law', article: { headings: ['第九章 诉讼时效'] } });
    expect(hit!.snippet.filter((s) => s.hit).map((s) => s.text)).toContain('诉讼时效');
    expect(hit!.snippet.map((s) => s.text).join('')).toContain('向人民法院请求保护民事权利的诉讼时效期间为三年');
    // Every hit is in the limitation chapter or mentions 诉讼时效 (the 诉讼费用 articles merely share 诉讼).
    for (const h of result.items) expect(h.snippet.some((s) => s.hit)).toBe(true);
  });

  it('a second load changes nothing', async () => {
    const ids = await database.db.execute(sql`select id, imported_at from library_document order by id`);
    const report = await seedLibrary(database.db);
    expect(report).toMatchObject({ files: 8, imported: 0, replaced: 0, unchanged: 8, articles: 0 });
    expect((await database.db.execute(sql`select id, imported_at from library_document order by id`)).rows).toEqual(ids.rows);
  });

  it('reads a document and an article by label, 第188条 or 188 alike, with its neighbours', async () => {
    const hit = (await search('民法典 第一百八十八条')).items[0]!;
    expect(hit.article.label).toBe('第一百八十八条');
    const document = await library.getDocument(hit.documentId);
    expect(document).toMatchObject({ title: '中华人民共和国民法典', subtitle: '总则', issuingBody: '全国人民代表大会', effectiveOn: '2021-01-01', supersededOn: null });
    expect(document.articles.map((a) => a.label)).toEqual(
      Array.from({ length: 17 }, (_, i) => `第${['一百八十八', '一百八十九', '一百九十', '一百九十一', '一百九十二', '一百九十三', '一百九十四', '一百九十五', '一百九十六', '一百九十七', '一百九十八', '一百九十九', '二百', '二百零一', '二百零二', '二百零三', '二百零四'][i]}条`),
    );
    for (const label of ['第一百八十八条', '第188条', '188']) {
      const detail = await library.getArticle(hit.documentId, label, '诉讼时效');
      expect(detail).toMatchObject({ article: { label: '第一百八十八条', number: 188 }, previous: null, next: '第一百八十九条' });
      expect(detail.highlighted!.filter((s) => s.hit).map((s) => s.text)).toEqual(['诉讼时效', '诉讼时效']);
    }
    await expect(library.getArticle(hit.documentId, '第一条')).rejects.toMatchObject({ code: 'LIBRARY_ARTICLE_NOT_FOUND' });
    await expect(library.getDocument(uuid())).rejects.toMatchObject({ code: 'LIBRARY_DOCUMENT_NOT_FOUND' });
  });

  it('links causes of action to the articles they rest on, saying which the library lacks', async () => {
    const loans = await library.causeArticles('民间借贷纠纷');
    const resolved = loans.articles.filter((a) => a.documentId);
    expect(resolved.map((a) => a.label)).toEqual(['第六百六十七条', '第六百七十五条', '第六百七十六条', '第六百七十九条', '第六百八十条', '第一百八十八条']);
    expect(resolved[0]!.text).toContain('借款合同是借款人向贷款人借款');
    // The SPC's private lending rules are not in the starting set.
    expect(loans.articles.filter((a) => !a.documentId).map((a) => a.documentTitle)).toEqual(Array(4).fill('最高人民法院关于审理民间借贷案件适用法律若干问题的规定'));
    const causes = await library.listCauses();
    expect(causes.items.map((c) => c.name).sort()).toEqual(['劳动争议', '民间借贷纠纷', '物业服务合同纠纷', '离婚纠纷', '机动车交通事故责任纠纷'].sort());
    await expect(library.causeArticles('不存在的纠纷')).rejects.toMatchObject({ code: 'LIBRARY_CAUSE_NOT_FOUND' });
  });
});

describe('cause links as data', () => {
  it('are loaded once; a court’s own edits are kept', async () => {
    await database.db.execute(sql`update library_cause_article set note = '本院补充说明' where cause_name = '离婚纠纷' and ordinal = 1`);
    expect(await loadCauses(database.db)).toEqual([]);
    expect((await library.causeArticles('离婚纠纷')).articles[0]).toMatchObject({ label: '第一千零七十六条', note: '本院补充说明' });
  });
});

describe('search', () => {
  it('filters by kind, document and label', async () => {
    const regulations = await search('诉讼费用', { kind: 'regulation' });
    expect(regulations.items.length).toBeGreaterThan(0);
    expect(new Set(regulations.items.map((h) => h.title))).toEqual(new Set(['诉讼费用交纳办法']));
    const all = await search('调解');
    const mediationLaw = all.items.find((h) => h.title === '中华人民共和国人民调解法')!;
    const inOne = await search('调解', { documentId: mediationLaw.documentId });
    expect(inOne.items.length).toBeGreaterThan(0);
    expect(inOne.items.every((h) => h.documentId === mediationLaw.documentId)).toBe(true);
    const labelled = await search('调解', { label: '第17条' });
    expect(labelled.items.map((h) => h.article.label)).toEqual(labelled.items.map(() => '第十七条'));
    expect(labelled.labels).toEqual(['第十七条']);
  });

  it('pages with a cursor, and relaxes to any word when nothing has them all', async () => {
    const first = await library.search({ q: '调解', limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await library.search({ q: '调解', limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((h) => h.article.id)).not.toEqual(expect.arrayContaining(first.items.map((h) => h.article.id)));
    const relaxed = await search('xyzzy 人民调解委员会');
    expect(relaxed.match).toBe('any');
    expect(relaxed.items[0]!.title).toBe('中华人民共和国人民调解法');
    const none = await search('xyzzy');
    expect(none).toMatchObject({ items: [], nextCursor: null });
  });

  it('finds a word inside a longer one (法院 in 人民法院) and a lone character', async () => {
    expect((await search('法院')).items.some((h) => h.snippet.some((s) => s.hit && s.text === '法院'))).toBe(true);
    expect((await search('债')).items.length).toBeGreaterThan(0);
  });

  it('refuses a query with nothing to look for', async () => {
    await expect(search('。。。')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ pointer: '/querystring/q' }] });
  });
});

describe('importing a folder', () => {
  const V1 = law('中华人民共和国示例法', ['2010年1月1日 第十一届全国人民代表大会常务委员会第十次会议通过', '2010年7月1日 施行'], ['第一条 示例旧规定：借款利率不得超过百分之二十四。']);
  const V2 = law('中华人民共和国示例法', ['2020年1月1日 第十三届全国人民代表大会常务委员会第十五次会议修订', '2021年1月1日 施行'], ['第一条 示例新规定：借款利率以市场报价利率四倍为限。', '第二条 示例补充规定：利息按年计算。']);

  it('reports each file it could not read or parse, and imports the rest', async () => {
    write('示例/示例法(2010).md', V1);
    write('示例/示例法(2021).md', V2);
    write('坏/没有标记.md', '# 某法\n\n第一条 正文。\n');
    write('坏/不是UTF8.md', Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
    write('坏/空的.md', '# 某法\n\n<!-- INFO END -->\n');
    write('坏/_index.md', '---\nbookCollapseSection: true\n---\n');
    write('重复/示例法(2021).md', V2);
    const unreadable: ImportSource = { path: '坏/读不出.md', read: () => Promise.reject(new Error('EACCES: permission denied')) };
    const report = await importDir([...folderSources(dir), unreadable]);
    expect(report).toMatchObject({ files: 8, imported: 2, replaced: 0, unchanged: 0 });
    expect([...report.failed].sort((a, b) => a.path.localeCompare(b.path))).toEqual(
      [
        { path: '坏/不是UTF8.md', reason: '不是 UTF-8 编码的文本' },
        { path: '坏/没有标记.md', reason: expect.stringContaining('缺少 <!-- INFO END --> 标记') },
        { path: '坏/空的.md', reason: '正文为空' },
        { path: '坏/读不出.md', reason: '无法读取：EACCES: permission denied' },
      ].sort((a, b) => a.path.localeCompare(b.path)),
    );
    expect(report.skipped).toEqual([{ path: '坏/_index.md', reason: expect.stringContaining('目录页') }]);
    expect(report.duplicates).toEqual([{ path: '重复/示例法(2021).md', sameAs: '示例/示例法(2021).md' }]);
  });

  it('links versions: the old one is superseded when the new one took effect, and found only on dates before', async () => {
    const current = await search('示例');
    expect(current.items.map((h) => h.article.label).sort()).toEqual(['第一条', '第二条'].sort());
    for (const hit of current.items) expect(hit).toMatchObject({ inForceFrom: '2021-01-01', supersededOn: null });
    const before = await search('示例', { effectiveOn: '2015-06-01' });
    expect(before.items.map((h) => [h.article.label, h.inForceFrom, h.supersededOn])).toEqual([['第一条', '2010-07-01', '2021-01-01']]);
    expect((await search('示例', { effectiveOn: '2009-01-01' })).items).toEqual([]);
    expect((await search('示例', { effectiveOn: '2021-01-01' })).items).toHaveLength(2);
  });

  it('skips unchanged files, and replaces a changed one in place', async () => {
    const before = (await search('利息按年计算')).items.find((h) => h.title === '中华人民共和国示例法');
    const again = await importDir();
    expect(again).toMatchObject({ imported: 0, replaced: 0, unchanged: 2, articles: 0, duplicates: [{ path: '重复/示例法(2021).md' }] });
    // (Once the original changes, the old copy would be a document of its own.)
    fs.rmSync(path.join(dir, '重复'), { recursive: true });
    write('示例/示例法(2021).md', V2.replace('第二条 示例补充规定：利息按年计算。', '第二条 示例附则：自公布之日起施行。\n\n第三条 示例新增规定。'));
    const changed = await importDir();
    expect(changed).toMatchObject({ imported: 0, replaced: 1, unchanged: 1, articles: 3 });
    expect((await search('利息按年计算')).items.filter((h) => h.documentId === before!.documentId)).toEqual([]);
    const [after] = (await search('自公布之日起施行')).items;
    expect(after!.documentId).toBe(before!.documentId);
    expect((await library.getDocument(after!.documentId)).articles.map((a) => a.label)).toEqual(['第一条', '第二条', '第三条']);
  });

  it('never lets the demo excerpts replace a full text imported before them', async () => {
    const fresh = await createTestDatabase();
    try {
      write('full/民法典/总则.md', fs.readFileSync(path.join(LIBRARY_SEED_DIR, '民法典/总则.md'), 'utf8').replace('## 第九章', '## 第八章 民事责任\n\n第一百七十六条 民事主体依照法律规定或者按照当事人约定，履行民事义务，承担民事责任。\n\n## 第九章'));
      await importLibrary(fresh.db, folderSources(path.join(dir, 'full')), { id: uuid });
      expect(await seedLibrary(fresh.db)).toMatchObject({ imported: 7, unchanged: 1, replaced: 0 });
      const hits = await createLibraryService({ db: fresh.db }).search({ q: '民事责任', limit: 5 });
      expect(hits.items.map((h) => h.article.label)).toContain('第一百七十六条');
    } finally {
      await fresh.drop();
      fs.rmSync(path.join(dir, 'full'), { recursive: true });
    }
  });

  it('keeps the stored version of a file that became unparseable', async () => {
    write('示例/示例法(2010).md', '# 中华人民共和国示例法\n\n第一条 没有标记了。\n');
    const report = await importDir();
    expect(report.failed.map((f) => f.path)).toContain('示例/示例法(2010).md');
    expect((await search('示例旧规定', { effectiveOn: '2015-06-01' })).items).toHaveLength(1);
  });
});
