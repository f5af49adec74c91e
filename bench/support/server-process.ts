// Starts the real server (apps/server/src/main.ts) as a child process on loopback for a benchmark,
// on the embedded PostgreSQL or on an external one, and signs in a demo party.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '../..');

export type RunningServer = { url: string; dataDir: string; pid: number; stop(): Promise<void>; output: () => string };

export async function startServer(opts: { databaseUrl?: string; port: number; env?: Record<string, string>; nodeArgs?: string[] }): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    EMBEDDED_PG_PORT: String(opts.port + 1000),
    RATE_LIMIT_AUTH_PER_MINUTE: '1000',
    ...opts.env,
  };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', path.join(root, 'apps/server/src/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const check = setInterval(() => {
      if (output.includes('OpenCourt is running')) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${opts.port}`,
    dataDir,
    pid: child.pid!,
    output: () => output,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on an external server, dropped by the returned function. */
export async function freshExternalDatabase(serverUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Signs in the demo party 13800000001 by SMS code; returns the cookie header. */
export async function signInDemoParty(server: RunningServer, phone = '13800000001'): Promise<string> {
  const post = (p: string, body: unknown) =>
    fetch(`${server.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const sent = await post('/api/v1/auth/sms-code', { phone });
  if (!sent.ok) throw new Error(`sms-code: ${sent.status} ${await sent.text()}`);
  const log = fs.readFileSync(path.join(server.dataDir, 'outbox/sms.log'), 'utf8').trim().split('\n');
  const code = (JSON.parse(log[log.length - 1]!) as { text: string }).text.match(/\d{6}/)![0];
  const res = await post('/api/v1/auth/login/sms', { phone, code });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
