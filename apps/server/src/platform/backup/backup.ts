// A backup is the database and the files together, consistent: every table is copied in one
// REPEATABLE READ, read-only transaction (one snapshot), and the blobs that snapshot records are
// copied as stored (still encrypted). The master key is never included.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import type { BlobDriver } from '../blobs/index.ts';
import { BlobMissingError } from '../blobs/index.ts';
import type { Keyring } from '../crypto/index.ts';
import type { Database } from '../db/index.ts';
import { packArchive, stagingDirNear } from './archive.ts';
import { listAppliedMigrations, listSequences, listTables, quoteIdent } from './catalog.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, MANIFEST_FILE, blobFile, tableFile, type TBackupManifest } from './manifest.ts';

/** The value a backup records to recognise its master key, and a restore compares. */
export const masterKeyCheck = (keyring: Keyring) => keyring.lookup('opencourt/backup/master-key-check/v1');

export type BackupDeps = { database: Database; driver: BlobDriver; keyring: Keyring; now?: () => Date };

export async function createBackup(deps: BackupDeps, file: string): Promise<TBackupManifest> {
  const staging = await stagingDirNear(file);
  try {
    await fs.promises.mkdir(path.join(staging, 'tables'));
    const client = await deps.database.pool.connect();
    let snapshot: Omit<TBackupManifest, 'blobs'> & { blobRows: { sha256: string; storageKey: string; size: number }[] };
    try {
      await client.query('begin isolation level repeatable read read only');
      const createdAt = (deps.now?.() ?? new Date()).toISOString();
      const { rows: version } = await client.query<{ v: string }>('select current_setting($1) as v', ['server_version']);
      const migrations = await listAppliedMigrations(client);
      const tables: TBackupManifest['tables'] = [];
      for (const table of await listTables(client)) {
        const { rows } = await client.query<{ n: number }>(`select count(*)::bigint as n from ${quoteIdent(table.name)}`);
        const columns = table.columns.map(quoteIdent).join(', ');
        await pipeline(client.query(copyTo(`copy ${quoteIdent(table.name)} (${columns}) to stdout`)), fs.createWriteStream(path.join(staging, tableFile(table.name))));
        tables.push({ name: table.name, columns: table.columns, rows: Number(rows[0]!.n), file: tableFile(table.name) });
      }
      const sequences: TBackupManifest['sequences'] = [];
      for (const s of await listSequences(client)) {
        const { rows } = await client.query<{ lastValue: string; isCalled: boolean }>(`select last_value as "lastValue", is_called as "isCalled" from ${s.sequence}`);
        sequences.push({ ...s, lastValue: Number(rows[0]!.lastValue), isCalled: rows[0]!.isCalled });
      }
      const { rows: blobRows } = await client.query<{ sha256: string; storageKey: string; size: number }>(
        'select sha256, storage_key as "storageKey", size from blob order by sha256',
      );
      await client.query('commit');
      snapshot = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt,
        postgresVersion: version[0]!.v,
        migrations,
        tables,
        sequences,
        masterKeyCheck: masterKeyCheck(deps.keyring),
        blobRows,
      };
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }

    // Blobs are immutable once their row commits, so copying them after the snapshot is consistent.
    const missing: string[] = [];
    let bytes = 0;
    for (const b of snapshot.blobRows) {
      const target = path.join(staging, blobFile(b.storageKey));
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      try {
        await pipeline(await deps.driver.get(b.storageKey), fs.createWriteStream(target));
      } catch (err) {
        if (!(err instanceof BlobMissingError)) throw err;
        missing.push(b.sha256);
        continue;
      }
      const size = (await fs.promises.stat(target)).size;
      if (size !== b.size) throw new Error(`stored blob ${b.sha256} has ${size} bytes, the database records ${b.size}`);
      bytes += size;
    }
    const { blobRows, ...rest } = snapshot;
    const manifest: TBackupManifest = { ...rest, blobs: { count: blobRows.length - missing.length, bytes, missing } };
    await fs.promises.writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await fs.promises.mkdir(path.join(staging, 'blobs'), { recursive: true });
    await packArchive(staging, [MANIFEST_FILE, 'tables', 'blobs'], file);
    return manifest;
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
}
