// `opencourt library import|search` as an operator runs them: the real launcher in a child process,
// against an empty database of its own (the import migrates it first).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { progressPrinter } from '../../cli/library.commands.ts';
import { LIBRARY_SEED_DIR } from './index.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/opencourt.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-library-cli-'));
const folder = path.join(work, 'laws');
let database: TestDatabase;

type Run = { code: number; stdout: string; stderr: string };
function opencourt(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: work, LOG_LEVEL: 'silent', DATABASE_URL: database.url, DATA_DIR: path.join(work, 'data') }, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  database = await createTestDatabase({ empty: true });
  fs.cpSync(LIBRARY_SEED_DIR, folder, { recursive: true });
  fs.writeFileSync(path.join(folder, '坏文件.md'), '# 没有信息区结束标记的文件\n\n第一条 正文。\n');
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

// Each run starts Node and tsx; seven in a row on a busy two-core machine take more than the default 30 s.
describe('opencourt library', { timeout: 180_000 }, () => {
  it('imports a folder into an empty database, with progress, reporting the file it could not parse', async () => {
    const run = await opencourt(['library', 'import', folder]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ files: 9, imported: 8, replaced: 0, unchanged: 0, failed: [{ path: '坏文件.md', reason: expect.stringContaining('INFO END') }] });
    expect(report.articles).toBeGreaterThan(200);
    expect(report.causesAdded).toHaveLength(5);
    // Not a terminal: a plain line per tenth, ending at 100%.
    expect(run.stderr).toContain('导入 / importing 9/9 (100%)');
    expect(run.stderr).toContain('1 个文件未能导入');

    const strict = await opencourt(['library', 'import', folder, '--strict']);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({ imported: 0, unchanged: 8, causesAdded: [] });
  });

  it('prints hits with the title, the label and the text', async () => {
    const run = await opencourt(['library', 'search', '诉讼时效', '--limit', '20']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ query: '诉讼时效', match: 'all' });
    const hit = result.hits.find((h: { label: string }) => h.label === '第一百八十八条');
    expect(hit).toMatchObject({ title: '中华人民共和国民法典', subtitle: '总则', kind: 'law' });
    expect(hit.text).toContain('向人民法院请求保护民事权利的诉讼时效期间为三年');
    expect(hit.snippet).toContain('【诉讼时效】');

    const filtered = JSON.parse((await opencourt(['library', 'search', '调解协议', '--kind', 'law', '--limit', '3'])).stdout);
    expect(filtered.hits.length).toBeGreaterThan(0);
    expect(filtered.hits.every((h: { kind: string }) => h.kind === 'law')).toBe(true);
  });

  it('refuses what it cannot do, with exit code 2 and the usage', async () => {
    for (const args of [
      ['library', 'search', 'x'.repeat(10_000)],
      ['library', 'search', '\u0007'],
      ['library', 'search', '诉讼', '--kind', 'poem'],
      ['library', 'search', '诉讼', '--batch', '5'],
      ['library', 'import', path.join(work, 'nowhere')],
      ['library', 'frobnicate', 'x'],
      ['library', 'search'],
    ]) {
      const run = await opencourt(args);
      expect(run.code, `${args.join(' ').slice(0, 60)}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toContain('Usage: opencourt library import <folder>');
    }
  });
});

describe('import progress', () => {
  const capture = () => {
    const written: string[] = [];
    return { written, io: { out: () => {}, err: (text: string) => void written.push(text), readStdin: async () => '' } };
  };

  it('draws a bar in place on a terminal, ending with a new line', () => {
    const { written, io } = capture();
    const bar = progressPrinter(io, true);
    bar.update({ done: 1, total: 4, path: '民法典/总则.md' });
    bar.update({ done: 4, total: 4, path: '行政法规/诉讼费用交纳办法(2006-12-19).md' });
    expect(written[0]).toMatch(/^\r\[#{8}\.{22}\]  25% 1\/4 民法典\/总则\.md/);
    expect(written.at(-2)).toMatch(/^\r\[#{30}\] 100% 4\/4 /);
    expect(written.at(-1)).toBe('\n');
  });

  it('prints a plain line every tenth elsewhere', () => {
    const { written, io } = capture();
    const lines = progressPrinter(io, false);
    for (let done = 1; done <= 100; done++) lines.update({ done, total: 100, path: `${done}.md` });
    // The first file, then each tenth.
    expect(written).toHaveLength(11);
    expect(written[0]).toBe('导入 / importing 1/100 (1%)\n');
    expect(written.at(-1)).toBe('导入 / importing 100/100 (100%)\n');
  });
});
