// The worker side of the queue: claims due jobs under a lease, runs their handlers with a
// concurrency limit, retries failures with back-off, and ticks the cron schedules. Several processes
// run it at once; the database decides who runs what (SKIP LOCKED), so no job runs twice at a time
// and a job whose worker died runs again once its lease expires.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { ZodType } from 'zod';
import type { Clock } from '../clock/index.ts';
import type { Db } from '../db/database.ts';
import type { DbListener } from '../events/db-listener.ts';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff.ts';
import { DEFAULT_SCHEDULE_TZ, nextOccurrence } from './cron.ts';
import { JOB_CHANNEL, jobsStore, type ClaimedJob } from './jobs.store.ts';
import type { JobQueue } from './queue.ts';

export type JobContext = {
  jobId: number;
  name: string;
  /** This try, counting from 1. */
  attempt: number;
  maxAttempts: number;
  /** The last try: a failure now fails the job for good. */
  lastAttempt: boolean;
  /** Aborted when the worker stops or loses the job's lease: stop early, the job will run again. */
  signal: AbortSignal;
  /** Record progress of a long job (shown to users) and renew its lease. */
  progress(value: Record<string, unknown>): Promise<void>;
  log: FastifyBaseLogger;
};

export type JobDefinition<P> = {
  name: string;
  /** Validates the payload; an invalid payload fails the job at once, since retrying cannot help. */
  payload?: ZodType<P>;
  handler(payload: P, ctx: JobContext): Promise<void>;
  backoff?: BackoffPolicy;
};

/** Thrown by a handler when retrying cannot succeed: the job fails without further tries. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export type JobRunnerDeps = {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  queue: JobQueue;
  /** Wakes the runner when a job is enqueued anywhere; without it the runner only polls. */
  listener?: DbListener;
  concurrency: number;
  workerId?: string;
  /** How long a claimed job stays ours without renewal (renewed every third of it while it runs). */
  leaseMs?: number;
  /** Polling fallback, and how often expired leases and schedules are checked. */
  pollMs?: number;
  random?: () => number;
  scheduleTz?: string;
};

type Running = { job: ClaimedJob; controller: AbortController; done: Promise<void> };

