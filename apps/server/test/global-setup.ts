// Once per test run: a PostgreSQL server and a migrated template database that each test file clones.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, withDatabaseName } from '../src/platform/db/database.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { startTestPostgres } from './test-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  const template = `oc_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const database = openDatabase(withDatabaseName(server.serverUrl, template), 2);
  await migrateDatabase(database.pool);
  await database.close();
  project.provide('pgServerUrl', server.serverUrl);
  project.provide('pgTemplate', template);
  return async () => {
    // Drop the databases this run made (test files drop their own, but a crash may leave some).
    const left = await admin.query(`select datname from pg_database where datname like 'oc_t_${process.pid}_%' or datname = $1`, [template]);
    for (const row of left.rows as { datname: string }[]) await admin.query(`drop database if exists ${row.datname} with (force)`).catch(() => {});
    await admin.end();
    await server.stop();
  };
}
