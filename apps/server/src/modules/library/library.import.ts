// Imports Markdown documents (library.parse.ts) into the library. Idempotent: a file whose content hash
// is already stored for its path is skipped; a changed file replaces its document (same id) and its
// articles in one transaction. A file that cannot be read or parsed is reported with the reason and
// the import goes on. Files are written in batches, each batch one transaction with multi-row inserts;
// if a batch fails, its files are retried one by one so that only the bad one is reported.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IdGenerator } from '../../platform/clock/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { parseLawMarkdown, type ParsedDocument } from './library.parse.ts';
import { indexTokens } from './library.segment.ts';
import { libraryStore, type NewArticle, type NewDocument } from './library.store.ts';

export type ImportSource = { path: string; read(): Promise<Buffer> };

export type ImportProblem = { path: string; reason: string };

export type ImportReport = {
  files: number;
  imported: number;
  replaced: number;
  unchanged: number;
  articles: number;
  /** Files whose content is identical to a document already in the library under another path. */
  duplicates: { path: string; sameAs: string }[];
  /** Not documents: section indexes, the template. */
  skipped: ImportProblem[];
  failed: ImportProblem[];
  ms: number;
};

export type ImportProgress = { done: number; total: number; path: string };

export type ImportOptions = {
  id: IdGenerator;
  onProgress?: (p: ImportProgress) => void;
  /** Files per transaction. */
  batchFiles?: number;
  /** Merge the index's pending list and ANALYZE afterwards (not inside a caller's transaction). */
  tidy?: boolean;
  /** Leave documents already imported from a path as they are, changed or not (the demo's excerpts must not replace the full texts). */
  keepExisting?: boolean;
};

/** Larger files are refused: the biggest real document (人民检察院刑事诉讼规则) is ~310 KB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Every .md file under a folder, recursively, by relative path (with /), in a stable order. */
export function folderSources(root: string): ImportSource[] {
  const out: ImportSource[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        out.push({ path: path.relative(root, full).split(path.sep).join('/').normalize('NFC'), read: () => fs.promises.readFile(full) });
      }
    }
  };
  walk(root);
  return out;
}

type Prepared = { path: string; hash: string; document: ParsedDocument };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The rows of one parsed document, tokens and all. */
export function documentRows(id: string, p: Prepared): { document: NewDocument; articles: NewArticle[] } {
  const d = p.document;
  const title = indexTokens([d.title, d.subtitle].filter(Boolean).join(' '));
  const titleTokens = `${title.words} ${title.bigrams}`.trim();
  const headingCache = new Map<string, string>();
  const headingTokensOf = (headings: string[]) => {
    const key = headings.join('\u001f');
    let tokens = headingCache.get(key);
    if (tokens === undefined) {
      const t = indexTokens(headings.join(' '));
      tokens = `${t.words} ${t.bigrams}`.trim();
      headingCache.set(key, tokens);
    }
    return tokens;
  };
  const articles = d.passages.map((passage, i): NewArticle => {
    const t = indexTokens(passage.text);
    return {
      documentId: id,
      ordinal: i + 1,
      type: passage.type,
      label: passage.label,
      number: passage.number,
      headings: passage.headings,
      text: passage.text,
      titleTokens,
      headingTokens: headingTokensOf(passage.headings),
      tokens: t.words,
      bigramTokens: t.bigrams,
      kind: d.kind,
      inForceFrom: d.inForceFrom,
    };
  });
  const document: NewDocument = {
    id,
    kind: d.kind,
    title: d.title,
    subtitle: d.subtitle,
    issuingBody: d.issuingBody,
    promulgatedOn: d.promulgatedOn,
    effectiveOn: d.effectiveOn,
    amendedOn: d.amendedOn,
    inForceFrom: d.inForceFrom,
    status: d.status,
    history: d.history,
    notes: d.notes,
    sourcePath: p.path,
    contentHash: p.hash,
    articleCount: articles.length,
  };
  return { document, articles };
}

type Stored = Map<string, { id: string; title: string; contentHash: string }>;

/** A batch ready to write: rows built (and tokenised) outside the transaction. */
type Batch = { rows: { document: NewDocument; articles: NewArticle[] }[]; replacedIds: string[]; titles: string[] };

/** Lets the event loop run (the previous batch's statements) between documents while tokenising. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function buildBatch(prepared: Prepared[], existing: Stored, id: IdGenerator): Promise<Batch> {
  const rows: Batch['rows'] = [];
  for (const p of prepared) {
    rows.push(documentRows(existing.get(p.path)?.id ?? id(), p));
    await yieldToLoop();
  }
  // A replaced document may have changed its title: both its old and its new versions are relinked.
  const titles = [...rows.map((r) => r.document.title), ...prepared.flatMap((p) => existing.get(p.path)?.title ?? [])];
  return { rows, replacedIds: prepared.flatMap((p) => existing.get(p.path)?.id ?? []), titles: [...new Set(titles)] };
}

async function writeBatch(tx: Executor, batch: Batch): Promise<number> {
  await libraryStore.upsertDocuments(tx, batch.rows.map((r) => r.document));
  await libraryStore.deleteArticlesOf(tx, batch.replacedIds);
  const articles = batch.rows.flatMap((r) => r.articles);
  await libraryStore.insertArticles(tx, articles);
  await libraryStore.relinkVersions(tx, batch.titles);
  return articles.length;
}

/** The database's own message (Drizzle wraps it with the query text). */
const dbMessage = (err: unknown) => {
  const e = err as Error & { cause?: Error };
  return (e.cause?.message ?? e.message).split('\n')[0];
};

