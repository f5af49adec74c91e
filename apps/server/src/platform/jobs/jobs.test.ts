import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, manualClock, type TestDatabase } from '../../../test/harness.ts';
import { testLog, waitFor } from '../../../test/wait.ts';
import { systemClock, type Clock } from '../clock/index.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { createDbListener } from '../events/db-listener.ts';
import { createJobs, createPruneJob, jobsStore, PermanentJobError, PRUNE_JOB, type Jobs } from './index.ts';
import { job, jobSchedule } from './jobs.tables.ts';

let database: TestDatabase;
const extra: Database[] = [];
const runners: Jobs[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const r of runners) await r.stop({ graceMs: 100 });
  for (const d of extra) await d.close();
  await database.drop();
});

/** A runner on its own connection pool, as another process would have. */
function runnerOn(opts: { clock: Clock; concurrency?: number; ownPool?: boolean; leaseMs?: number; pollMs?: number; listen?: boolean; workerId?: string }) {
  let db = database.db;
  if (opts.ownPool) {
    const d = openDatabase(database.url, 5);
    extra.push(d);
    db = d.db;
  }
  const listener = opts.listen ? createDbListener({ url: database.url, log: testLog() }) : undefined;
  const jobs = createJobs({
    db,
    clock: opts.clock,
    log: testLog(),
    listener,
    concurrency: opts.concurrency ?? 4,
    leaseMs: opts.leaseMs ?? 30_000,
    pollMs: opts.pollMs ?? 50,
    random: () => 1,
    workerId: opts.workerId,
  });
  if (listener) {
    const stop = jobs.stop;
    jobs.stop = async (o) => {
      await stop(o);
      await listener.stop();
    };
    jobs.start = ((start) => async () => {
      await listener.start();
      await start();
    })(jobs.start);
  }
  runners.push(jobs);
  return jobs;
}

const row = async (id: number) => (await jobsStore.find(database.db, id))!;

