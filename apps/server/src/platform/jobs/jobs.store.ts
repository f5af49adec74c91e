// All SQL of the job queue and its schedules. A worker owns a running job while locked_by names it and
// locked_until is in the future; every write of a running job checks both, so a worker that lost its
// lease can never overwrite what the next owner did.
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { job, jobSchedule } from './jobs.tables.ts';

export const JOB_CHANNEL = 'oc_job';

export type ClaimedJob = {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  /** This try, counting from 1. */
  attempts: number;
  maxAttempts: number;
};

export type JobRow = typeof job.$inferSelect;
export type ScheduleRow = typeof jobSchedule.$inferSelect;

type RawClaimed = { id: number; name: string; payload: Record<string, unknown>; attempts: number; max_attempts: number };

const leaseEnd = (now: Date, leaseMs: number) => new Date(now.getTime() + leaseMs);

export const jobsStore = {
  /**
   * Insert a job; with a unique key, at most one queued or running job holds it, and a second insert
   * returns the existing job instead. A due job wakes the workers when the transaction commits.
   */
  async insert(
    db: Executor,
    row: { name: string; payload: Record<string, unknown>; runAt: Date; maxAttempts: number; uniqueKey: string | null; wake: boolean },
  ): Promise<{ id: number; created: boolean }> {
    const wake = row.wake ? sql`, pg_notify(${JOB_CHANNEL}, ${row.name})` : sql``;
    const inserted = await db.execute<{ id: number }>(sql`
      with ins as (
        insert into job (name, payload, run_at, max_attempts, unique_key)
        values (${row.name}, ${JSON.stringify(row.payload)}::jsonb, ${row.runAt}, ${row.maxAttempts}, ${row.uniqueKey})
        on conflict (unique_key) where status in ('queued', 'running') do nothing
        returning id
      )
      select id ${wake} from ins`);
    const id = inserted.rows[0]?.id;
    if (id !== undefined) return { id: Number(id), created: true };
    const [existing] = await db
      .select({ id: job.id })
      .from(job)
      .where(and(eq(job.uniqueKey, row.uniqueKey!), inArray(job.status, ['queued', 'running'])));
    if (!existing) throw new Error(`job with unique key ${row.uniqueKey} finished while being enqueued again; retry`);
    return { id: existing.id, created: false };
  },

  /** Take up to `limit` due jobs of the given names; concurrent workers skip rows another has locked. */
  async claim(db: Executor, q: { names: string[]; limit: number; workerId: string; now: Date; leaseMs: number }): Promise<ClaimedJob[]> {
    if (!q.names.length || q.limit <= 0) return [];
    const res = await db.execute<RawClaimed>(sql`
      update job j
         set status = 'running', attempts = j.attempts + 1, locked_by = ${q.workerId}, locked_until = ${leaseEnd(q.now, q.leaseMs)}
        from (select id from job
               where status = 'queued' and run_at <= ${q.now} and name in ${q.names}
               order by run_at, id
               limit ${q.limit}
               for update skip locked) picked
       where j.id = picked.id
      returning j.id, j.name, j.payload, j.attempts, j.max_attempts`);
    return res.rows
      .map((r) => ({ id: Number(r.id), name: r.name, payload: r.payload, attempts: r.attempts, maxAttempts: r.max_attempts }))
      .sort((a, b) => a.id - b.id);
  },

  /** Jobs whose worker stopped renewing its lease (it died) run again, or fail if that was their last try. */
  async reclaimExpired(db: Executor, now: Date): Promise<{ id: number; status: string }[]> {
    const res = await db.execute<{ id: number; status: string }>(sql`
      update job j
         set status = case when j.attempts >= j.max_attempts then 'failed' else 'queued' end,
             finished_at = case when j.attempts >= j.max_attempts then ${now}::timestamptz end,
             last_error = 'lease expired: worker ' || coalesce(j.locked_by, '?') || ' stopped before finishing',
             locked_by = null, locked_until = null, run_at = ${now}
        from (select id from job where status = 'running' and locked_until < ${now} for update skip locked) x
       where j.id = x.id
      returning j.id, j.status`);
    return res.rows.map((r) => ({ id: Number(r.id), status: r.status }));
  },

  async complete(db: Executor, id: number, workerId: string, now: Date): Promise<boolean> {
    const rows = await db
      .update(job)
      .set({ status: 'done', finishedAt: now, lockedBy: null, lockedUntil: null, lastError: null })
      .where(and(eq(job.id, id), eq(job.lockedBy, workerId), eq(job.status, 'running')))
      .returning({ id: job.id });
    return rows.length === 1;
  },

  /** Record a failed try: queue it again at `retryAt`, or fail it for good. */
  async fail(db: Executor, id: number, workerId: string, f: { final: boolean; retryAt: Date; error: string; now: Date }): Promise<boolean> {
    const rows = await db
      .update(job)
      .set(
        f.final
          ? { status: 'failed', finishedAt: f.now, lastError: f.error, lockedBy: null, lockedUntil: null }
          : { status: 'queued', runAt: f.retryAt, lastError: f.error, lockedBy: null, lockedUntil: null },
      )
      .where(and(eq(job.id, id), eq(job.lockedBy, workerId), eq(job.status, 'running')))
      .returning({ id: job.id });
    return rows.length === 1;
  },

  /** Hand unfinished jobs back on a clean stop; the interrupted try does not count. */
  async release(db: Executor, ids: number[], workerId: string): Promise<number> {
    if (!ids.length) return 0;
    const rows = await db
      .update(job)
      .set({ status: 'queued', attempts: sql`greatest(${job.attempts} - 1, 0)`, lockedBy: null, lockedUntil: null })
      .where(and(inArray(job.id, ids), eq(job.lockedBy, workerId), eq(job.status, 'running')))
      .returning({ id: job.id });
    return rows.length;
  },

  /** Renew the leases of running jobs; returns the ids still owned. */
  async extendLeases(db: Executor, ids: number[], workerId: string, now: Date, leaseMs: number): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await db
      .update(job)
      .set({ lockedUntil: leaseEnd(now, leaseMs) })
      .where(and(inArray(job.id, ids), eq(job.lockedBy, workerId), eq(job.status, 'running')))
      .returning({ id: job.id });
    return new Set(rows.map((r) => r.id));
  },

  async setProgress(db: Executor, id: number, workerId: string, progress: Record<string, unknown>, now: Date, leaseMs: number): Promise<boolean> {
    const rows = await db
      .update(job)
      .set({ progress, lockedUntil: leaseEnd(now, leaseMs) })
      .where(and(eq(job.id, id), eq(job.lockedBy, workerId), eq(job.status, 'running')))
      .returning({ id: job.id });
    return rows.length === 1;
  },

  async find(db: Executor, id: number): Promise<JobRow | undefined> {
    const [row] = await db.select().from(job).where(eq(job.id, id));
    return row;
  },

  /** Remove finished jobs older than the given times. */
  async prune(db: Executor, q: { doneBefore: Date; failedBefore: Date }): Promise<number> {
    const res = await db.execute(sql`
      delete from job
       where (status = 'done' and finished_at < ${q.doneBefore})
          or (status = 'failed' and finished_at < ${q.failedBefore})`);
    return res.rowCount ?? 0;
  },

  /** Create or change a schedule; its next run is kept unless the cron expression changed. */
  async upsertSchedule(db: Executor, row: { name: string; cron: string; jobName: string; payload: Record<string, unknown>; nextRunAt: Date }) {
    await db
      .insert(jobSchedule)
      .values(row)
      .onConflictDoUpdate({
        target: jobSchedule.name,
        set: {
          cron: sql`excluded.cron`,
          jobName: sql`excluded.job_name`,
          payload: sql`excluded.payload`,
          nextRunAt: sql`case when ${jobSchedule.cron} = excluded.cron then ${jobSchedule.nextRunAt} else excluded.next_run_at end`,
        },
      });
  },

  async deleteSchedule(db: Executor, name: string): Promise<boolean> {
    const rows = await db.delete(jobSchedule).where(eq(jobSchedule.name, name)).returning({ name: jobSchedule.name });
    return rows.length === 1;
  },

  /** Lock the schedules that are due; another process ticking at the same time skips them. */
  async lockDueSchedules(db: Executor, now: Date, limit: number): Promise<ScheduleRow[]> {
    return db
      .select()
      .from(jobSchedule)
      .where(lte(jobSchedule.nextRunAt, now))
      .orderBy(jobSchedule.nextRunAt)
      .limit(limit)
      .for('update', { skipLocked: true });
  },

  async advanceSchedule(db: Executor, name: string, nextRunAt: Date, lastRunAt: Date) {
    await db.update(jobSchedule).set({ nextRunAt, lastRunAt }).where(eq(jobSchedule.name, name));
  },

  async findSchedule(db: Executor, name: string): Promise<ScheduleRow | undefined> {
    const [row] = await db.select().from(jobSchedule).where(eq(jobSchedule.name, name));
    return row;
  },
};
