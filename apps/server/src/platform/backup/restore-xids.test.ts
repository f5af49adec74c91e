// A backup holds PostgreSQL transaction ids (xid8): the events' and ledger entries' writing
// transactions, and the cursors of the outbox consumers and the ledger sequencer. Restored into a
// cluster whose ids are lower, new rows would sort before the cursors and never be delivered or logged.
//
// A second PostgreSQL cluster is not at hand, so the test makes the backup come from one that is far
// ahead: it adds 2^40 (256 epochs of 2^32 transactions) to every xid8 value in the archive's table
// files. That is exactly what a backup from such a cluster holds: the same rows and cursors, with ids
// in the same order, above anything this cluster has used. The backup as made (ids below this
// cluster's, the case of restoring onto a cluster that is ahead) is restored too.
//
// The backup is taken with work in flight: events every consumer has handled and whose entries are on
// the log, entries queued but not yet sequenced, and events no consumer has handled yet. After the
// restore, new files are uploaded; every consumer must deliver everything, every entry must reach the
// log, and `ledger verify` must pass.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createParty, loginWithSms, startTestApp, type Session, type TestContext } from '../../../test/harness.ts';
import { createFsDriver } from '../blobs/index.ts';
import { multipartBody } from '../blobs/multipart-body.ts';
import type { Database } from '../db/index.ts';
import { verifyLog } from '../ledger/index.ts';
import { createBackup, restoreBackup, type TBackupManifest } from './index.ts';
import { createEmptyDatabase, type EmptyDatabase } from './test-databases.ts';

type App = TestContext['app'];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-restore-xids-'));
const archive = path.join(work, 'backup.tar.gz');
const ahead = path.join(work, 'backup-from-a-cluster-ahead.tar.gz');
const AHEAD_BY = 1n << 40n;
let source: TestContext;
let alice: Session;
const files: string[] = [];
/** Before the backup: what each consumer and the sequencer had still to handle. */
let backlog: Backlog;
const targets: EmptyDatabase[] = [];

type Backlog = { consumers: Record<string, number[]>; sequencer: number[] };

async function backlogOf(database: Database): Promise<Backlog> {
  const { rows: events } = await database.pool.query<{ name: string; ids: number[] | null }>(
    `select c.name, array_agg(e.id order by e.id) filter (where e.id is not null) as ids
       from event_consumer c left join domain_event e on (e.tx_id, e.id) > (c.last_tx_id, c.last_id)
      group by c.name order by c.name`,
  );
  const { rows: entries } = await database.pool.query<{ id: number }>(
    `select e.id from ledger_entry e, ledger_state s where (e.tx_id, e.id) > (s.last_tx_id, s.last_entry_id) order by e.id`,
  );
  return { consumers: Object.fromEntries(events.map((r) => [r.name, (r.ids ?? []).map(Number)])), sequencer: entries.map((r) => Number(r.id)) };
}

async function upload(app: App, session: Session, content: string) {
  const body = multipartBody([{ name: 'file', filename: 'evidence.txt', content: Buffer.from(content) }]);
  const res = await app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...session.headers, ...body.headers }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  files.push((res.json() as { sha256: string }).sha256);
}

/**
 * Runs every consumer, then the sequencer, until all are idle. Transaction ids are cluster-wide, so
 * another test's open transaction may hold visible rows back for a moment: those rounds go again.
 */
