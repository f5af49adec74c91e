// SQL of the outbox consumers. A consumer's cursor is the (tx_id, id) of the last event it handled;
// it reads on in that order, and only events whose transaction is older than every transaction still
// running, so an event committed late by a long transaction can never fall behind the cursor.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { domainEvent, eventConsumer } from './events.tables.ts';

export type DomainEvent = {
  id: number;
  /** The writing transaction (xid8, as a decimal string). */
  txId: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  actorId: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
};

export type ConsumerCursor = { name: string; lastTxId: string; lastId: number; failures: number; lastError: string | null; retryAt: Date | null };

const cursorOf = (r: typeof eventConsumer.$inferSelect): ConsumerCursor => ({
  name: r.name,
  lastTxId: r.lastTxId,
  lastId: r.lastId,
  failures: r.failures,
  lastError: r.lastError,
  retryAt: r.retryAt,
});

export const consumersStore = {
  /** Create the consumer's cursor if new: at the start of the log, or after everything visible now. */
  async ensure(db: Executor, name: string, startAt: 'beginning' | 'latest', now: Date) {
    if (startAt === 'beginning') {
      await db.insert(eventConsumer).values({ name, updatedAt: now }).onConflictDoNothing();
      return;
    }
    await db.execute(sql`
      insert into event_consumer (name, last_tx_id, last_id, updated_at)
      select ${name}, coalesce(max(e.tx_id), '0'::xid8), coalesce(max(e.id), 0), ${now}
        from (select tx_id, id from domain_event
               where tx_id < pg_snapshot_xmin(pg_current_snapshot())
               order by tx_id desc, id desc limit 1) e
      on conflict (name) do nothing`);
  },

  /** Lock the cursor for this transaction; undefined when another process holds it. */
  async lock(db: Executor, name: string): Promise<ConsumerCursor | undefined> {
    const [r] = await db.select().from(eventConsumer).where(eq(eventConsumer.name, name)).for('update', { skipLocked: true });
    return r && cursorOf(r);
  },

  /**
   * The next events after the cursor that every transaction can see, in (tx_id, id) order, and
   * whether committed events wait behind a transaction that is still running.
   */
  async readAfter(db: Executor, cursor: { lastTxId: string; lastId: number }, limit: number): Promise<{ events: DomainEvent[]; held: boolean }> {
    const rows = await db
      .select({
        id: domainEvent.id,
        txId: domainEvent.txId,
        type: domainEvent.type,
        aggregateType: domainEvent.aggregateType,
        aggregateId: domainEvent.aggregateId,
        actorId: domainEvent.actorId,
        payload: domainEvent.payload,
        occurredAt: domainEvent.occurredAt,
        visible: sql<boolean>`${domainEvent.txId} < pg_snapshot_xmin(pg_current_snapshot())`,
      })
      .from(domainEvent)
      .where(sql`(${domainEvent.txId}, ${domainEvent.id}) > (${cursor.lastTxId}::xid8, ${cursor.lastId})`)
      .orderBy(domainEvent.txId, domainEvent.id)
      .limit(limit);
    const events: DomainEvent[] = [];
    for (const { visible, ...event } of rows) {
      if (!visible) return { events, held: true };
      events.push(event);
    }
    return { events, held: false };
  },

  async advance(db: Executor, name: string, to: { txId: string; id: number }, now: Date) {
    await db.execute(sql`
      update event_consumer
         set last_tx_id = ${to.txId}::xid8, last_id = ${to.id}, updated_at = ${now}, failures = 0, last_error = null, retry_at = null
       where name = ${name}`);
  },

  async recordFailure(db: Executor, name: string, error: string, retryAt: Date, now: Date) {
    await db
      .update(eventConsumer)
      .set({ failures: sql`${eventConsumer.failures} + 1`, lastError: error, retryAt, updatedAt: now })
      .where(eq(eventConsumer.name, name));
  },

  async find(db: Executor, name: string): Promise<ConsumerCursor | undefined> {
    const [r] = await db.select().from(eventConsumer).where(eq(eventConsumer.name, name));
    return r && cursorOf(r);
  },

  /** Events written after the cursor (committed, visible or not yet). */
  async lag(db: Executor, name: string): Promise<number> {
    const res = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from domain_event e, event_consumer c
       where c.name = ${name} and (e.tx_id, e.id) > (c.last_tx_id, c.last_id)`);
    return res.rows[0]?.n ?? 0;
  },
};
