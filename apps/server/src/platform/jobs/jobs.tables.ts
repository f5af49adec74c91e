import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from '../db/columns.ts';

export const job = pgTable(
  'job',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('queued'), // queued | running | done | failed
    runAt: tstz('run_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    lockedBy: text('locked_by'),
    lockedUntil: tstz('locked_until'),
    /** At most one queued or running job per unique key. */
    uniqueKey: text('unique_key'),
    progress: jsonb('progress').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    index('job_due_idx').on(t.runAt).where(sql`status = 'queued'`),
    index('job_lease_idx').on(t.lockedUntil).where(sql`status = 'running'`),
    uniqueIndex('job_unique_key').on(t.uniqueKey).where(sql`status in ('queued', 'running')`),
    index('job_finished_idx').on(t.finishedAt).where(sql`status in ('done', 'failed')`),
  ],
);

export const jobSchedule = pgTable('job_schedule', {
  name: text('name').primaryKey(),
  cron: text('cron').notNull(),
  jobName: text('job_name').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  nextRunAt: tstz('next_run_at').notNull(),
  lastRunAt: tstz('last_run_at'),
});