describe('enqueue', () => {
  it('dedupes by unique key while a job is queued or running, then allows a new one', async () => {
    const clock = manualClock();
    const jobs = runnerOn({ clock });
    const seen: unknown[] = [];
    jobs.register({ name: 'test.dedupe', handler: async (p) => void seen.push(p) });
    const a = await jobs.enqueue(database.db, 'test.dedupe', { n: 1 }, { uniqueKey: 'dedupe:1' });
    const b = await jobs.enqueue(database.db, 'test.dedupe', { n: 2 }, { uniqueKey: 'dedupe:1' });
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    expect(await jobs.runUntilIdle()).toBe(1);
    expect(seen).toEqual([{ n: 1 }]);
    const c = await jobs.enqueue(database.db, 'test.dedupe', { n: 3 }, { uniqueKey: 'dedupe:1' });
    expect(c.created).toBe(true);
    expect(c.id).not.toBe(a.id);
  });

  it('exists only if the enqueueing transaction commits', async () => {
    const clock = manualClock();
    const jobs = runnerOn({ clock });
    jobs.register({ name: 'test.tx', handler: async () => {} });
    let id = 0;
    await expect(
      database.db.transaction(async (tx) => {
        id = (await jobs.enqueue(tx, 'test.tx', {})).id;
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await jobsStore.find(database.db, id)).toBeUndefined();
  });

  it('waits until runAt', async () => {
    const clock = manualClock();
    const jobs = runnerOn({ clock });
    jobs.register({ name: 'test.later', handler: async () => {} });
    const { id } = await jobs.enqueue(database.db, 'test.later', {}, { runAt: new Date(clock.now().getTime() + 60_000) });
    expect(await jobs.runUntilIdle()).toBe(0);
    clock.advance(60_000);
    expect(await jobs.runUntilIdle()).toBe(1);
    expect((await row(id)).status).toBe('done');
  });
});

describe('retries', () => {
  it('retries with exponential back-off, then succeeds', async () => {
    const clock = manualClock();
    const jobs = runnerOn({ clock });
    let calls = 0;
    jobs.register({
      name: 'test.flaky',
      backoff: { baseMs: 1000, maxMs: 60_000 },
      handler: async (_p, ctx) => {
        calls++;
        if (ctx.attempt < 3) throw new Error(`provider down (try ${ctx.attempt})`);
      },
    });
    const { id } = await jobs.enqueue(database.db, 'test.flaky', {});
    const t0 = clock.now().getTime();
    await jobs.runUntilIdle();
    let r = await row(id);
    expect(r).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Error: provider down (try 1)', lockedBy: null });
    // random() = 1 takes the top of the jitter window: 1 s after the first failure, 2 s after the second.
    expect(r.runAt.getTime() - t0).toBe(1000);

    clock.advance(999);
    expect(await jobs.runUntilIdle()).toBe(0);
    clock.advance(1);
    await jobs.runUntilIdle();
    r = await row(id);
    expect(r).toMatchObject({ status: 'queued', attempts: 2 });
    expect(r.runAt.getTime() - clock.now().getTime()).toBe(2000);

    clock.advance(2000);
    await jobs.runUntilIdle();
    expect(await row(id)).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(calls).toBe(3);
  });

  it('fails for good after maxAttempts, keeping the last error', async () => {
    const clock = manualClock();
    const jobs = runnerOn({ clock });
    let calls = 0;
    const lastFlags: boolean[] = [];
    jobs.register({
      name: 'test.broken',
      backoff: { baseMs: 10, maxMs: 10 },
      handler: async (_p, ctx) => {
        calls++;
        lastFlags.push(ctx.lastAttempt);
        throw new Error(`still broken ${ctx.attempt}`);
      },
    });
    const { id } = await jobs.enqueue(database.db, 'test.broken', {}, { maxAttempts: 3 });
    for (let i = 0; i < 5; i++) {
      await jobs.runUntilIdle();
      clock.advance(10);
    }
    expect(calls).toBe(3);
    expect(lastFlags).toEqual([false, false, true]);
    const r = await row(id);
    expect(r).toMatchObject({ status: 'failed', attempts: 3, lastError: 'Error: still broken 3', lockedBy: null });
    expect(r.finishedAt).not.toBeNull();
  });

  it('fails at once on a permanent error or an invalid payload', async () => {
    const clock = manualClock();
    const jobs = runnerOn({ clock });
    jobs.register({
      name: 'test.permanent',
      handler: async () => {
        throw new PermanentJobError('the document no longer exists');
      },
    });
    jobs.register({ name: 'test.typed', payload: z.object({ matterId: z.uuid() }), handler: async () => {} });
    const a = await jobs.enqueue(database.db, 'test.permanent', {});
    const b = await jobs.enqueue(database.db, 'test.typed', { matterId: 'nope' });
    await jobs.runUntilIdle();
    expect(await row(a.id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'PermanentJobError: the document no longer exists' });
    expect(await row(b.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await row(b.id)).lastError).toMatch(/^PermanentJobError: invalid payload: matterId /);
  });
});

describe('leases', () => {
  it('runs a job again when its worker died holding the lease', async () => {
    const clock = manualClock();
    const jobs = runnerOn({ clock, leaseMs: 30_000 });
    const ran: number[] = [];
    jobs.register({ name: 'test.orphan', handler: async (_p, ctx) => void ran.push(ctx.attempt) });
    const { id } = await jobs.enqueue(database.db, 'test.orphan', {});
    // Another process claims it the way every runner does, then dies before finishing.
    const [claimed] = await jobsStore.claim(database.db, { names: ['test.orphan'], limit: 1, workerId: 'dead-process', now: clock.now(), leaseMs: 30_000 });
    expect(claimed?.id).toBe(id);
    expect(await jobs.runUntilIdle()).toBe(0);
    clock.advance(30_001);
    expect(await jobs.runUntilIdle()).toBe(1);
    expect(ran).toEqual([2]);
    expect(await row(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('fails a job whose lease expired on its last try', async () => {
    const clock = manualClock();
    const jobs = runnerOn({ clock });
    jobs.register({ name: 'test.orphan-last', handler: async () => {} });
    const { id } = await jobs.enqueue(database.db, 'test.orphan-last', {}, { maxAttempts: 1 });
    await jobsStore.claim(database.db, { names: ['test.orphan-last'], limit: 1, workerId: 'dead-process', now: clock.now(), leaseMs: 1000 });
    clock.advance(1001);
    expect(await jobs.reclaimExpired()).toBe(1);
    const r = await row(id);
    expect(r.status).toBe('failed');
    expect(r.lastError).toMatch(/lease expired: worker dead-process/);
  });

  it('renews the lease of a long job and records its progress', async () => {
    const jobs = runnerOn({ clock: systemClock, leaseMs: 300, pollMs: 20 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    jobs.register({
      name: 'test.long',
      handler: async (_p, ctx) => {
        await ctx.progress({ done: 1, total: 2 });
        await gate;
      },
    });
    await jobs.start();
    const { id } = await jobs.enqueue(database.db, 'test.long', {});
    await jobs.wake();
    await waitFor(async () => (await row(id)).progress, { what: 'progress' });
    const firstLease = (await row(id)).lockedUntil!.getTime();
    // Longer than the lease: without renewal another worker could take it.
    await waitFor(async () => (await row(id)).lockedUntil!.getTime() > firstLease + 300, { what: 'renewal' });
    expect(await jobs.reclaimExpired()).toBe(0);
    expect((await row(id)).progress).toEqual({ done: 1, total: 2 });
    release();
    await waitFor(async () => (await row(id)).status === 'done', { what: 'done' });
    await jobs.stop();
  });
});

describe('several runners', () => {
  it('never runs one job twice: 200 jobs, two runners on two pools', async () => {
    const a = runnerOn({ clock: systemClock, ownPool: true, concurrency: 4, listen: true, pollMs: 5_000, workerId: 'runner-a' });
    const b = runnerOn({ clock: systemClock, ownPool: true, concurrency: 4, listen: true, pollMs: 5_000, workerId: 'runner-b' });
    const runs = new Map<number, string[]>();
    const inFlight = new Set<number>();
    let overlap = 0;
    for (const [jobs, who] of [[a, 'a'], [b, 'b']] as const) {
      jobs.register({
        name: 'test.count',
        payload: z.object({ n: z.number() }),
        handler: async (p) => {
          if (inFlight.has(p.n)) overlap++;
          inFlight.add(p.n);
          runs.set(p.n, [...(runs.get(p.n) ?? []), who]);
          await new Promise((r) => setTimeout(r, Math.random() * 4));
          inFlight.delete(p.n);
        },
      });
    }
    await a.start();
    await b.start();
    // Enqueued in one transaction: the NOTIFY at commit wakes both runners (they poll only every 5 s).
    await database.db.transaction(async (tx) => {
      for (let n = 0; n < 200; n++) await a.enqueue(tx, 'test.count', { n });
    });
    await waitFor(async () => {
      const [r] = await database.db.select({ n: sql<number>`count(*)::int` }).from(job).where(sql`name = 'test.count' and status = 'done'`);
      return r!.n === 200;
    }, { timeoutMs: 20_000, what: '200 jobs done' });
    expect(runs.size).toBe(200);
    expect([...runs.values()].every((w) => w.length === 1)).toBe(true);
    expect(overlap).toBe(0);
    const byA = [...runs.values()].filter((w) => w[0] === 'a').length;
    expect(byA).toBeGreaterThan(0);
    expect(byA).toBeLessThan(200);
    await a.stop();
    await b.stop();
  });

  it('fires each schedule occurrence once across two runners', async () => {
    const clock = manualClock(new Date('2026-11-25T08:00:30Z'));
    const a = runnerOn({ clock, ownPool: true });
    const b = runnerOn({ clock, ownPool: true });
    const fired: { who: string; at: string }[] = [];
    for (const [jobs, who] of [[a, 'a'], [b, 'b']] as const) {
      jobs.register({ name: 'test.minutely', payload: z.object({ tag: z.string() }), handler: async (p) => void fired.push({ who, at: p.tag }) });
    }
    await a.schedule('test-every-minute', '* * * * *', 'test.minutely', { tag: 'tick' });
    // A second process declaring the same schedule at start-up changes nothing.
    clock.advance(10_000);
    await b.schedule('test-every-minute', '* * * * *', 'test.minutely', { tag: 'tick' });
    const s = await jobsStore.findSchedule(database.db, 'test-every-minute');
    expect(s?.nextRunAt.toISOString()).toBe('2026-11-25T08:01:00.000Z');

    expect(await Promise.all([a.runUntilIdle(), b.runUntilIdle()])).toEqual([0, 0]);
    for (let minute = 1; minute <= 5; minute++) {
      clock.set(new Date(Date.parse('2026-11-25T08:00:00Z') + minute * 60_000 + 5_000));
      // Both tick at once, several times: each occurrence is claimed by exactly one.
      const ticks = await Promise.all([a.tickSchedules(), b.tickSchedules(), a.tickSchedules(), b.tickSchedules()]);
      expect(ticks.reduce((x, y) => x + y, 0)).toBe(1);
      await Promise.all([a.runUntilIdle(), b.runUntilIdle()]);
    }
    expect(fired).toHaveLength(5);
    const [after] = await database.db.select().from(jobSchedule).where(eq(jobSchedule.name, 'test-every-minute'));
    expect(after?.nextRunAt.toISOString()).toBe('2026-11-25T08:06:00.000Z');
    expect(after?.lastRunAt?.toISOString()).toBe('2026-11-25T08:05:05.000Z');
  });

  it('collapses occurrences missed while everything was down into one run', async () => {
    const clock = manualClock(new Date('2026-11-25T08:00:00Z'));
    const jobs = runnerOn({ clock });
    let fired = 0;
    jobs.register({ name: 'test.catch-up', handler: async () => void fired++ });
    await jobs.schedule('test-catch-up', '*/5 * * * *', 'test.catch-up');
    clock.advance(3 * 3600_000);
    await jobs.runUntilIdle();
    await jobs.runUntilIdle();
    expect(fired).toBe(1);
    expect((await jobsStore.findSchedule(database.db, 'test-catch-up'))?.nextRunAt.toISOString()).toBe('2026-11-25T11:05:00.000Z');
  });
});

describe('wake-up and stopping', () => {
  it('is woken by NOTIFY on enqueue, long before the next poll', async () => {
    const jobs = runnerOn({ clock: systemClock, listen: true, pollMs: 60_000 });
    let ran = false;
    jobs.register({ name: 'test.wake', handler: async () => void (ran = true) });
    await jobs.start();
    const t = Date.now();
    await jobs.enqueue(database.db, 'test.wake', {});
    await waitFor(() => ran, { timeoutMs: 5_000, what: 'wake-up' });
    expect(Date.now() - t).toBeLessThan(5_000);
    await jobs.stop();
  });

  it('keeps queued and interrupted jobs across a restart: the next process runs each once', async () => {
    const first = runnerOn({ clock: systemClock, ownPool: true, concurrency: 1, workerId: 'before-restart' });
    const ranBy: Record<number, string[]> = {};
    let hold = true;
    const handler = (who: string) => async (p: { n: number }, ctx: { signal: AbortSignal }) => {
      (ranBy[p.n] ??= []).push(who);
      while (hold && !ctx.signal.aborted) await new Promise((r) => setTimeout(r, 5));
      if (ctx.signal.aborted) throw new Error('interrupted');
    };
    first.register({ name: 'test.restart', payload: z.object({ n: z.number() }), handler: handler('first') });
    const ids = [];
    for (let n = 0; n < 3; n++) ids.push((await first.enqueue(database.db, 'test.restart', { n })).id);
    await first.start();
    await waitFor(() => first.running === 1, { what: 'first job running' });
    await first.stop({ graceMs: 20 });

    hold = false;
    const second = runnerOn({ clock: systemClock, ownPool: true, workerId: 'after-restart' });
    second.register({ name: 'test.restart', payload: z.object({ n: z.number() }), handler: handler('second') });
    expect(await second.runUntilIdle()).toBe(3);
    for (const id of ids) expect(await row(id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(Object.values(ranBy).map((w) => w.at(-1))).toEqual(['second', 'second', 'second']);
  });

  it('on stop, lets short jobs finish and hands unfinished ones back', async () => {
    const jobs = runnerOn({ clock: systemClock, concurrency: 2 });
    let aborted = false;
    jobs.register({ name: 'test.quick', handler: async () => new Promise((r) => setTimeout(r, 20)) });
    jobs.register({
      name: 'test.stuck',
      handler: async (_p, ctx) =>
        new Promise<void>((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          });
        }),
    });
    const quick = await jobs.enqueue(database.db, 'test.quick', {});
    const stuck = await jobs.enqueue(database.db, 'test.stuck', {});
    await jobs.start();
    await waitFor(() => jobs.running === 2, { what: 'both running' });
    await jobs.stop({ graceMs: 200 });
    expect(aborted).toBe(true);
    expect(await row(quick.id)).toMatchObject({ status: 'done' });
    // Handed back untouched: queued again, the interrupted try not counted, no failure recorded.
    expect(await row(stuck.id)).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null, lastError: null });
  });
});

describe('housekeeping', () => {
  it('prunes done jobs after a week and failed ones after a month', async () => {
    const clock = manualClock(new Date('2026-11-25T08:00:00Z'));
    const jobs = runnerOn({ clock });
    jobs.register({ name: 'test.old-done', handler: async () => {} });
    jobs.register({ name: 'test.old-failed', handler: async () => Promise.reject(new PermanentJobError('no')) });
    jobs.register(createPruneJob({ db: database.db, clock }));
    const done = await jobs.enqueue(database.db, 'test.old-done', {});
    const failed = await jobs.enqueue(database.db, 'test.old-failed', {});
    await jobs.runUntilIdle();
    clock.advance(8 * 86_400_000);
    const recent = await jobs.enqueue(database.db, 'test.old-done', {});
    await jobs.runUntilIdle();
    await jobs.enqueue(database.db, PRUNE_JOB, {});
    await jobs.runUntilIdle();
    expect(await jobsStore.find(database.db, done.id)).toBeUndefined();
    expect((await jobsStore.find(database.db, failed.id))?.status).toBe('failed');
    expect((await jobsStore.find(database.db, recent.id))?.status).toBe('done');
    clock.advance(30 * 86_400_000);
    await jobs.enqueue(database.db, PRUNE_JOB, {});
    await jobs.runUntilIdle();
    expect(await jobsStore.find(database.db, failed.id)).toBeUndefined();
  });
});
