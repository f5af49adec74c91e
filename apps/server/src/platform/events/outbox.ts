// Writing to the outbox: call inside the transaction that makes the change.
import type { Executor } from '../db/database.ts';
import { domainEvent } from './events.tables.ts';

export type NewEvent = {
  type: string;
  aggregateType: string;
  aggregateId: string;
  actorId?: string | null;
  payload: Record<string, unknown>;
  occurredAt?: Date;
};

export async function appendEvent(tx: Executor, event: NewEvent): Promise<number> {
  const [row] = await tx
    .insert(domainEvent)
    .values({ ...event, actorId: event.actorId ?? null })
    .returning({ id: domainEvent.id });
  return row!.id;
}
