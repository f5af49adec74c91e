// Restores a backup into an empty database and blob store: checks the archive and the master key,
// migrates the target to the backup's schema, puts the blobs back, then loads every table in one
// transaction (in foreign-key order), with saved transaction ids rebased below the target cluster's
// (xid-rebase.ts), checks the row counts and moves sequences past the restored ids.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type pg from 'pg';
import type { BlobDriver } from '../blobs/index.ts';
import type { Keyring } from '../crypto/index.ts';
import { migrateDatabase, type Database } from '../db/index.ts';
import { extractArchive, stagingDirNear } from './archive.ts';
import { masterKeyCheck } from './backup.ts';
import { listAppliedMigrations, listForeignKeys, listTables, listXidColumns, loadOrder, quoteIdent } from './catalog.ts';
import { rewriteCopyFields, scanCopyFields } from './copy-fields.ts';
import { MANIFEST_FILE, ZBackupManifest, blobFile, type TBackupManifest } from './manifest.ts';
import { planXidRebase, type XidRebase } from './xid-rebase.ts';

export type RestoreDeps = { database: Database; driver: BlobDriver; keyring: Keyring };
export type RestoreOptions = { /** Replace a database that already holds data (its tables, functions and types are dropped first). */ force?: boolean };

/** A restore refused before anything was changed; the message says why and what to do. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

async function tablesWithRows(client: pg.PoolClient): Promise<string[]> {
  const found: string[] = [];
  for (const t of await listTables(client)) {
    const { rows } = await client.query(`select exists (select 1 from ${quoteIdent(t.name)}) as e`);
    if (rows[0].e) found.push(t.name);
  }
  return found;
}

/**
 * Empties the public schema of what the migrations create (tables, then functions and types that no
 * extension owns), so they can run again from the start.
 */