async function settle(app: App, opts: { sequence: boolean } = { sequence: true }) {
  for (let round = 0; round < 500; round++) {
    const consumed = Object.values(await app.platform.consumers.runUntilIdle());
    const sequenced = opts.sequence ? (await app.platform.ledger.runOnce()).sequenced.outcome : 'idle';
    if (consumed.every((o) => o === 'idle') && sequenced === 'idle') return;
    if (consumed.some((o) => o === 'failed' || o === 'waiting')) throw new Error(`a consumer failed: ${consumed.join(', ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('consumers or the sequencer did not settle');
}

/** Rewrites the archive as a cluster `by` transactions ahead would have made it: every xid8 value moved up. */
async function moveXidsUp(from: string, to: string, by: bigint) {
  const dir = fs.mkdtempSync(path.join(work, 'unpacked-'));
  await tar.x({ file: from, cwd: dir });
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as TBackupManifest;
  const { rows } = await source.database.pool.query<{ table: string; column: string }>(
    `select table_name as table, column_name as column from information_schema.columns where table_schema = 'public' and data_type = 'xid8'`,
  );
  const moved = new Set<string>();
  for (const t of manifest.tables) {
    const positions = rows.filter((r) => r.table === t.name).map((r) => t.columns.indexOf(r.column));
    if (!positions.length) continue;
    const file = path.join(dir, t.file);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const out = lines.map((line) => {
      if (!line) return line;
      const fields = line.split('\t');
      for (const p of positions) fields[p] = (BigInt(fields[p]!) + by).toString();
      return fields.join('\t');
    });
    fs.writeFileSync(file, out.join('\n'));
    moved.add(t.name);
  }
  expect([...moved].sort()).toEqual(['domain_event', 'event_consumer', 'ledger_entry', 'ledger_state']);
  await tar.c({ gzip: true, file: to, cwd: dir, portable: true }, ['manifest.json', 'tables', 'blobs']);
}

beforeAll(async () => {
  source = await startTestApp({ config: { JOBS_ENABLED: 'false' } });
  alice = await loginWithSms(source, (await createParty(source)).phone);
  // On the log: delivered to every consumer, sequenced, published.
  await upload(source.app, alice, 'first exhibit');
  await upload(source.app, alice, 'second exhibit');
  await settle(source.app);
  // Queued on the ledger but not yet sequenced.
  await upload(source.app, alice, 'third exhibit');
  await settle(source.app, { sequence: false });
  // Not yet handled by any consumer.
  await upload(source.app, alice, 'fourth exhibit');
  backlog = await backlogOf(source.database);
  expect(backlog.sequencer.length).toBeGreaterThan(0);
  expect(Object.values(backlog.consumers).every((ids) => ids.length > 0)).toBe(true);

  await createBackup({ database: source.database, driver: createFsDriver(source.config.blobs.dir), keyring: source.keyring }, archive);
  await moveXidsUp(archive, ahead, AHEAD_BY);
}, 60_000);

afterAll(async () => {
  for (const t of targets) await t.drop();
  await source?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

async function restoreAndCarryOn(file: string) {
  const target = await createEmptyDatabase();
  targets.push(target);
  const dataDir = fs.mkdtempSync(path.join(work, 'data-'));
  await restoreBackup({ database: target, driver: createFsDriver(path.join(dataDir, 'blobs')), keyring: source.keyring }, file);

  // Every restored id is below any transaction to come, and each row stands where it stood relative to every cursor.
  const { rows } = await target.pool.query<{ highest: string; next: string }>(
    `select greatest((select max(tx_id) from domain_event), (select max(tx_id) from ledger_entry),
                     (select max(last_tx_id) from event_consumer), (select last_tx_id from ledger_state))::text as highest,
            pg_current_xact_id()::text as next`,
  );
  expect(BigInt(rows[0]!.highest)).toBeLessThan(BigInt(rows[0]!.next));
  expect(await backlogOf(target)).toEqual(backlog);

  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, SEED_DEMO: 'false', JOBS_ENABLED: 'false' });
  const app = await buildApp({ config, database: target, keyring: source.keyring });
  await app.ready();
  try {
    const before = files.length;
    await upload(app, alice, `after the restore into ${target.name}`);
    await upload(app, alice, `and once more into ${target.name}`);
    await settle(app);

    // Every consumer delivered everything, the restored backlog and what came after.
    for (const [name, ids] of Object.entries((await backlogOf(target)).consumers)) expect(ids, name).toEqual([]);
    const { rows: counts } = await target.pool.query<{ events: number; eventEntries: number; entries: number; size: number }>(
      `select (select count(*) from domain_event)::int as events, (select count(*) from ledger_entry where kind = 'event')::int as "eventEntries",
              (select count(*) from ledger_entry)::int as entries, (select size from ledger_state)::int as size`,
    );
    expect(counts[0]!.eventEntries).toBe(counts[0]!.events);
    expect(counts[0]!.size).toBe(counts[0]!.entries);
    // Every file, from before the backup and after the restore, has a receipt.
    for (const sha256 of files.slice(0, 4).concat(files.slice(before))) {
      expect((await app.platform.ledger.service.lookup(sha256)).status, sha256).toBe('recorded');
    }
    const report = await verifyLog(target.pool, { keyring: source.keyring });
    expect(report).toMatchObject({ ok: true, size: counts[0]!.entries });
  } finally {
    await app.close();
  }
  return target;
}

describe('restore and transaction ids', () => {
  it('restores a backup from a cluster far ahead with its ids below this one, and the consumers and the ledger carry on', async () => {
    const target = await restoreAndCarryOn(ahead);
    // The ids were rebased: nothing from the backup kept its value.
    const { rows } = await target.pool.query<{ n: number }>(`select count(*)::int as n from domain_event where tx_id >= $1::xid8`, [AHEAD_BY.toString()]);
    expect(rows[0]!.n).toBe(0);
  });

  it('restores a backup from a cluster behind this one with its ids as they were', async () => {
    const target = await restoreAndCarryOn(archive);
    const ids = async (database: Database) =>
      (await database.pool.query(`select id, tx_id::text from domain_event where id <= $1 order by id`, [backlog.consumers.ledger!.at(-1)])).rows;
    expect(await ids(target)).toEqual(await ids(source.database));
  });
});
