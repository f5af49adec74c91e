// The whole shared law corpus (../shared/data/laws, ~1,600 real documents), when this machine has it.
// A fresh clone does not: then these tests are skipped, and say why.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { uuid } from '../../platform/clock/index.ts';
import { createLibraryService, folderSources, importLibrary, loadCauses, type ImportReport } from './index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const CORPUS = path.resolve(repoRoot, '../shared/data/laws');
const corpusPresent = fs.existsSync(path.join(CORPUS, 'SOURCE.md'));

// Skipped without the corpus: it is not part of the repository (see DESIGN "Where the rules come from").
describe.skipIf(!corpusPresent)(`the whole law corpus (${CORPUS})`, () => {
  let database: TestDatabase;
  let report: ImportReport;

  beforeAll(async () => {
    database = await createTestDatabase();
    report = await importLibrary(database.db, folderSources(CORPUS), { id: uuid, tidy: true });
    await loadCauses(database.db);
  }, 600_000);
  afterAll(async () => {
    await database?.drop();
  });

  it('imports every document; reports the README it cannot parse, skips the indexes and the template, keeps duplicates once', () => {
    expect(report.failed).toEqual([{ path: 'SOURCE.md', reason: expect.stringContaining('INFO END') }]);
    expect(report.skipped.map((s) => s.path)).toContain('法律法规模版.md');
    expect(report.skipped.every((s) => s.path.endsWith('_index.md') || s.path === '法律法规模版.md')).toBe(true);
    expect(report.imported + report.failed.length + report.skipped.length + report.duplicates.length).toBe(report.files);
    expect(report.imported).toBeGreaterThan(1500);
    expect(report.articles).toBeGreaterThan(60_000);
    for (const d of report.duplicates) expect(path.basename(d.path)).toBe(path.basename(d.sameAs));
  });

  it('finds the Civil Code’s 第一百八十八条 for 诉讼时效 on the first page', async () => {
    const result = await createLibraryService({ db: database.db }).search({ q: '诉讼时效', limit: 20 });
    expect(result.items.map((h) => `${h.title} ${h.article.label}`)).toContain('中华人民共和国民法典 第一百八十八条');
  });

  it('resolves every cause-of-action link to an article in force', async () => {
    const library = createLibraryService({ db: database.db });
    for (const { name } of (await library.listCauses()).items) {
      const { articles } = await library.causeArticles(name);
      const missing = articles.filter((a) => !a.documentId || !a.text).map((a) => `${a.documentTitle} ${a.label}`);
      expect(missing, name).toEqual([]);
    }
  });

  it('links the two versions of the Civil Procedure Law', async () => {
    const library = createLibraryService({ db: database.db });
    const current = await library.search({ q: '民事诉讼法 起诉必须符合下列条件', kind: 'law', limit: 5 });
    expect(current.items[0]).toMatchObject({ title: '中华人民共和国民事诉讼法', inForceFrom: '2023-09-01', supersededOn: null });
    const earlier = await library.search({ q: '民事诉讼法 起诉必须符合下列条件', kind: 'law', effectiveOn: '2022-06-01', limit: 5 });
    expect(earlier.items[0]).toMatchObject({ title: '中华人民共和国民事诉讼法', inForceFrom: '2021-12-24', supersededOn: '2023-09-01' });
  });

  it('imports it again without writing anything', async () => {
    const again = await importLibrary(database.db, folderSources(CORPUS), { id: uuid });
    expect(again).toMatchObject({ imported: 0, replaced: 0, unchanged: report.imported, articles: 0 });
  }, 120_000);
});