export async function importLibrary(db: Executor, sources: ImportSource[], opts: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const batchFiles = opts.batchFiles ?? 100;
  const report: ImportReport = { files: sources.length, imported: 0, replaced: 0, unchanged: 0, articles: 0, duplicates: [], skipped: [], failed: [], ms: 0 };
  const seenHashes = new Map<string, string>();
  const seenPaths = new Set<string>();
  let done = 0;
  const progress = (p: string) => opts.onProgress?.({ done: ++done, total: sources.length, path: p });
  const problem = (list: ImportProblem[], path: string, reason: string) => {
    list.push({ path, reason });
    progress(path);
  };

  /** Reads, hashes, sorts out unchanged, duplicate and bad files, and parses the rest. */
  async function prepare(slice: ImportSource[]): Promise<{ prepared: Prepared[]; existing: Stored }> {
    const read = await Promise.all(
      slice.map(async (s): Promise<{ path: string; bytes?: Buffer; hash?: string; error?: string }> => {
        try {
          const bytes = await s.read();
          if (bytes.length > MAX_FILE_BYTES) return { path: s.path, error: `文件过大（${Math.round(bytes.length / 1024)} KB，上限 ${MAX_FILE_BYTES / 1024 / 1024} MB）` };
          return { path: s.path, bytes, hash: createHash('sha256').update(bytes).digest('hex') };
        } catch (err) {
          return { path: s.path, error: `无法读取：${(err as Error).message}` };
        }
      }),
    );
    const existing = await libraryStore.documentsAtPaths(db, slice.map((s) => s.path));
    const elsewhere = await libraryStore.pathsWithHashes(db, read.flatMap((r) => (r.hash ? [r.hash] : [])));
    const prepared: Prepared[] = [];
    for (const r of read) {
      if (seenPaths.has(r.path)) {
        problem(report.failed, r.path, '同一路径在本次导入中出现两次');
        continue;
      }
      seenPaths.add(r.path);
      if (r.error || !r.bytes || !r.hash) {
        problem(report.failed, r.path, r.error ?? '无法读取');
        continue;
      }
      const stored = existing.get(r.path);
      if (stored && (stored.contentHash === r.hash || opts.keepExisting)) {
        report.unchanged++;
        progress(r.path);
        continue;
      }
      let text: string;
      try {
        text = utf8.decode(r.bytes);
      } catch {
        problem(report.failed, r.path, '不是 UTF-8 编码的文本');
        continue;
      }
      const outcome = parseLawMarkdown(text, r.path);
      if (outcome.status !== 'parsed') {
        problem(outcome.status === 'failed' ? report.failed : report.skipped, r.path, outcome.reason);
        continue;
      }
      // The same document filed under two folders (the corpus has a few) is kept once.
      const sameAs = seenHashes.get(r.hash) ?? (elsewhere.get(r.hash) !== r.path ? elsewhere.get(r.hash) : undefined);
      if (sameAs && !stored) {
        report.duplicates.push({ path: r.path, sameAs });
        progress(r.path);
        continue;
      }
      seenHashes.set(r.hash, r.path);
      prepared.push({ path: r.path, hash: r.hash, document: outcome.document });
    }
    return { prepared, existing };
  }

  /** One transaction for the batch; if the database refuses it, each file on its own, to name the bad one. */
  async function write(prepared: Prepared[], existing: Stored, batch: Batch) {
    const count = (p: Prepared) => (existing.has(p.path) ? report.replaced++ : report.imported++);
    try {
      report.articles += await db.transaction((tx) => writeBatch(tx, batch));
      prepared.forEach(count);
    } catch {
      for (const p of prepared) {
        try {
          const single = await buildBatch([p], existing, opts.id);
          report.articles += await db.transaction((tx) => writeBatch(tx, single));
          count(p);
        } catch (err) {
          report.failed.push({ path: p.path, reason: `写入数据库失败：${dbMessage(err)}` });
        }
      }
    }
    for (const p of prepared) progress(p.path);
  }

  // Two stages: the next batch is read, parsed and tokenised while the previous one is being written.
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < sources.length; start += batchFiles) {
    const { prepared, existing } = await prepare(sources.slice(start, start + batchFiles));
    const batch = await buildBatch(prepared, existing, opts.id);
    await writing;
    writing = prepared.length ? write(prepared, existing, batch) : Promise.resolve();
  }
  await writing;
  if (opts.tidy && report.imported + report.replaced > 0) await libraryStore.tidyAfterImport(db);
  report.ms = Math.round(performance.now() - started);
  return report;
}
