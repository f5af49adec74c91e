// Feeds the ledger from the outbox: every domain event is queued as an entry, and a stored file's
// content hash as one more, in the consumer's own transaction (so its cursor and the entries commit
// together). The unique (kind, ref) of entries makes a redelivered event, or the same content stored
// twice, a no-op.
import type { ConsumerDefinition, DomainEvent } from '../events/index.ts';
import { ledgerStore } from './ledger.store.ts';
import { eventEntry, fileEntry, type SubjectEntry } from './subject.ts';

/** Events whose payload's sha256 is content that must have its own leaf: stored files and recording chunks. */
const CONTENT_EVENTS = new Set(['file.stored', 'video.recording.chunk']);

export const LEDGER_CONSUMER = 'ledger';
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function entriesOf(event: DomainEvent): SubjectEntry[] {
  const entries = [eventEntry(event)];
  const sha256 = event.payload.sha256;
  if (CONTENT_EVENTS.has(event.type) && typeof sha256 === 'string' && SHA256_HEX.test(sha256)) entries.push(fileEntry(sha256));
  return entries;
}

export function createLedgerConsumer(): ConsumerDefinition {
  return {
    name: LEDGER_CONSUMER,
    batchSize: 1000,
    async handle(events, { tx }) {
      await ledgerStore.enqueue(tx, events.flatMap(entriesOf));
    },
  };
}
