import { bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from '../db/columns.ts';

/** Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditEntry = pgTable(
  'audit_entry',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: tstz('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    outcome: text('outcome').notNull(), // success | denied | failed
    statusCode: integer('status_code'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_entry_at_idx').on(t.at),
    index('audit_entry_actor_idx').on(t.actorId, t.at),
    index('audit_entry_resource_idx').on(t.resourceType, t.resourceId),
  ],
);
