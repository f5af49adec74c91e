// Cross-process fan-out: publish is a NOTIFY on one channel, every process's listener delivers it to
// its own sockets in the room. Published in a transaction, it leaves only if that transaction commits.
import { ZRealtimeEvent, type TRealtimeEvent } from '@opencourt/contracts';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';

export const REALTIME_CHANNEL = 'oc_realtime';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_REALTIME_PAYLOAD_BYTES = 7_900;

export type Envelope = { room: string; event: TRealtimeEvent };

export class RealtimePayloadTooLargeError extends Error {
  override name = 'RealtimePayloadTooLargeError';
}

export function encodeEnvelope(room: string, event: TRealtimeEvent): string {
  const payload = JSON.stringify({ room, event: ZRealtimeEvent.parse(event) } satisfies Envelope);
  const bytes = Buffer.byteLength(payload);
  if (bytes > MAX_REALTIME_PAYLOAD_BYTES) {
    // Realtime events are signals: send ids, and let clients fetch the content through the API.
    throw new RealtimePayloadTooLargeError(`realtime event ${event.type} for ${room} is ${bytes} bytes; the limit is ${MAX_REALTIME_PAYLOAD_BYTES}`);
  }
  return payload;
}

export type Publish = (tx: Executor, room: string, event: TRealtimeEvent) => Promise<void>;

export async function publishEvent(tx: Executor, room: string, event: TRealtimeEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${REALTIME_CHANNEL}, ${encodeEnvelope(room, event)})`);
}
