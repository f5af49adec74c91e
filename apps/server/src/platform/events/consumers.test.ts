import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, manualClock, type TestDatabase } from '../../../test/harness.ts';
import { testLog, waitFor } from '../../../test/wait.ts';
import { systemClock, type Clock } from '../clock/index.ts';
import { openDatabase, type Database, type Db } from '../db/database.ts';
import { appendEvent, createDbListener, createEventConsumers, type DomainEvent, type EventConsumers } from './index.ts';

let database: TestDatabase;
const extra: Database[] = [];
const started: EventConsumers[] = [];
const listeners: ReturnType<typeof createDbListener>[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query('create table test_sink (seq bigserial primary key, consumer text not null, event_id bigint not null, unique (consumer, event_id))');
});
beforeEach(async () => {
  await database.pool.query('truncate domain_event, event_consumer, test_sink');
});
afterAll(async () => {
  for (const c of started) await c.stop();
  for (const l of listeners) await l.stop();
  for (const d of extra) await d.close();
  await database.drop();
});

/** Append an event on a raw connection (inside an open transaction) or in a transaction of its own. */
const write = async (on: Db | pg.PoolClient, type: string) => {
  if (on === database.db) return appendEvent(database.db, { type, aggregateType: 'test', aggregateId: 'a1', payload: {} });
  const r = await (on as pg.PoolClient).query<{ id: string }>(`insert into domain_event (type, aggregate_type, aggregate_id, payload) values ($1, 'test', 'a1', '{}') returning id`, [type]);
  return Number(r.rows[0]!.id);
};

function consumersOn(opts: { clock?: Clock; ownPool?: boolean; listen?: boolean; pollMs?: number } = {}) {
  let db = database.db;
  if (opts.ownPool) {
    const d = openDatabase(database.url, 4);
    extra.push(d);
    db = d.db;
  }
  let listener;
  if (opts.listen) {
    listener = createDbListener({ url: database.url, log: testLog() });
    listeners.push(listener);
  }
  const consumers = createEventConsumers({ db, clock: opts.clock ?? systemClock, log: testLog(), listener, pollMs: opts.pollMs ?? 1000, random: () => 1 });
  started.push(consumers);
  return { consumers, listener };
}

/** A consumer that records what it sees and writes one sink row per event in its own transaction. */
function recording(name: string, opts: { fail?: (e: DomainEvent) => boolean; batchSize?: number; types?: string[]; startAt?: 'beginning' | 'latest' } = {}) {
  const seen: string[] = [];
  return {
    seen,
    def: {
      name,
      batchSize: opts.batchSize,
      types: opts.types,
      startAt: opts.startAt,
      backoff: { baseMs: 1000, maxMs: 60_000 },
      async handle(events: DomainEvent[], ctx: { tx: Parameters<Db['transaction']>[0] extends (tx: infer T) => unknown ? T : never }) {
        for (const e of events) {
          await ctx.tx.execute(sql`insert into test_sink (consumer, event_id) values (${name}, ${e.id})`);
          if (opts.fail?.(e)) throw new Error(`cannot handle ${e.type}`);
          seen.push(e.type);
        }
      },
    },
  };
}

/**
 * Run the consumers until they stop for a reason other than 'held'. Transaction ids are cluster-wide:
 * a transaction of another database on the same server (another test run) briefly holds events back.
 */
async function drain(consumers: EventConsumers) {
  let last: Record<string, string> = {};
  await waitFor(async () => {
    last = await consumers.runUntilIdle();
    return !Object.values(last).includes('held');
  }, { timeoutMs: 15_000, what: 'consumers to catch up' });
  return last;
}

const sink = async (consumer: string) =>
  (await database.pool.query<{ event_id: string }>('select event_id from test_sink where consumer = $1 order by seq', [consumer])).rows.map((r) => Number(r.event_id));

