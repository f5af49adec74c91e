// Outbox consumers (ledger, notices, search, realtime, analytics): each named consumer reads the
// domain_event log in order from its durable cursor. A batch is handled and the cursor advanced in one
// transaction, holding the consumer's row lock, so its own writes and its progress commit together and
// two processes never deliver the same events to it. Delivery is at least once: a handler whose side
// effects leave the database (e-mail, HTTP) must enqueue a job or be idempotent.
//
// Keep handlers short: the batch transaction holds back the visibility horizon of every consumer.
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock/index.ts';
import type { Db, Tx } from '../db/database.ts';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from '../jobs/backoff.ts';
import { consumersStore, type DomainEvent } from './consumers.store.ts';
import type { DbListener } from './db-listener.ts';

export const EVENT_CHANNEL = 'oc_domain_event';

export type ConsumerContext = { tx: Tx; log: FastifyBaseLogger };

export type ConsumerDefinition = {
  name: string;
  /** Handle a batch, in log order, inside the transaction that advances the cursor. */
  handle(events: DomainEvent[], ctx: ConsumerContext): Promise<void>;
  /** Only these event types reach the handler; the cursor still moves past the others. */
  types?: readonly string[];
  batchSize?: number;
  /** Where a new consumer starts: the whole log (default) or only events written from now on. */
  startAt?: 'beginning' | 'latest';
  backoff?: BackoffPolicy;
};

type BatchOutcome = 'more' | 'idle' | 'held' | 'busy' | 'waiting' | 'failed';

export function createEventConsumers(deps: {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  listener?: DbListener;
  /** Fallback polling, and the longest wait for events held behind a running transaction. */
  pollMs?: number;
  random?: () => number;
}) {
  const { db, clock, log } = deps;
  const pollMs = deps.pollMs ?? 1_000;
  const heldRetryMs = Math.min(50, pollMs);
  const random = deps.random ?? Math.random;
  const consumers = new Map<string, ConsumerDefinition>();
  const prepared = new Set<string>();
  /** Consumers going one event at a time after a batch failed, and for how many more events. */
  const isolating = new Map<string, number>();
  const wakers = new Map<string, () => void>();
  const pendingWake = new Set<string>();
  const loops: Promise<void>[] = [];
  const unsubscribe: (() => void)[] = [];
  let running = false;

  const prepare = async (c: ConsumerDefinition) => {
    if (prepared.has(c.name)) return;
    await consumersStore.ensure(db, c.name, c.startAt ?? 'beginning', clock.now());
    prepared.add(c.name);
  };

  /** One batch in one transaction. */
  const runBatch = async (c: ConsumerDefinition): Promise<BatchOutcome> => {
    await prepare(c);
    const clog = log.child({ consumer: c.name });
    let failed: { size: number } | undefined;
    try {
      return await db.transaction(async (tx) => {
        const cursor = await consumersStore.lock(tx, c.name);
        if (!cursor) return 'busy';
        if (cursor.retryAt && cursor.retryAt > clock.now()) return 'waiting';
        // After a failure, go one event at a time, so the events before a bad one still get through.
        const single = cursor.failures > 0 || (isolating.get(c.name) ?? 0) > 0;
        const limit = single ? 1 : (c.batchSize ?? 100);
        const { events, held } = await consumersStore.readAfter(tx, cursor, limit);
        if (!events.length) return held ? 'held' : 'idle';
        failed = { size: events.length };
        const wanted = c.types ? events.filter((e) => c.types!.includes(e.type)) : events;
        if (wanted.length) await c.handle(wanted, { tx, log: clog });
        const last = events[events.length - 1]!;
        await consumersStore.advance(tx, c.name, { txId: last.txId, id: last.id }, clock.now());
        failed = undefined;
        if (single) isolating.set(c.name, Math.max(0, (isolating.get(c.name) ?? 0) - 1));
        return events.length === limit ? 'more' : held ? 'held' : 'idle';
      });
    } catch (err) {
      if (!failed) throw err;
      // Rolled back: nothing the handler wrote stays, and the cursor still points before the batch.
      if (failed.size > 1) {
        // Find the bad event: retry the same events one by one, at once.
        isolating.set(c.name, failed.size);
        return 'more';
      }
      isolating.delete(c.name);
      const cursor = await consumersStore.find(db, c.name);
      const failures = (cursor?.failures ?? 0) + 1;
      const retryAt = new Date(clock.now().getTime() + retryDelayMs(failures, c.backoff ?? DEFAULT_BACKOFF, random));
      const message = (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 2000);
      clog.error({ err, failures }, 'event consumer failed; will retry');
      await consumersStore.recordFailure(db, c.name, message, retryAt, clock.now());
      return 'failed';
    }
  };

  const sleep = (name: string, ms: number) =>
    new Promise<void>((resolve) => {
      // Woken while it was busy: events may have come after its read, so look again at once.
      if (pendingWake.delete(name)) return resolve();
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        wakers.delete(name);
        resolve();
      }
      wakers.set(name, done);
    });

  const loop = async (c: ConsumerDefinition) => {
    let heldFor = 0;
    while (running) {
      let outcome: BatchOutcome;
      try {
        outcome = await runBatch(c);
      } catch (err) {
        log.error({ err, consumer: c.name }, 'event consumer could not run');
        outcome = 'failed';
      }
      if (!running) break;
      if (outcome === 'more') continue;
      // Held behind a running transaction: look again soon, then less often while it lasts.
      heldFor = outcome === 'held' ? heldFor + 1 : 0;
      await sleep(c.name, heldFor ? Math.min(pollMs, heldRetryMs * 2 ** (heldFor - 1)) : pollMs);
    }
  };

  const wakeAll = () => {
    for (const name of consumers.keys()) {
      const wake = wakers.get(name);
      if (wake) wake();
      else pendingWake.add(name);
    }
  };

  return {
    register(def: ConsumerDefinition) {
      if (consumers.has(def.name)) throw new Error(`event consumer ${def.name} is already registered`);
      if (running) throw new Error('register event consumers before starting them');
      consumers.set(def.name, def);
    },

    async start() {
      if (running) return;
      running = true;
      if (deps.listener) unsubscribe.push(deps.listener.on(EVENT_CHANNEL, wakeAll), deps.listener.onConnect(wakeAll));
      for (const c of consumers.values()) loops.push(loop(c));
    },

    async stop() {
      if (!running) return;
      running = false;
      for (const off of unsubscribe.splice(0)) off();
      wakeAll();
      await Promise.all(loops.splice(0));
    },

    /** Wake every consumer now (tests, or after writing events outside a transaction that notifies). */
    wake: wakeAll,

    /**
     * Run every consumer here until it has caught up with what is visible, or fails, or another
     * process holds it. For tests and one-shot commands; returns where each consumer stopped.
     */
    async runUntilIdle(): Promise<Record<string, BatchOutcome>> {
      const out: Record<string, BatchOutcome> = {};
      for (const c of consumers.values()) {
        let outcome: BatchOutcome;
        do outcome = await runBatch(c);
        while (outcome === 'more');
        out[c.name] = outcome;
      }
      return out;
    },

    status: (name: string) => consumersStore.find(db, name),
    lag: (name: string) => consumersStore.lag(db, name),
  };
}

export type EventConsumers = ReturnType<typeof createEventConsumers>;