/** An invalid payload fails the job at once: retrying cannot make it valid. */
function parsePayload(def: JobDefinition<unknown>, job: ClaimedJob): unknown {
  if (!def.payload) return job.payload;
  const parsed = def.payload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError(`invalid payload: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
  return parsed.data;
}

const describe = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 2000);

export function createJobRunner(deps: JobRunnerDeps) {
  const { db, clock, log, queue } = deps;
  const workerId = deps.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = deps.leaseMs ?? 60_000;
  const pollMs = deps.pollMs ?? 2_000;
  const random = deps.random ?? Math.random;
  const tz = deps.scheduleTz ?? DEFAULT_SCHEDULE_TZ;
  const concurrency = deps.concurrency;

  const definitions = new Map<string, JobDefinition<unknown>>();
  const running = new Map<number, Running>();
  let started = false;
  let accepting = false;
  let pumping: Promise<void> | null = null;
  let pumpAgain = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  const unsubscribe: (() => void)[] = [];

  const execute = (job: ClaimedJob) => {
    const def = definitions.get(job.name)!;
    const controller = new AbortController();
    const ctx: JobContext = {
      jobId: job.id,
      name: job.name,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      lastAttempt: job.attempts >= job.maxAttempts,
      signal: controller.signal,
      log: log.child({ jobId: job.id, job: job.name, attempt: job.attempts }),
      async progress(value) {
        if (!(await jobsStore.setProgress(db, job.id, workerId, value, clock.now(), leaseMs))) controller.abort(new Error('lease lost'));
      },
    };
    const done = (async () => {
      try {
        await def.handler(parsePayload(def, job), ctx);
        if (!(await jobsStore.complete(db, job.id, workerId, clock.now()))) ctx.log.warn('job finished after its lease was lost; its result was not recorded');
      } catch (err) {
        if (controller.signal.aborted) return; // released or lost: the next owner records the outcome
        const final = err instanceof PermanentJobError || ctx.lastAttempt;
        const retryAt = new Date(clock.now().getTime() + retryDelayMs(job.attempts, def.backoff ?? DEFAULT_BACKOFF, random));
        ctx.log[final ? 'error' : 'warn']({ err, final }, final ? 'job failed for good' : 'job failed; will retry');
        await jobsStore.fail(db, job.id, workerId, { final, retryAt, error: describe(err), now: clock.now() });
      }
    })()
      .catch((err) => log.error({ err, jobId: job.id }, 'could not record the outcome of a job'))
      .finally(() => {
        running.delete(job.id);
        if (accepting) void pump();
      });
    running.set(job.id, { job, controller, done });
  };

  /** Claim as many due jobs as there are free slots and start them. */
  const claimOnce = async (): Promise<{ claimed: number; full: boolean }> => {
    const free = concurrency - running.size;
    if (free <= 0) return { claimed: 0, full: false };
    const jobs = await jobsStore.claim(db, { names: [...definitions.keys()], limit: free, workerId, now: clock.now(), leaseMs });
    for (const job of jobs) execute(job);
    return { claimed: jobs.length, full: jobs.length === free };
  };

  function pump(): Promise<void> {
    if (!accepting) return Promise.resolve(); // stopped, or runUntilIdle is driving
    if (pumping) {
      pumpAgain = true;
      return pumping;
    }
    pumping = (async () => {
      try {
        do {
          pumpAgain = false;
          while ((await claimOnce()).full && running.size < concurrency);
        } while (pumpAgain);
      } catch (err) {
        log.error({ err }, 'could not claim jobs');
      } finally {
        pumping = null;
      }
    })();
    return pumping;
  }

  /** Enqueue the job of every due schedule, each occurrence once across all processes. */
  const tickSchedules = async (): Promise<number> => {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const due = await jobsStore.lockDueSchedules(tx, now, 100);
      for (const s of due) {
        let next: Date;
        try {
          next = nextOccurrence(s.cron, now, tz);
        } catch (err) {
          log.error({ err, schedule: s.name }, 'invalid cron expression; schedule paused for a day');
          await jobsStore.advanceSchedule(tx, s.name, new Date(now.getTime() + 86_400_000), now);
          continue;
        }
        // Missed occurrences (everything was down) collapse into this one run.
        await jobsStore.advanceSchedule(tx, s.name, next, now);
        await queue.enqueue(tx, s.jobName, s.payload);
      }
      return due.length;
    });
  };

  const reclaimExpired = async () => {
    const reclaimed = await jobsStore.reclaimExpired(db, clock.now());
    for (const r of reclaimed) log.warn({ jobId: r.id, status: r.status }, 'job lease expired; its worker stopped');
    return reclaimed.length;
  };

  const maintain = async () => {
    try {
      await reclaimExpired();
      await tickSchedules();
    } catch (err) {
      log.error({ err }, 'job maintenance failed');
    }
    await pump();
  };

  const renewLeases = async () => {
    const ids = [...running.keys()];
    if (!ids.length) return;
    try {
      const kept = await jobsStore.extendLeases(db, ids, workerId, clock.now(), leaseMs);
      for (const id of ids) {
        if (!kept.has(id)) running.get(id)?.controller.abort(new Error('lease lost'));
      }
    } catch (err) {
      log.error({ err }, 'could not renew job leases');
    }
  };

  const schedulePoll = () => {
    pollTimer = setTimeout(() => {
      void maintain().finally(() => {
        if (started) schedulePoll();
      });
    }, pollMs);
    pollTimer.unref();
  };

  return {
    workerId,

    register<P>(def: JobDefinition<P>) {
      if (definitions.has(def.name)) throw new Error(`job ${def.name} is already registered`);
      definitions.set(def.name, def as JobDefinition<unknown>);
    },

    /** Create or update a cron schedule that enqueues `jobName` with `payload` at each occurrence. */
    async schedule(name: string, cron: string, jobName: string, payload: Record<string, unknown> = {}) {
      const nextRunAt = nextOccurrence(cron, clock.now(), tz);
      await jobsStore.upsertSchedule(db, { name, cron, jobName, payload, nextRunAt });
    },

    unschedule: (name: string) => jobsStore.deleteSchedule(db, name),

    async start() {
      if (started) return;
      started = true;
      accepting = true;
      if (deps.listener) {
        unsubscribe.push(
          deps.listener.on(JOB_CHANNEL, (name) => {
            if (definitions.has(name)) void pump();
          }),
          // Wake-ups sent while the listener was reconnecting are lost: look for work at once.
          deps.listener.onConnect(() => void pump()),
        );
      }
      heartbeatTimer = setInterval(() => void renewLeases(), Math.max(10, Math.floor(leaseMs / 3)));
      heartbeatTimer.unref();
      await maintain();
      schedulePoll();
    },

    /**
     * Stop claiming, give running jobs `graceMs` to finish, then abort and hand back the rest so
     * another process picks them up at once.
     */
    async stop(opts: { graceMs?: number } = {}) {
      if (!started) return;
      started = false;
      accepting = false;
      for (const off of unsubscribe.splice(0)) off();
      clearTimeout(pollTimer);
      await pumping;
      const grace = opts.graceMs ?? 10_000;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([...running.values()].map((r) => r.done)),
        new Promise((resolve) => {
          timer = setTimeout(resolve, grace);
        }),
      ]);
      clearTimeout(timer);
      clearInterval(heartbeatTimer);
      const left = [...running.values()];
      for (const r of left) r.controller.abort(new Error('worker stopping'));
      if (left.length) {
        const released = await jobsStore.release(db, left.map((r) => r.job.id), workerId);
        log.info({ released }, 'released unfinished jobs on stop');
      }
    },

    /** Look for due jobs now (after an enqueue in this process, or in tests). */
    wake: () => pump(),

    /**
     * Run due jobs here until none is left: reclaim expired leases, tick schedules, claim, wait.
     * For tests and one-shot commands; returns how many jobs ran.
     */
    async runUntilIdle(opts: { maxRounds?: number } = {}): Promise<number> {
      const wasAccepting = accepting;
      accepting = false; // this loop drives claiming itself
      let ran = 0;
      try {
        for (let round = 0; round < (opts.maxRounds ?? 1000); round++) {
          await reclaimExpired();
          await tickSchedules();
          await pumping;
          const { claimed } = await claimOnce();
          ran += claimed;
          // Jobs may have finished while claiming: wait only for those still running.
          if (!running.size) {
            if (!claimed) break;
            continue;
          }
          await Promise.race([...running.values()].map((r) => r.done));
        }
      } finally {
        accepting = wasAccepting;
      }
      return ran;
    },

    tickSchedules,
    reclaimExpired,
    find: (id: number) => jobsStore.find(db, id),
    get running() {
      return running.size;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
