// The `opencourt` command as an operator runs it: the real launcher (bin/opencourt.mjs) in a child
// process, against databases of its own on the test server.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type EmptyDatabase } from '../platform/backup/test-databases.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/opencourt.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-cli-test-'));
const masterKey = randomBytes(32).toString('base64');
let source: EmptyDatabase;
let target: EmptyDatabase;

type Run = { code: number; stdout: string; stderr: string };

function opencourt(args: string[], env: Record<string, string> = {}, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: work, LOG_LEVEL: 'silent', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

const envFor = (db: EmptyDatabase, dataDir: string) => ({ DATABASE_URL: db.url, DATA_DIR: dataDir, MASTER_KEY: masterKey });

beforeAll(async () => {
  source = await createEmptyDatabase();
  target = await createEmptyDatabase();
});
afterAll(async () => {
  await source?.drop();
  await target?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('help and mistakes', () => {
  it('lists the commands', async () => {
    const run = await opencourt(['--help']);
    expect(run.code).toBe(0);
    for (const c of ['migrate', 'seed-demo', 'create-user', 'backup', 'restore']) expect(run.stdout).toContain(c);
    const one = await opencourt(['help', 'create-user']);
    expect(one.stdout).toContain('--role <role>');
  });

  it('exits 2 with a clear message for an unknown command, option or missing argument', async () => {
    const unknown = await opencourt(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知命令 / unknown command: frobnicate');
    const option = await opencourt(['migrate', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/--colour/);
    const argument = await opencourt(['backup']);
    expect(argument.code).toBe(2);
    expect(argument.stderr).toContain('Usage: opencourt backup <file.tar.gz>');
  });
});

describe('against a database', () => {
  const dataDir = path.join(work, 'data');
  let courtId: string;

  it('migrates an empty database, then has nothing more to apply', async () => {
    const first = await opencourt(['migrate'], envFor(source, dataDir));
    expect(first.code, first.stderr).toBe(0);
    const applied = JSON.parse(first.stdout);
    expect(applied.applied).toBeGreaterThanOrEqual(2);
    expect(applied.total).toBe(applied.applied);
    const again = JSON.parse((await opencourt(['migrate'], envFor(source, dataDir))).stdout);
    expect(again).toEqual({ applied: 0, total: applied.total });
  });

  it('seeds the demo court once', async () => {
    const seeded = await opencourt(['seed-demo'], envFor(source, dataDir));
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/judge\s+judge\s+Oc-/);
    const again = await opencourt(['seed-demo'], envFor(source, dataDir));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('已有用户');
    const { rows } = await source.pool.query(`select id from organisation where code = '闽0213'`);
    courtId = rows[0].id;
  });

  it('creates staff with a password and parties with a phone', async () => {
    const judge = await opencourt(['create-user', '--role', 'judge', '--username', 'wang', '--name', '王法官', '--org', courtId, '--password-stdin'], envFor(source, dataDir), 'Correct-horse-42\n');
    expect(judge.code, judge.stderr).toBe(0);
    expect(JSON.parse(judge.stdout)).toMatchObject({ displayName: '王法官', roles: ['judge'], username: 'wang', organisationId: courtId });
    const party = await opencourt(['create-user', '--role', 'party', '--phone', '13912345678', '--name', '当事人甲'], envFor(source, dataDir));
    expect(party.code, party.stderr).toBe(0);
    expect(JSON.parse(party.stdout)).toMatchObject({ roles: ['party'], phone: '139****5678' });
    const { rows } = await source.pool.query(`select roles, password_hash is not null as has_password from app_user where username = 'wang'`);
    expect(rows).toEqual([{ roles: ['judge'], has_password: true }]);
  });

  it('refuses duplicates, weak passwords, unknown roles and organisations, changing nothing', async () => {
    const before = (await source.pool.query('select count(*)::int as n from app_user')).rows[0].n;
    const duplicate = await opencourt(['create-user', '--role', 'clerk', '--username', 'wang', '--password', 'Correct-horse-42', '--name', '重名'], envFor(source, dataDir));
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/^错误 \/ error: /);
    const weak = await opencourt(['create-user', '--role', 'clerk', '--username', 'li', '--password', '123', '--name', '李'], envFor(source, dataDir));
    expect(weak.code).toBe(1);
    const role = await opencourt(['create-user', '--role', 'emperor', '--username', 'li', '--password', 'Correct-horse-42', '--name', '李'], envFor(source, dataDir));
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('unknown role: emperor');
    const org = await opencourt(['create-user', '--role', 'clerk', '--username', 'li', '--password', 'Correct-horse-42', '--name', '李', '--org', '00000000-0000-4000-8000-000000000000'], envFor(source, dataDir));
    expect(org.code).toBe(1);
    expect(org.stderr).toContain('机构不存在');
    expect((await source.pool.query('select count(*)::int as n from app_user')).rows[0].n).toBe(before);
  });

  it('backs up and restores into another empty database, warning that the key is not included', async () => {
    const archive = path.join(work, 'nightly.tar.gz');
    const backup = await opencourt(['backup', archive], envFor(source, dataDir));
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toContain('备份不含主密钥');
    const summary = JSON.parse(backup.stdout);
    expect(summary.tables.app_user).toBe(19); // the demo (with its mediator pool) and the accounts created above

    const restoredDir = path.join(work, 'restored');
    const noKey = await opencourt(['restore', archive], { DATABASE_URL: target.url, DATA_DIR: restoredDir });
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('找不到主密钥');
    expect(fs.existsSync(path.join(restoredDir, 'master.key'))).toBe(false);

    const restore = await opencourt(['restore', archive], envFor(target, restoredDir));
    expect(restore.code, restore.stderr).toBe(0);
    expect(JSON.parse(restore.stdout).tables.app_user).toBe(19);
    const users = async (db: EmptyDatabase) => (await db.pool.query('select id, username, display_name from app_user order by id')).rows;
    expect(await users(target)).toEqual(await users(source));

    const again = await opencourt(['restore', archive], envFor(target, restoredDir));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    const forced = await opencourt(['restore', archive, '--force'], envFor(target, restoredDir));
    expect(forced.code, forced.stderr).toBe(0);
  });
});
