// One dedicated PostgreSQL connection per process that LISTENs on the platform's channels (job
// wake-ups, new outbox events, realtime fan-out) and hands each notification to its subscribers.
// A dropped connection is reopened with back-off; subscribers hear of it through onReconnect, so they
// can catch up on whatever was sent while nobody listened.
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { Executor } from '../db/database.ts';

export type DbListener = {
  /** Subscribe to a channel; returns an unsubscribe function. */
  on(channel: string, handler: (payload: string) => void): () => void;
  /** Called after every (re)connection, once the channels are listened to again. */
  onConnect(handler: () => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly connected: boolean;
};

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export function createDbListener(opts: {
  url: string;
  log: FastifyBaseLogger;
  /** Back-off between reconnection attempts. */
  retryMinMs?: number;
  retryMaxMs?: number;
}): DbListener {
  const retryMinMs = opts.retryMinMs ?? 200;
  const retryMaxMs = opts.retryMaxMs ?? 10_000;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const connectHandlers = new Set<() => void>();
  let client: pg.Client | undefined;
  let connected = false;
  let stopped = true;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;

  const listenTo = async (c: pg.Client, channel: string) => {
    await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  };

  const scheduleReconnect = () => {
    if (stopped || retryTimer) return;
    const delay = Math.min(retryMaxMs, retryMinMs * 2 ** Math.min(failures, 16));
    failures++;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
    retryTimer.unref();
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: opts.url, application_name: 'opencourt-listener', keepAlive: true });
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = undefined;
      connected = false;
      c.removeAllListeners('notification');
      void c.end().catch(() => {});
      if (!stopped) {
        opts.log.warn({ err }, 'database listener connection lost; reconnecting');
        scheduleReconnect();
      }
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', (msg) => {
      for (const handler of handlers.get(msg.channel) ?? []) {
        try {
          handler(msg.payload ?? '');
        } catch (err) {
          opts.log.error({ err, channel: msg.channel }, 'database notification handler failed');
        }
      }
    });
    try {
      await c.connect();
      client = c;
      for (const channel of handlers.keys()) await listenTo(c, channel);
      if (stopped) {
        client = undefined;
        await c.end();
        return;
      }
      connected = true;
      failures = 0;
    } catch (err) {
      if (client === c) client = undefined;
      void c.end().catch(() => {});
      opts.log.warn({ err }, 'database listener could not connect; retrying');
      scheduleReconnect();
      return;
    }
    for (const handler of connectHandlers) {
      try {
        handler();
      } catch (err) {
        opts.log.error({ err }, 'database listener connect handler failed');
      }
    }
  };

  return {
    get connected() {
      return connected;
    },
    on(channel, handler) {
      if (!CHANNEL.test(channel)) throw new Error(`invalid channel name: ${channel}`);
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        if (client && connected) {
          const c = client;
          listenTo(c, channel).catch((err) => opts.log.warn({ err, channel }, 'LISTEN failed'));
        }
      }
      set.add(handler);
      return () => {
        set.delete(handler);
      };
    },
    onConnect(handler) {
      connectHandlers.add(handler);
      return () => {
        connectHandlers.delete(handler);
      };
    },
    async start() {
      if (!stopped) return;
      stopped = false;
      await connect();
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      const c = client;
      client = undefined;
      connected = false;
      if (c) await c.end().catch(() => {});
    },
  };
}

/**
 * A named channel over the listener: publish from any process (inside a transaction, at its commit),
 * hear it in all. `live` says whether this process currently hears the others, so a cache that
 * relies on invalidations can bypass itself while the connection is down.
 */
export function dbChannel(listener: DbListener, db: Executor, channel: string) {
  return {
    get live() {
      return listener.connected;
    },
    async publish(payload: string, tx: Executor = db) {
      await tx.execute(sql`select pg_notify(${channel}, ${payload})`);
    },
    subscribe(handler: (payload: string) => void, onReconnect: () => void) {
      listener.on(channel, handler);
      listener.onConnect(onReconnect);
    },
  };
}

export type DbChannel = ReturnType<typeof dbChannel>;
