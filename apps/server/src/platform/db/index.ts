import path from 'node:path';
import type { TConfig } from '../../config.ts';
import { openDatabase, type Database } from './database.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { ensureDatabase } from './ensure-database.ts';

export { openDatabase, withDatabaseName, type Database, type Db, type Executor, type Tx } from './database.ts';
export { migrateDatabase } from './migrate.ts';
export { startEmbeddedPostgres } from './embedded.ts';
export { ensureDatabase } from './ensure-database.ts';

export type PlatformDatabase = {
  database: Database;
  embedded: boolean;
  /** Close the pool and stop the embedded server. */
  shutdown(): Promise<void>;
  /** Close the pool; stop the embedded server only if this process started it (a command run beside a running platform leaves it be). */
  release(): Promise<void>;
};

/** The external PostgreSQL at DATABASE_URL, or the embedded one in DATA_DIR/pg. */
export async function openPlatformDatabase(config: TConfig, log: (msg: string) => void): Promise<PlatformDatabase> {
  if (config.databaseUrl) {
    const database = openDatabase(config.databaseUrl, config.databasePoolSize);
    return { database, embedded: false, shutdown: () => database.close(), release: () => database.close() };
  }
  const server = await startEmbeddedPostgres({ dir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort, log });
  const database = openDatabase(await ensureDatabase(server.url, 'opencourt'), config.databasePoolSize);
  return {
    database,
    embedded: true,
    async shutdown() {
      await database.close();
      await server.stop();
    },
    async release() {
      await database.close();
      if (server.startedHere) await server.stop();
    },
  };
}
