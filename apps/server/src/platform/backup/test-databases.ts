// Test support: an empty database on the test server (not cloned from the migrated template), for
// what must start from nothing: restores and the command line's `migrate`.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, withDatabaseName, type Database } from '../db/index.ts';

export type EmptyDatabase = Database & { drop(): Promise<void> };

export async function createEmptyDatabase(): Promise<EmptyDatabase> {
  const serverUrl = inject('pgServerUrl');
  // Named like the harness's databases, so the run's teardown removes any a crash leaves behind.
  const name = `oc_t_${inject('pgTemplate').split('_').pop()}_empty_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = openDatabase(withDatabaseName(serverUrl, name), 5);
  return {
    ...database,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
