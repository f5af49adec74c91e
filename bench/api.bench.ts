// npm run bench:api — an authenticated read of a matter and a bare /healthz, measured with autocannon
// on loopback at 50 connections, against the real server on the embedded and on the external PostgreSQL.
// Target: the authenticated read reaches ≥ 25% of /healthz's requests/s with p99 < 25 ms.
import autocannon from 'autocannon';
import { freshExternalDatabase, signInDemoParty, startServer, type RunningServer } from './support/server-process.ts';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const EXTERNAL = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

type Figures = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function measure(url: string, headers: Record<string, string> = {}): Promise<Figures> {
  await autocannon({ url, connections: 10, duration: 2, headers }); // warm-up
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function matterIdFor(server: RunningServer, cookie: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/matters?limit=1`, { headers: { cookie } });
  const body = (await res.json()) as { items: { id: string }[] };
  if (!body.items[0]) throw new Error('the demo party has no matter');
  return body.items[0].id;
}

async function run(label: string, server: RunningServer) {
  const cookie = await signInDemoParty(server);
  const matterId = await matterIdFor(server, cookie);
  const bare = await measure(`${server.url}/healthz`);
  const read = await measure(`${server.url}/api/v1/matters/${matterId}`, { cookie });
  const line = (name: string, f: Figures) =>
    `  ${name.padEnd(28)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(3)} ms   p99 ${String(f.p99).padStart(3)} ms   errors ${f.errors}  non-2xx ${f.non2xx}`;
  console.log(`\n${label} (${CONNECTIONS} connections, ${DURATION_S} s, loopback)`);
  console.log(line('GET /healthz', bare));
  console.log(line('GET /api/v1/matters/:id', read));
  const ratio = read.rps / bare.rps;
  console.log(`  authenticated read / bare = ${(ratio * 100).toFixed(1)}% (target ≥ 25%), p99 ${read.p99} ms (target < 25 ms): ${ratio >= 0.25 && read.p99 < 25 ? 'met' : 'NOT met'}`);
}

const embedded = await startServer({ port: 18_080 });
try {
  await run('embedded PostgreSQL', embedded);
} finally {
  await embedded.stop();
}

const external = await freshExternalDatabase(EXTERNAL, `oc_bench_${process.pid}`).catch((err) => {
  console.log(`\nexternal PostgreSQL at ${EXTERNAL.replace(/\/\/[^@]*@/, '//')} not reachable (${String(err)}); skipped`);
  return undefined;
});
if (external) {
  const server = await startServer({ port: 18_081, databaseUrl: external.url });
  try {
    await run('external PostgreSQL', server);
  } finally {
    await server.stop();
    await external.drop();
  }
}
