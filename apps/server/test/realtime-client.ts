// A WebSocket client for tests of the realtime endpoint: collects messages and waits for the ones
// a test expects.
import type { TRealtimeServerMessage } from '@opencourt/contracts';
import WebSocket from 'ws';
import { waitFor } from './wait.ts';

export type RealtimeClient = {
  ws: WebSocket;
  messages: TRealtimeServerMessage[];
  send(message: unknown): void;
  next<T extends TRealtimeServerMessage['type']>(type: T, match?: (m: Extract<TRealtimeServerMessage, { type: T }>) => boolean): Promise<Extract<TRealtimeServerMessage, { type: T }>>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
};

/** Open a socket; resolves once the server said `ready`, rejects with the HTTP status of a refused upgrade. */
export function connectRealtime(baseUrl: string, headers: Record<string, string> = {}): Promise<RealtimeClient> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/realtime`, { headers });
  const messages: TRealtimeServerMessage[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
  const client: RealtimeClient = {
    ws,
    messages,
    closed,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    async next(type, match) {
      let seen = 0;
      return waitFor(
        () => {
          for (; seen < messages.length; seen++) {
            const m = messages[seen]!;
            if (m.type === type && (!match || match(m as never))) {
              messages.splice(seen, 1);
              return m as never;
            }
          }
          return undefined;
        },
        { what: `realtime message ${type}`, timeoutMs: 5_000 },
      );
    },
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
      ws.terminate();
    });
    ws.on('error', reject);
    client.next('ready').then(() => resolve(client), reject);
  });
}
