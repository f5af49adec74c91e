// Cross-process fan-out: publish is a NOTIFY on one channel, every process's listener delivers it to
// its own sockets in the room. Published in a transaction, it leaves only if that transaction commits.
//
// One notification carries one envelope (`{…}`), a batch of small ones (`[{…},{…}]`), or a part of
// one too large for NOTIFY's 8,000-byte limit (`~<id>:<index>:<count>:<text>`): an SDP offer or a
// long chat message is split, sent in order in one transaction, and reassembled by each listener.
import { randomBytes } from 'node:crypto';
import { ZRealtimeEvent, type TRealtimeEvent } from '@opencourt/contracts';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Executor } from '../db/database.ts';

export const REALTIME_CHANNEL = 'oc_realtime';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more: larger envelopes go in parts of this size. */
export const MAX_REALTIME_PAYLOAD_BYTES = 7_900;
/** Beyond this an event is refused: realtime carries signals, not documents. */
export const MAX_REALTIME_EVENT_BYTES = 256 * 1024;

/**
 * `users`: deliver only to these users' sockets in the room (signals, caucus-scoped chat).
 * `origin`: the process that already delivered it to its own sockets (relayed signals), which skips it.
 */
export type Envelope = { room: string; event: TRealtimeEvent; users?: readonly string[]; origin?: string };

export class RealtimePayloadTooLargeError extends Error {
  override name = 'RealtimePayloadTooLargeError';
}

/** The envelope as JSON. `trusted` skips re-validating an event the caller built from validated parts (the hot path). */
export function encodeEnvelope(envelope: Envelope, opts: { trusted?: boolean } = {}): string {
  const event = opts.trusted ? envelope.event : ZRealtimeEvent.parse(envelope.event);
  const payload = JSON.stringify(envelope.users || envelope.origin ? { ...envelope, event } : { room: envelope.room, event });
  if (payload.length > MAX_REALTIME_EVENT_BYTES / 3 && Buffer.byteLength(payload) > MAX_REALTIME_EVENT_BYTES) {
    throw new RealtimePayloadTooLargeError(`realtime event ${envelope.event.type} for ${envelope.room} is over ${MAX_REALTIME_EVENT_BYTES} bytes`);
  }
  return payload;
}

/** Splits one payload into parts that each fit a notification, never inside a surrogate pair. */
export function splitPayload(payload: string, partId = randomBytes(6).toString('hex')): string[] {
  const budget = MAX_REALTIME_PAYLOAD_BYTES - 40; // the part header
  const pieces: string[] = [];
  for (let start = 0; start < payload.length; ) {
    let end = Math.min(payload.length, start + budget);
    while (Buffer.byteLength(payload.slice(start, end)) > budget) end = start + Math.floor((end - start) * 0.9);
    const last = payload.charCodeAt(end - 1);
    if (end < payload.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(payload.slice(start, end));
    start = end;
  }
  return pieces.map((p, i) => `~${partId}:${i}:${pieces.length}:${p}`);
}

/** Packs envelopes (JSON texts) into as few notifications as fit, keeping their order. */
export function packPayloads(envelopes: readonly string[]): string[] {
  const out: string[] = [];
  let batch: string[] = [];
  let batchBytes = 2;
  const flush = () => {
    if (batch.length === 1) out.push(batch[0]!);
    else if (batch.length > 1) out.push(`[${batch.join(',')}]`);
    batch = [];
    batchBytes = 2;
  };
  for (const e of envelopes) {
    const bytes = Buffer.byteLength(e);
    if (bytes > MAX_REALTIME_PAYLOAD_BYTES) {
      flush();
      out.push(...splitPayload(e));
      continue;
    }
    if (batchBytes + bytes + 1 > MAX_REALTIME_PAYLOAD_BYTES) flush();
    batch.push(e);
    batchBytes += bytes + 1;
  }
  flush();
  return out;
}

/** Turns notifications back into envelopes; parts wait until their last one arrives. */
export function createAssembler(opts: { maxPendingMs?: number; now?: () => number } = {}) {
  const maxPendingMs = opts.maxPendingMs ?? 30_000;
  const now = opts.now ?? Date.now;
  const pending = new Map<string, { parts: string[]; got: number; since: number }>();
  const parse = (text: string): Envelope[] => {
    const value = JSON.parse(text) as Envelope | Envelope[];
    return Array.isArray(value) ? value : [value];
  };
  return {
    accept(payload: string): Envelope[] {
      if (!payload.startsWith('~')) return parse(payload);
      const m = /^~([0-9a-f]+):(\d+):(\d+):/.exec(payload);
      if (!m) throw new Error('invalid realtime part');
      const [header, id, index, count] = [m[0], m[1]!, Number(m[2]), Number(m[3])];
      let entry = pending.get(id);
      if (!entry) {
        for (const [key, old] of pending) if (now() - old.since > maxPendingMs) pending.delete(key);
        pending.set(id, (entry = { parts: new Array<string>(count), got: 0, since: now() }));
      }
      if (entry.parts[index] === undefined) entry.got++;
      entry.parts[index] = payload.slice(header.length);
      if (entry.got < count) return [];
      pending.delete(id);
      return parse(entry.parts.join(''));
    },
    pending: () => pending.size,
  };
}

export type PublishOptions = { users?: readonly string[] };
export type Publish = (tx: Executor, room: string, event: TRealtimeEvent, opts?: PublishOptions) => Promise<void>;

export async function publishEvent(tx: Executor, room: string, event: TRealtimeEvent, opts: PublishOptions = {}): Promise<void> {
  // In order, inside the caller's transaction: the parts of one envelope leave together at commit.
  for (const payload of packPayloads([encodeEnvelope({ room, event, users: opts.users })])) {
    await tx.execute(sql`select pg_notify(${REALTIME_CHANNEL}, ${payload})`);
  }
}

/**
 * The hot path (signals relayed between sockets): envelopes queued within a few milliseconds leave
 * together in one statement, packed into as few notifications as fit. One statement in flight at a
 * time keeps the order of every sender's messages. Every NOTIFY-ing commit takes PostgreSQL's
 * notification lock, which all such commits (business transactions too) share: fewer, fuller
 * statements keep that lock free.
 */
export const RELAY_BATCH_MS = 4;

export function createRelay(pool: pg.Pool, onError: (err: unknown) => void) {
  let queue: string[] = [];
  let flushing = false;
  let scheduled = false;
  const idle: (() => void)[] = [];
  const flush = async () => {
    scheduled = false;
    if (flushing || !queue.length) return;
    flushing = true;
    const batch = queue;
    queue = [];
    try {
      await pool.query({ name: 'oc_realtime_relay', text: 'select pg_notify($1, p) from unnest($2::text[]) as p', values: [REALTIME_CHANNEL, packPayloads(batch)] });
    } catch (err) {
      onError(err);
    } finally {
      flushing = false;
      if (queue.length) schedule();
      else for (const done of idle.splice(0)) done();
    }
  };
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => void flush(), RELAY_BATCH_MS);
  }
  return {
    send(envelope: string) {
      queue.push(envelope);
      if (!flushing) schedule();
    },
    /** Resolves once everything queued so far has been handed to PostgreSQL. */
    drained: () => (queue.length || flushing || scheduled ? new Promise<void>((r) => idle.push(r)) : Promise.resolve()),
  };
}
