// Read config, open the database, build the app, listen, shut down cleanly.
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { formatDemoAccounts, seedDemo } from './demo/seed.ts';
import { uuid } from './platform/clock/index.ts';
import { createKeyring, loadMasterKey } from './platform/crypto/index.ts';
import { migrateDatabase, openPlatformDatabase } from './platform/db/index.ts';

const say = (msg: string) => process.stdout.write(`[opencourt] ${msg}\n`);

async function main() {
  const config = loadConfig();
  const keyring = createKeyring(loadMasterKey(config));
  const platformDb = await openPlatformDatabase(config, say);
  await migrateDatabase(platformDb.database.pool);
  if (config.seedDemo) {
    const accounts = await seedDemo(platformDb.database.db, { keyring, id: uuid });
    if (accounts) process.stdout.write(formatDemoAccounts(accounts));
  }
  const app = await buildApp({ config, database: platformDb.database, keyring, echo: say });
  await app.listen({ port: config.port, host: config.host });
  say(`OpenCourt is running at http://localhost:${config.port} (${platformDb.embedded ? 'embedded PostgreSQL' : 'external PostgreSQL'})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: shutting down`);
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    await app.close().catch(() => {});
    await platformDb.shutdown().catch((err) => say(`database shutdown: ${String(err)}`));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  process.stderr.write(`[opencourt] failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
