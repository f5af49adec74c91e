// The manifest at the head of every backup archive: what it holds and what it needs to be restored.
import { z } from 'zod';

export const BACKUP_FORMAT = 'opencourt-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

const ZName = z.string().regex(/^[a-z_][a-z0-9_]*$/);

export const ZBackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  postgresVersion: z.string(),
  /** Applied schema migrations, by hash: a restore needs exactly these. */
  migrations: z.array(z.object({ hash: z.string(), createdAt: z.number() })),
  tables: z.array(z.object({ name: ZName, columns: z.array(z.string()), rows: z.number().int().nonnegative(), file: z.string().regex(/^tables\/[a-z_][a-z0-9_]*\.copy$/) })),
  sequences: z.array(z.object({ table: ZName, column: z.string(), sequence: z.string(), lastValue: z.number().int(), isCalled: z.boolean() })),
  blobs: z.object({
    count: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    /** Blobs the database records but storage did not have when the backup was made. */
    missing: z.array(z.string()),
  }),
  /** A keyed hash proving which master key the data needs (the key itself is never in a backup). */
  masterKeyCheck: z.string(),
});
export type TBackupManifest = z.infer<typeof ZBackupManifest>;

export const tableFile = (table: string) => `tables/${table}.copy`;
export const blobFile = (storageKey: string) => `blobs/${storageKey}`;
