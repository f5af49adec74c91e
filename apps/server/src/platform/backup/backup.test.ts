// Back up a populated platform, restore it into a fresh empty database and an empty data directory,
// and prove everything came back: rows, files (downloaded through the API on the restored database),
// sessions, and sequences that go on without collisions.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import {
  createOrganisations,
  createParty,
  createStaff,
  loginWithPassword,
  loginWithSms,
  startTestApp,
  testKeyring,
  type Session,
  type TestContext,
} from '../../../test/harness.ts';
import { createBlobDriver, createFsDriver } from '../blobs/index.ts';
import { startTestS3 } from '../blobs/s3-test-server.ts';
import { multipartBody } from '../blobs/multipart-body.ts';
import { SAMPLES } from '../blobs/sample-files.ts';
import type { Database } from '../db/index.ts';
import { createBackup, restoreBackup, RestoreRefusedError, type TBackupManifest } from './index.ts';
import { createEmptyDatabase, type EmptyDatabase } from './test-databases.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-backup-test-'));
const archive = path.join(work, 'opencourt-backup.tar.gz');
let source: TestContext;
let target: EmptyDatabase;
let targetDataDir: string;
let manifest: TBackupManifest;
let alice: Session;
let clerkName: string;
const uploads: { id: string; content: Buffer }[] = [];

/** Row count and a digest of every row of every table, to compare two databases. */
async function fingerprint(database: Database, tables: string[]): Promise<Record<string, { rows: number; digest: string }>> {
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const t of tables) {
    const { rows } = await database.pool.query(`select count(*)::int as rows, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as digest from ${t} x`);
    out[t] = rows[0];
  }
  return out;
}

async function upload(ctx: { app: TestContext['app'] }, session: Session, filename: string, content: Buffer, matterId?: string) {
  const body = multipartBody([...(matterId ? [{ name: 'matterId', value: matterId }] : []), { name: 'file', filename, content }]);
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...session.headers, ...body.headers }, payload: body.payload });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; sha256: string };
}

async function auditSettled(database: Database) {
  // Audit entries are written once each response has gone; wait until they stop arriving.
  let last = -1;
  for (;;) {
    const { rows } = await database.pool.query('select count(*)::int as n from audit_entry');
    if (rows[0].n === last) return;
    last = rows[0].n;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  // No background work: the ledger sequencer would keep adding rows while a backup is compared with its source.
  source = await startTestApp({ config: { JOBS_ENABLED: 'false' } });
  const orgs = await createOrganisations(source);
  const party = await createParty(source);
  alice = await loginWithSms(source, party.phone);
  const clerk = await createStaff(source, 'clerk', orgs.courtId);
  clerkName = clerk.username;
  const clerkSession = await loginWithPassword(source, clerk.username);
  const matter = await source.app.inject({ method: 'POST', url: '/api/v1/matters', headers: alice.headers, payload: { title: '备份测试案件', courtId: orgs.courtId } });
  const matterId = matter.json().id;
  const evidence = Buffer.concat([SAMPLES.pdf, randomBytes(50_000)]);
  uploads.push({ id: (await upload(source, alice, '证据.pdf', evidence, matterId)).id, content: evidence });
  uploads.push({ id: (await upload(source, alice, '同一份.pdf', evidence)).id, content: evidence });
  uploads.push({ id: (await upload(source, clerkSession, '笔录.txt', SAMPLES.text, matterId)).id, content: SAMPLES.text });
  await auditSettled(source.database);

  manifest = await createBackup({ database: source.database, driver: createFsDriver(source.config.blobs.dir), keyring: source.keyring }, archive);
  target = await createEmptyDatabase();
  targetDataDir = fs.mkdtempSync(path.join(work, 'data-'));
});

afterAll(async () => {
  await target?.drop();
  await source?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup', () => {
  it('writes one archive with a manifest of tables, rows, migrations and blobs, and no key', async () => {
    expect(fs.existsSync(archive)).toBe(true);
    expect(fs.readdirSync(work).filter((f) => f.includes('staging') || f.endsWith('.partial'))).toEqual([]);
    const rowsOf = (t: string) => manifest.tables.find((x) => x.name === t)?.rows;
    expect(rowsOf('app_user')).toBe(2);
    expect(rowsOf('matter')).toBe(1);
    expect(rowsOf('stored_file')).toBe(3);
    expect(rowsOf('blob')).toBe(2);
    expect(rowsOf('audit_entry')).toBeGreaterThanOrEqual(6);
    expect(manifest.tables.map((t) => t.name)).not.toContain('schema_migration');
    expect(manifest.migrations.length).toBeGreaterThanOrEqual(2);
    expect(manifest.blobs).toMatchObject({ count: 2, missing: [] });
    expect(manifest.sequences.map((s) => `${s.table}.${s.column}`)).toEqual(expect.arrayContaining(['audit_entry.id', 'domain_event.id']));
    const entries: string[] = [];
    await tar.t({ file: archive, onReadEntry: (e) => void entries.push(e.path) });
    expect(entries[0]).toBe('manifest.json');
    expect(entries.every((e) => e === 'manifest.json' || e.startsWith('tables/') || e.startsWith('blobs/'))).toBe(true);
    expect(entries.filter((e) => e.startsWith('tables/') && e.endsWith('.copy'))).toHaveLength(manifest.tables.length);
    expect(entries.some((e) => /master\.key|\.password$/.test(e))).toBe(false);
    // Blobs travel as stored: still encrypted.
    const { rows } = await source.database.pool.query('select storage_key from blob');
    const unpacked = fs.mkdtempSync(path.join(work, 'unpacked-'));
    await tar.x({ file: archive, cwd: unpacked });
    for (const { storage_key } of rows) {
      expect(fs.readFileSync(path.join(unpacked, 'blobs', storage_key)).equals(fs.readFileSync(path.join(source.config.blobs.dir, storage_key)))).toBe(true);
    }
    fs.rmSync(unpacked, { recursive: true });
  });
});

