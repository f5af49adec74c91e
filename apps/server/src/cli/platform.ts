// What a command needs of the platform, opened from the configuration and closed again afterwards.
import type { TConfig } from '../config.ts';
import { createBlobDriver, type BlobDriver } from '../platform/blobs/index.ts';
import { createKeyring, loadMasterKey, type Keyring } from '../platform/crypto/index.ts';
import { openPlatformDatabase, type Database } from '../platform/db/index.ts';
import { loadExistingMasterKey } from '../platform/backup/index.ts';

export type CommandPlatform = {
  config: TConfig;
  database: Database;
  /** The master keyring, loaded when first asked for (a migration needs none). */
  keyring(): Keyring;
  blobs(): BlobDriver;
};

/**
 * Opens the database (DATABASE_URL, or the embedded one in DATA_DIR/pg), runs `work`, and closes it
 * again; an embedded server this command started is stopped, one already running is left running.
 * `existingKey`: refuse rather than generate a master key (backup and restore need the original).
 */
export async function withPlatform<T>(
  config: TConfig,
  log: (msg: string) => void,
  opts: { existingKey?: boolean },
  work: (p: CommandPlatform) => Promise<T>,
): Promise<T> {
  let keyring: Keyring | undefined;
  const loadKeyring = () => (keyring ??= createKeyring(opts.existingKey ? loadExistingMasterKey(config) : loadMasterKey(config)));
  // Before the database opens: a missing key should stop the command before anything starts.
  if (opts.existingKey) loadKeyring();
  const platformDb = await openPlatformDatabase(config, (msg) => log(`[opencourt] ${msg}\n`));
  try {
    return await work({ config, database: platformDb.database, keyring: loadKeyring, blobs: () => createBlobDriver(config.blobs) });
  } finally {
    await platformDb.release();
  }
}