async function dropSchemaObjects(client: pg.PoolClient) {
  const notFromExtension = (oid: string) => `not exists (select 1 from pg_depend d where d.objid = ${oid} and d.deptype = 'e')`;
  const { rows: tables } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and ${notFromExtension('c.oid')}`,
  );
  if (tables.length) await client.query(`drop table ${tables.map((r) => quoteIdent(r.name)).join(', ')} cascade`);
  const { rows: functions } = await client.query<{ signature: string }>(
    `select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and ${notFromExtension('p.oid')}`,
  );
  for (const f of functions) await client.query(`drop function if exists ${f.signature} cascade`);
  const { rows: types } = await client.query<{ name: string }>(
    `select t.typname as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = 'public' and t.typtype in ('e', 'd', 'c') and (t.typtype <> 'c' or exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c'))
        and ${notFromExtension('t.oid')}`,
  );
  for (const t of types) await client.query(`drop type if exists ${quoteIdent(t.name)} cascade`);
}

async function readManifest(staging: string): Promise<TBackupManifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.promises.readFile(path.join(staging, MANIFEST_FILE), 'utf8'));
  } catch {
    throw new RestoreRefusedError('这不是 OpenCourt 备份文件（缺少 manifest.json） / not an OpenCourt backup (no manifest.json)');
  }
  const parsed = ZBackupManifest.safeParse(raw);
  if (!parsed.success) throw new RestoreRefusedError(`备份清单无法识别（格式或版本不符） / unrecognised backup manifest: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export async function restoreBackup(deps: RestoreDeps, file: string, options: RestoreOptions = {}): Promise<TBackupManifest> {
  if (!fs.existsSync(file)) throw new RestoreRefusedError(`找不到备份文件 / no such file: ${file}`);
  const pool = deps.database.pool;
  const staging = await stagingDirNear(file);
  try {
    await extractArchive(file, staging);
    const manifest = await readManifest(staging);
    if (manifest.masterKeyCheck !== masterKeyCheck(deps.keyring)) {
      throw new RestoreRefusedError(
        '主密钥与备份时的不同：请设置原来的 MASTER_KEY，或把原来的 master.key 放入 DATA_DIR / the master key differs from the one the backup was made with',
      );
    }

    const client = await pool.connect();
    try {
      const occupied = await tablesWithRows(client);
      if (occupied.length && !options.force) {
        throw new RestoreRefusedError(`目标数据库不是空的（${occupied.slice(0, 5).join('、')} 等表有数据）；确认要覆盖请加 --force / the target database is not empty`);
      }
      if (options.force) await dropSchemaObjects(client);
    } finally {
      client.release();
    }

    await migrateDatabase(pool);
    const applied = await listAppliedMigrations(pool);
    const expected = manifest.migrations.map((m) => m.hash).join(',');
    if (applied.map((m) => m.hash).join(',') !== expected) {
      throw new RestoreRefusedError(
        `备份的数据库结构版本（${manifest.migrations.length} 个迁移）与本程序（${applied.length} 个迁移）不同：请用制作备份的同一版本恢复，再升级 / schema migrations differ`,
      );
    }

    // Blobs first: an object without a row is harmless, a row without its object is not.
    for (const key of await blobKeysIn(staging)) {
      const source = path.join(staging, blobFile(key));
      await deps.driver.put(key, source, (await fs.promises.stat(source)).size);
    }

    await loadTables(pool, staging, manifest);
    return manifest;
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
}

/** Storage keys (ab/cd/<sha256>) of the blob files in an extracted archive. */
async function blobKeysIn(staging: string): Promise<string[]> {
  const root = path.join(staging, 'blobs');
  if (!fs.existsSync(root)) return [];
  const entries = (await fs.promises.readdir(root, { recursive: true })) as string[];
  const keys = entries.map((e) => e.split(path.sep).join('/')).filter((e) => /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(e));
  return keys.sort();
}

async function loadTables(pool: pg.Pool, staging: string, manifest: TBackupManifest) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const target = new Map((await listTables(client)).map((t) => [t.name, t.columns]));
    for (const t of manifest.tables) {
      const columns = target.get(t.name);
      const unknown = t.columns.filter((c) => !columns?.includes(c));
      if (!columns || unknown.length) throw new RestoreRefusedError(`目标数据库缺少表或列：${t.name}(${unknown.join(', ')})`);
    }
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    const xids = await xidFields(client, staging, manifest);
    // This transaction's own id: every restored id must sort before what is written after it.
    const { rows: own } = await client.query<{ xid: string }>('select pg_current_xact_id()::text as xid');
    const rebase = await planRebase(staging, xids, BigInt(own[0]!.xid));
    for (const name of loadOrder([...byName.keys()], await listForeignKeys(client))) {
      const t = byName.get(name)!;
      const copy = client.query(copyFrom(`copy ${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(', ')}) from stdin`));
      const source = fs.createReadStream(path.join(staging, t.file));
      const positions = xids.find((x) => x.file === t.file)?.positions;
      if (rebase && positions) await pipeline(source, rewriteCopyFields(positions, (v) => rebase.map(BigInt(v)).toString()), copy);
      else await pipeline(source, copy);
      const { rows } = await client.query<{ n: string }>(`select count(*)::bigint as n from ${quoteIdent(t.name)}`);
      if (Number(rows[0]!.n) !== t.rows) throw new Error(`table ${t.name}: restored ${rows[0]!.n} rows, the backup has ${t.rows}`);
    }
    for (const s of manifest.sequences) {
      // Past both the backup's sequence position and the largest restored id.
      await client.query(
        `select case when $2 or m > 0 then setval($1::regclass, greatest($3::bigint, m), true) else setval($1::regclass, 1, false) end
           from (select coalesce(max(${quoteIdent(s.column)}), 0) as m from ${quoteIdent(s.table)}) x`,
        [s.sequence, s.isCalled, s.lastValue],
      );
    }
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Per backed-up table with xid8 columns: its file, the columns' positions in it, and which are cursors. */
type XidFields = { file: string; path: string; positions: number[]; cursors: number[] };

async function xidFields(client: pg.PoolClient, staging: string, manifest: TBackupManifest): Promise<XidFields[]> {
  const columns = await listXidColumns(client);
  const out: XidFields[] = [];
  for (const t of manifest.tables) {
    const own = columns.filter((c) => c.table === t.name && t.columns.includes(c.column));
    if (!own.length) continue;
    const at = (c: { column: string }) => t.columns.indexOf(c.column);
    out.push({ file: t.file, path: path.join(staging, t.file), positions: own.map(at), cursors: own.filter((c) => c.cursor).map(at) });
  }
  return out;
}

/** Reads every saved transaction id and plans their rebase below `ceiling` (none when all are below it). */
async function planRebase(staging: string, xids: XidFields[], ceiling: bigint): Promise<XidRebase | undefined> {
  const values = new Set<bigint>();
  const cursors = new Set<bigint>();
  for (const x of xids) {
    await scanCopyFields(x.path, x.positions, (value, position) => {
      const xid = BigInt(value);
      values.add(xid);
      if (x.cursors.includes(position)) cursors.add(xid);
    });
  }
  return planXidRebase(values, cursors, ceiling);
}
