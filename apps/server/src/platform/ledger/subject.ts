// What goes on the log for each record: a 32-byte subject digest built from ids and hashes only, so
// the public log never carries personal data, yet anyone holding the record can recompute it.
import { createHash } from 'node:crypto';

export type LedgerKind = 'event' | 'file';

export type SubjectEntry = { kind: LedgerKind; ref: string; subjectDigest: Buffer };

/** JSON with object keys sorted at every level, so one value has one text (and one hash). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`cannot encode ${typeof value} as JSON`);
    return text;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export type LoggedEvent = {
  id: number | string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
};

/** The fields of an event that its digest covers: ids, times and the payload's hash, never the payload. */
export function eventSubject(event: LoggedEvent) {
  return {
    eventId: String(event.id),
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    occurredAt: event.occurredAt.toISOString(),
    payloadSha256: sha256(canonicalJson(event.payload)).toString('hex'),
  };
}

/** SHA-256 of the canonical JSON of eventSubject(event). */
export function eventSubjectDigest(event: LoggedEvent): Buffer {
  return sha256(canonicalJson(eventSubject(event)));
}

export function eventEntry(event: LoggedEvent): SubjectEntry {
  return { kind: 'event', ref: String(event.id), subjectDigest: eventSubjectDigest(event) };
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A stored file's entry: its digest is the content's SHA-256 itself. */
export function fileEntry(sha256Hex: string): SubjectEntry {
  if (!SHA256_HEX.test(sha256Hex)) throw new TypeError('a file is logged by its lower-case hex SHA-256');
  return { kind: 'file', ref: sha256Hex, subjectDigest: Buffer.from(sha256Hex, 'hex') };
}
