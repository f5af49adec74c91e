import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tstz, xid8 } from '../db/columns.ts';

/** The transactional outbox: written in the same transaction as the state change it records. */
export const domainEvent = pgTable(
  'domain_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Writing transaction: consumers only read events whose transaction is visible to all, so none is skipped. */
    txId: xid8('tx_id').notNull().default(sql`pg_current_xact_id()`),
    type: text('type').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    actorId: uuid('actor_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    occurredAt: tstz('occurred_at').notNull().defaultNow(),
  },
  (t) => [
    index('domain_event_tx_idx').on(t.txId, t.id),
    index('domain_event_aggregate_idx').on(t.aggregateType, t.aggregateId),
    // How matters ended, for the risk report's comparable outcomes, without reading every event.
    index('domain_event_matter_closed_idx').on(t.aggregateId, t.id).where(sql`type = 'matter.closed'`),
  ],
);

export const eventConsumer = pgTable('event_consumer', {
  name: text('name').primaryKey(),
  lastTxId: xid8('last_tx_id').notNull().default(sql`'0'::xid8`),
  lastId: bigint('last_id', { mode: 'number' }).notNull().default(0),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  /** Consecutive failed batches; the consumer waits until retry_at before trying again. */
  failures: integer('failures').notNull().default(0),
  lastError: text('last_error'),
  retryAt: tstz('retry_at'),
});
