// Once per run: the web app's build, then the same PostgreSQL server and migrated template database
// the server tests use (DATABASE_URL when set, else the embedded server).
import type { TestProject } from 'vitest/node';
import setupDatabase from '../../apps/server/test/global-setup.ts';
import { ensureWebBuild } from './web-build.ts';

export default async function setup(project: TestProject) {
  ensureWebBuild();
  return setupDatabase(project);
}
