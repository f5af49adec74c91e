// Where tests find PostgreSQL: DATABASE_URL when set (CI points it at the machine's server), else an
// embedded server in a temporary directory, started once per test run.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/platform/db/embedded.ts';

export async function startTestPostgres(): Promise<{ serverUrl: string; stop(): Promise<void> }> {
  const external = process.env.DATABASE_URL;
  if (external) return { serverUrl: external, stop: async () => {} };
  const tag = crypto.createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8);
  const dir = path.join(os.tmpdir(), `opencourt-test-pg-${tag}`);
  const port = 55_000 + (parseInt(tag.slice(0, 4), 16) % 5000);
  const server = await startEmbeddedPostgres({ dir, port });
  return { serverUrl: server.url, stop: () => server.stop() };
}
