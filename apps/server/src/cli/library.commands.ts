// `opencourt library import <folder>` and `opencourt library search "<query>"`: the law library for
// administrators and scripts. Both print JSON on standard output; import shows its progress on standard
// error (a bar on a terminal, a line every tenth otherwise).
import fs from 'node:fs';
import path from 'node:path';
import { LIBRARY_KINDS, ZLibrarySearchQuery } from '@opencourt/contracts';
import { uuid } from '../platform/clock/index.ts';
import { migrateDatabase } from '../platform/db/index.ts';
import { createLibraryService, folderSources, importLibrary, loadCauses, type ImportProgress } from '../modules/library/index.ts';
import type { Command, Io } from './commands.ts';
import { UsageError } from './commands.ts';
import { withPlatform } from './platform.ts';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** A progress bar redrawn in place on a terminal; elsewhere (logs, CI) a plain line every tenth. */
export function progressPrinter(io: Io, isTTY: boolean) {
  let lastTenth = -1;
  let lastDraw = 0;
  return {
    update({ done, total, path: file }: ImportProgress) {
      const fraction = total ? done / total : 1;
      if (isTTY) {
        const now = Date.now();
        if (done < total && now - lastDraw < 80) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round(fraction * width);
        const name = file.length > 40 ? `…${file.slice(-39)}` : file;
        io.err(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${done}/${total} ${name}\u001b[K`);
        if (done === total) io.err('\n');
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth !== lastTenth || done === total) {
        lastTenth = tenth;
        io.err(`导入 / importing ${done}/${total} (${Math.round(fraction * 100)}%)\n`);
      }
    },
  };
}

async function runImport(folder: string, values: Record<string, unknown>, config: Parameters<Command['run']>[1], io: Io) {
  const root = path.resolve(folder);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`不是文件夹 / not a folder: ${folder}`);
  const batch = values.batch === undefined ? undefined : Number(values.batch);
  if (batch !== undefined && (!Number.isSafeInteger(batch) || batch < 1 || batch > 10_000)) throw new UsageError('--batch 应为 1 到 10000 的整数 / --batch must be an integer from 1 to 10000');
  const sources = folderSources(root);
  const progress = progressPrinter(io, Boolean(process.stderr.isTTY));
  return withPlatform(config, io.err, {}, async ({ database }) => {
    await migrateDatabase(database.pool);
    const report = await importLibrary(database.db, sources, { id: uuid, batchFiles: batch, tidy: true, onProgress: progress.update });
    const causesAdded = await loadCauses(database.db);
    io.out(json({ folder: root, ...report, seconds: Math.round(report.ms / 100) / 10, causesAdded }));
    if (report.failed.length) io.err(`${report.failed.length} 个文件未能导入，原因见 failed / ${report.failed.length} file(s) could not be imported: see "failed"\n`);
    return report.failed.length && values.strict ? 1 : 0;
  });
}

async function runSearch(query: string, values: Record<string, unknown>, config: Parameters<Command['run']>[1], io: Io) {
  const parsed = ZLibrarySearchQuery.safeParse({ q: query, limit: str(values.limit) ?? 10, kind: str(values.kind), effectiveOn: str(values['effective-on']) });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '));
  return withPlatform(config, io.err, {}, async ({ database }) => {
    const result = await createLibraryService({ db: database.db }).search(parsed.data, { withText: true });
    const hits = result.items.map((h) => ({
      title: h.title,
      subtitle: h.subtitle,
      kind: h.kind,
      label: h.article.label,
      headings: h.article.headings,
      text: h.text,
      snippet: h.snippet.map((s) => (s.hit ? `【${s.text}】` : s.text)).join(''),
      score: Math.round(h.score * 10_000) / 10_000,
      documentId: h.documentId,
    }));
    io.out(json({ query, match: result.match, terms: result.terms, labels: result.labels, hits }));
    return 0;
  });
}

export const LIBRARY_COMMANDS: Record<string, Command> = {
  library: {
    summary: '法律法规库：导入 Markdown 文本、检索 / law library: import Markdown texts, search',
    usage: [
      'opencourt library import <folder> [--batch <files per transaction>] [--strict]',
      '       opencourt library search "<query>" [--limit <n>] [--kind ' + LIBRARY_KINDS.join('|') + '] [--effective-on YYYY-MM-DD]',
      '  import: every .md file under the folder (recursive); unchanged files are skipped, changed ones replaced;',
      '          files that cannot be parsed are listed under "failed" (--strict: exit 1 if there are any)',
    ].join('\n'),
    options: {
      limit: { type: 'string' },
      kind: { type: 'string' },
      'effective-on': { type: 'string' },
      batch: { type: 'string' },
      strict: { type: 'boolean' },
    },
    positionals: 2,
    async run({ positionals, values }, config, io) {
      const [sub, arg] = positionals as [string, string];
      const given = (names: string[]) => names.filter((n) => values[n] !== undefined).map((n) => `--${n}`);
      if (sub === 'import') {
        const misplaced = given(['limit', 'kind', 'effective-on']);
        if (misplaced.length) throw new UsageError(`${misplaced.join(', ')} 只用于 search / only for search`);
        return runImport(arg, values, config, io);
      }
      if (sub === 'search') {
        const misplaced = given(['batch', 'strict']);
        if (misplaced.length) throw new UsageError(`${misplaced.join(', ')} 只用于 import / only for import`);
        return runSearch(arg, values, config, io);
      }
      throw new UsageError(`未知子命令 / unknown subcommand: ${sub} (import | search)`);
    },
  },
};