describe('event consumers', () => {
  it('delivers in transaction order, each transaction whole', async () => {
    const { consumers } = consumersOn();
    const rec = recording('order');
    consumers.register(rec.def);
    const t1 = await database.pool.connect();
    try {
      await t1.query('begin');
      await write(t1, 't1.first');
      await write(database.db, 't2.only'); // commits first, but its transaction began later
      await write(t1, 't1.second');
      await t1.query('commit');
    } finally {
      t1.release();
    }
    await write(database.db, 't3.only');
    expect(await drain(consumers)).toEqual({ order: 'idle' });
    expect(rec.seen).toEqual(['t1.first', 't1.second', 't2.only', 't3.only']);
  });

  it('never skips the event of a long transaction that commits after later ones', async () => {
    const { consumers } = consumersOn();
    const rec = recording('long-tx');
    consumers.register(rec.def);
    await write(database.db, 'before');
    expect(await drain(consumers)).toEqual({ 'long-tx': 'idle' });
    const slow = await database.pool.connect();
    try {
      await slow.query('begin');
      await write(slow, 'slow');
      await write(database.db, 'after.1');
      await write(database.db, 'after.2');
      // Everything from the slow transaction on waits: a cursor past after.* would skip 'slow'.
      expect(await consumers.runUntilIdle()).toEqual({ 'long-tx': 'held' });
      expect(rec.seen).toEqual(['before']);
      await slow.query('commit');
    } finally {
      slow.release();
    }
    expect(await drain(consumers)).toEqual({ 'long-tx': 'idle' });
    expect(rec.seen).toEqual(['before', 'slow', 'after.1', 'after.2']);
    expect(await consumers.lag('long-tx')).toBe(0);
  });

  it('does not advance past a rolled-back batch; retries with back-off and loses nothing', async () => {
    const clock = manualClock();
    const { consumers } = consumersOn({ clock });
    let broken = true;
    const rec = recording('flaky', { fail: (e) => broken && e.type === 'poison' });
    consumers.register(rec.def);
    const ids = [];
    for (const type of ['ok.1', 'ok.2', 'poison', 'ok.3', 'ok.4']) ids.push(await write(database.db, type));

    expect(await drain(consumers)).toEqual({ flaky: 'failed' });
    // The batch failed as a whole and was rolled back, then went one by one: the events before the bad
    // one went through. Delivery is at least once: the handler saw ok.1 and ok.2 twice, but only the
    // committed tries' writes remain.
    expect(rec.seen).toEqual(['ok.1', 'ok.2', 'ok.1', 'ok.2']);
    expect(await sink('flaky')).toEqual(ids.slice(0, 2));
    let status = (await consumers.status('flaky'))!;
    expect(status).toMatchObject({ failures: 1, lastError: 'Error: cannot handle poison', lastId: ids[1] });
    expect(status.retryAt!.getTime() - clock.now().getTime()).toBe(1000);

    expect(await drain(consumers)).toEqual({ flaky: 'waiting' });
    clock.advance(1000);
    expect(await drain(consumers)).toEqual({ flaky: 'failed' });
    status = (await consumers.status('flaky'))!;
    expect(status.failures).toBe(2);
    expect(status.retryAt!.getTime() - clock.now().getTime()).toBe(2000);

    broken = false;
    clock.advance(2000);
    expect(await drain(consumers)).toEqual({ flaky: 'idle' });
    expect(rec.seen.slice(4)).toEqual(['poison', 'ok.3', 'ok.4']);
    // The failed tries' writes were rolled back with them: each event's row exists once.
    expect(await sink('flaky')).toEqual(ids);
    expect(await consumers.status('flaky')).toMatchObject({ failures: 0, lastError: null, retryAt: null, lastId: ids[4] });
  });

  it('keeps separate cursors, filters by type, and can start from the latest event', async () => {
    const { consumers } = consumersOn();
    await write(database.db, 'old');
    const all = recording('all');
    const some = recording('some', { types: ['wanted'] });
    consumers.register(all.def);
    consumers.register(some.def);
    await drain(consumers);
    const fresh = recording('fresh', { startAt: 'latest' });
    consumers.register(fresh.def);
    await drain(consumers);
    await write(database.db, 'wanted');
    await write(database.db, 'other');
    await drain(consumers);
    expect(all.seen).toEqual(['old', 'wanted', 'other']);
    expect(some.seen).toEqual(['wanted']);
    expect(fresh.seen).toEqual(['wanted', 'other']);
    expect(await consumers.lag('some')).toBe(0);
  });

  it('delivers each event once to a consumer run by two processes', async () => {
    const a = consumersOn({ ownPool: true, listen: true, pollMs: 200 });
    const b = consumersOn({ ownPool: true, listen: true, pollMs: 200 });
    const recA = recording('shared', { batchSize: 7 });
    const recB = recording('shared', { batchSize: 7 });
    a.consumers.register(recA.def);
    b.consumers.register(recB.def);
    await a.listener!.start();
    await b.listener!.start();
    await a.consumers.start();
    await b.consumers.start();
    const written: number[] = [];
    // 30 transactions from 3 connections at once, 10 events each, interleaved.
    await Promise.all(
      [0, 1, 2].map(async (w) => {
        for (let t = 0; t < 10; t++) {
          await database.db.transaction(async (tx) => {
            for (let i = 0; i < 10; i++) written.push(await appendEvent(tx, { type: `w${w}`, aggregateType: 'test', aggregateId: `t${t}`, payload: { i } }));
          });
        }
      }),
    );
    await waitFor(async () => (await sink('shared')).length === 300, { timeoutMs: 20_000, what: '300 deliveries' });
    await a.consumers.stop();
    await b.consumers.stop();
    // Which process won each batch is up to timing; that no event reached the consumer twice is not.
    expect(recA.seen.length + recB.seen.length).toBe(300);
    const delivered = await sink('shared');
    const logOrder = (await database.pool.query<{ id: string }>('select id from domain_event order by tx_id, id')).rows.map((r) => Number(r.id));
    expect(delivered).toEqual(logOrder);
    expect(new Set(delivered)).toEqual(new Set(written));
  });

  it('lets one process at a time run a consumer: the other finds it busy', async () => {
    const a = consumersOn({ ownPool: true });
    const b = consumersOn({ ownPool: true });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const seenB: string[] = [];
    a.consumers.register({
      name: 'exclusive',
      async handle(events) {
        entered();
        await gate;
        expect(events.map((e) => e.type)).toEqual(['first']);
      },
    });
    b.consumers.register({ name: 'exclusive', handle: async (events) => void seenB.push(...events.map((e) => e.type)) });
    await write(database.db, 'first');
    await waitFor(
      async () => (await database.pool.query(`select 1 from domain_event where type = 'first' and tx_id < pg_snapshot_xmin(pg_current_snapshot())`)).rowCount === 1,
      { what: 'the event to be visible to all' },
    );
    const runA = a.consumers.runUntilIdle();
    await inside;
    await write(database.db, 'second');
    expect(await b.consumers.runUntilIdle()).toEqual({ exclusive: 'busy' });
    release();
    expect(await runA).toMatchObject({ exclusive: expect.stringMatching(/idle|held|more/) });
    await waitFor(async () => (await b.consumers.runUntilIdle()).exclusive === 'idle' && seenB.length > 0, { what: 'b to continue' });
    expect(seenB).toEqual(['second']);
  });

  it('is woken by the NOTIFY of new events, long before its next poll', async () => {
    const { consumers, listener } = consumersOn({ listen: true, pollMs: 60_000 });
    const rec = recording('woken');
    consumers.register(rec.def);
    await listener!.start();
    await consumers.start();
    await waitFor(async () => (await consumers.status('woken')) !== undefined, { what: 'consumer ready' });
    await write(database.db, 'ping');
    await waitFor(() => rec.seen.length === 1, { timeoutMs: 5_000, what: 'wake-up' });
    await consumers.stop();
  });
});

describe('database listener', () => {
  it('reconnects after its connection is killed and hears notifications again', async () => {
    const listener = createDbListener({ url: database.url, log: testLog(), retryMinMs: 20 });
    listeners.push(listener);
    const heard: string[] = [];
    let connects = 0;
    listener.on('oc_test_channel', (p) => heard.push(p));
    listener.onConnect(() => connects++);
    await listener.start();
    expect(listener.connected).toBe(true);
    await database.pool.query(`select pg_notify('oc_test_channel', 'one')`);
    await waitFor(() => heard.length === 1, { what: 'first notification' });

    const killed = await database.pool.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'opencourt-listener' and query like 'LISTEN%'`,
    );
    expect(killed.rowCount).toBeGreaterThanOrEqual(1);
    await waitFor(() => connects >= 2 && listener.connected, { what: 'reconnection' });
    await database.pool.query(`select pg_notify('oc_test_channel', 'two')`);
    await waitFor(() => heard.includes('two'), { what: 'notification after reconnecting' });
    expect(heard).toEqual(['one', 'two']);
    await listener.stop();
  });
});
