// The event outbox: appendEvent inside each state-changing transaction; named consumers read it in
// order from durable cursors. Also the process's one LISTEN connection, shared with jobs and realtime.
export { appendEvent, type NewEvent } from './outbox.ts';
export { createEventConsumers, EVENT_CHANNEL, type ConsumerDefinition, type ConsumerContext, type EventConsumers } from './consumers.ts';
export { type DomainEvent, type ConsumerCursor } from './consumers.store.ts';
export { createDbListener, dbChannel, type DbChannel, type DbListener } from './db-listener.ts';
