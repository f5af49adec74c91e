// The embedded PostgreSQL survives a kill -9 of Node: the next start reuses the server left running, or
// recovers a server that died too, and nothing committed is lost; a clean stop stops it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-embedded-crash-'));
fs.chmodSync(dir, 0o755);
const pgDir = path.join(dir, 'pg');
const port = 56_000 + Math.floor(Math.random() * 3000);
const child = path.resolve(import.meta.dirname, '../../../test/fixtures/embedded-child.ts');

afterAll(async () => {
  const server = await startEmbeddedPostgres({ dir: pgDir, port }).catch(() => undefined);
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function postmasterPid(): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

function alive(pid: number | undefined) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Run the child until it has committed its row, then kill -9 it. */
async function crashAfterCommit(value: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, pgDir, String(port), value], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (d: Buffer) => d.toString().includes('READY') && resolve());
    proc.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
  });
  proc.kill('SIGKILL');
  await new Promise((r) => proc.once('exit', r));
}

async function values(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query('select value from crash_probe order by value');
  await client.end();
  return rows.map((r: { value: string }) => r.value);
}

describe('embedded PostgreSQL crash recovery', () => {
  it('reuses the server a killed Node process left running, with its committed data', async () => {
    await crashAfterCommit('first');
    const leftRunning = postmasterPid();
    expect(alive(leftRunning)).toBe(true);
    const server = await startEmbeddedPostgres({ dir: pgDir, port });
    expect(postmasterPid()).toBe(leftRunning);
    expect(await values(server.url)).toEqual(['first']);
    await server.stop();
    expect(postmasterPid()).toBeUndefined();
    await expect(values(server.url)).rejects.toThrow(/ECONNREFUSED/);
  }, 60_000);

  it('recovers when the database server was killed too (stale postmaster.pid)', async () => {
    await crashAfterCommit('second');
    const pid = postmasterPid()!;
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const server = await startEmbeddedPostgres({ dir: pgDir, port });
    expect(await values(server.url)).toEqual(['first', 'second']);
    await server.stop();
  }, 60_000);
});
