// `opencourt check` as a clerk runs it: the real launcher (bin/opencourt.mjs) in a child process.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/opencourt.mjs');

function opencourt(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent' }, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Each run starts Node and tsx; a busy machine makes that slow.
describe('opencourt check', { timeout: 120_000 }, () => {
  it('prints a valid mainland ID with its kind, and exits 0', async () => {
    const run = await opencourt(['check', 'id', '11010519491231002X']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, kind: 'mainland-resident', birthDate: '1949-12-31' });
  });

  it('exits 1 with the reason for a wrong check digit', async () => {
    const run = await opencourt(['check', 'id', '110105194912310021']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: false, kind: 'mainland-resident', reason: expect.stringContaining('校验码') });
  });

  it('checks a Unified Social Credit Code, and a Hong Kong card by the kind given', async () => {
    const uscc = await opencourt(['check', 'uscc', '91110000100017707H']);
    expect(JSON.parse(uscc.stdout)).toMatchObject({ valid: true, kind: 'uscc' });
    const hk = await opencourt(['check', 'id', 'A123456(3)', '--kind', 'hong-kong']);
    expect(JSON.parse(hk.stdout)).toMatchObject({ valid: true, kind: 'hong-kong' });
  });

  it('refuses what it cannot check with exit code 2', async () => {
    const run = await opencourt(['check', 'passport', 'X']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected id or uscc');
  });
});