describe('restore', () => {
  it('refuses a backup made with another master key, changing nothing', async () => {
    const other = testKeyring();
    await expect(restoreBackup({ database: target, driver: createFsDriver(path.join(targetDataDir, 'blobs')), keyring: other }, archive)).rejects.toThrow(/主密钥/);
    const { rows } = await target.pool.query(`select count(*)::int as n from pg_tables where schemaname = 'public'`);
    expect(rows[0].n).toBe(0);
  });

  it('brings every row and file back into an empty database and data directory', async () => {
    const restored = await restoreBackup({ database: target, driver: createFsDriver(path.join(targetDataDir, 'blobs')), keyring: source.keyring }, archive);
    expect(restored.createdAt).toBe(manifest.createdAt);
    const tables = manifest.tables.map((t) => t.name);
    const after = await fingerprint(target, tables);
    expect(after).toEqual(await fingerprint(source.database, tables));
    for (const t of manifest.tables) expect(after[t.name]!.rows, t.name).toBe(t.rows);
    const stored = (fs.readdirSync(path.join(targetDataDir, 'blobs'), { recursive: true }) as string[]).filter((f) => /[0-9a-f]{64}$/.test(f));
    expect(stored).toHaveLength(2);
    expect(fs.readdirSync(path.dirname(archive)).filter((f) => f.includes('staging'))).toEqual([]);
  });

  it('serves the same files through the API on the restored database, with the same master key', async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: targetDataDir, SEED_DEMO: 'false' });
    const app = await buildApp({ config, database: target, keyring: source.keyring });
    try {
      // The session made before the backup still works: sessions are data too.
      for (const u of uploads) {
        const res = await app.inject({ method: 'GET', url: `/api/v1/files/${u.id}/content`, headers: alice.headers });
        expect(res.statusCode).toBe(200);
        expect(res.rawPayload.equals(u.content)).toBe(true);
      }
      // Passwords came back: the clerk signs in on the restored platform.
      const clerk = await loginWithPassword({ app } as TestContext, clerkName);

      // Sequences continue past the restored ids: new events and audit entries do not collide.
      const max = async (t: string) => (await target.pool.query(`select coalesce(max(id), 0)::bigint as m from ${t}`)).rows[0].m as number;
      const [eventsBefore, auditBefore] = [await max('domain_event'), await max('audit_entry')];
      const fresh = await upload({ app }, clerk, 'new.txt', Buffer.from('restored and still working'));
      const { rows } = await target.pool.query(`select id from domain_event where aggregate_id = $1`, [fresh.id]);
      expect(rows[0].id).toBeGreaterThan(eventsBefore);
      await auditSettled(target);
      expect(await max('audit_entry')).toBeGreaterThan(auditBefore);
    } finally {
      await app.close();
    }
  });

  it('refuses a database that holds data, unless forced, then replaces it', async () => {
    const driver = createFsDriver(path.join(targetDataDir, 'blobs'));
    await expect(restoreBackup({ database: target, driver, keyring: source.keyring }, archive)).rejects.toBeInstanceOf(RestoreRefusedError);
    await expect(restoreBackup({ database: target, driver, keyring: source.keyring }, archive)).rejects.toThrow(/不是空的/);
    await restoreBackup({ database: target, driver, keyring: source.keyring }, archive, { force: true });
    const tables = manifest.tables.map((t) => t.name);
    expect(await fingerprint(target, tables)).toEqual(await fingerprint(source.database, tables));
  });

  it('restores a backup made on the filesystem onto S3-compatible storage', async () => {
    const s3 = await startTestS3();
    const onS3 = await createEmptyDatabase();
    const dataDir = fs.mkdtempSync(path.join(work, 'data-s3-'));
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, SEED_DEMO: 'false', ...s3.env });
    try {
      await restoreBackup({ database: onS3, driver: createBlobDriver(config.blobs), keyring: source.keyring }, archive);
      const app = await buildApp({ config, database: onS3, keyring: source.keyring });
      try {
        for (const u of uploads) {
          const res = await app.inject({ method: 'GET', url: `/api/v1/files/${u.id}/content`, headers: alice.headers });
          expect(res.rawPayload.equals(u.content)).toBe(true);
        }
      } finally {
        await app.close();
      }
    } finally {
      await onS3.drop();
      await s3.stop();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const bogus = path.join(work, 'bogus.tar.gz');
    fs.writeFileSync(bogus, 'not an archive');
    await expect(restoreBackup({ database: target, driver: createFsDriver(path.join(targetDataDir, 'blobs')), keyring: source.keyring }, bogus)).rejects.toThrow();
    await expect(restoreBackup({ database: target, driver: createFsDriver(path.join(targetDataDir, 'blobs')), keyring: source.keyring }, path.join(work, 'missing.tar.gz'))).rejects.toThrow(/找不到备份文件/);
  });
});
