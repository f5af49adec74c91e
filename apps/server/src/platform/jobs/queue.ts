// Enqueueing: a job is a row written in the caller's transaction, so it exists if and only if the
// business change that asked for it committed.
import type { Clock } from '../clock/index.ts';
import type { Executor } from '../db/database.ts';
import { jobsStore } from './jobs.store.ts';

export type EnqueueOptions = {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** While a job with this key is queued or running, enqueueing again returns that job. */
  uniqueKey?: string;
  /** Tries before the job fails for good (default 5). */
  maxAttempts?: number;
};

export type EnqueuedJob = { id: number; created: boolean };

export type JobQueue = {
  enqueue(tx: Executor, name: string, payload: Record<string, unknown>, opts?: EnqueueOptions): Promise<EnqueuedJob>;
};

const MAX_PAYLOAD_BYTES = 64 * 1024;

export function createJobQueue(deps: { clock: Clock }): JobQueue {
  return {
    async enqueue(tx, name, payload, opts = {}) {
      if (!/^[a-z][a-z0-9._-]{0,99}$/i.test(name)) throw new Error(`invalid job name: ${name}`);
      const maxAttempts = opts.maxAttempts ?? 5;
      if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error('maxAttempts must be a positive integer');
      // Payloads carry ids and small parameters; bulky data belongs in tables or blobs.
      if (Buffer.byteLength(JSON.stringify(payload)) > MAX_PAYLOAD_BYTES) throw new Error(`job payload of ${name} exceeds ${MAX_PAYLOAD_BYTES} bytes`);
      const now = deps.clock.now();
      const runAt = opts.runAt ?? now;
      return jobsStore.insert(tx, { name, payload, runAt, maxAttempts, uniqueKey: opts.uniqueKey ?? null, wake: runAt <= now });
    },
  };
}
