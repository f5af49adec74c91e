// npm run bench:fees — POST /api/v1/fees/estimate with a JSON body, measured with autocannon on loopback at
// 50 connections against the real server (a child process), beside a bare /healthz for scale.
// Target (issue 6): at least 20,000 requests/s. On a machine shared with other work the requests/s swing
// with the neighbours' load, so the server's own CPU time per request is printed too: it does not.
import fs from 'node:fs';
import autocannon from 'autocannon';
import { freshExternalDatabase, startServer } from './support/server-process.ts';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const TARGET_RPS = 20_000;

type Figures = { rps: number; p50: number; p99: number; errors: number; non2xx: number; cpuUs: number };

/** User + system CPU time of a process so far, in microseconds (Linux /proc, 100 ticks a second). */
function cpuTimeUs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function measure(pid: number, opts: autocannon.Options): Promise<Figures> {
  await autocannon({ ...opts, connections: 10, duration: 2 }); // warm-up
  const before = cpuTimeUs(pid);
  const r = await autocannon({ ...opts, connections: CONNECTIONS, duration: DURATION_S });
  const cpuUs = (cpuTimeUs(pid) - before) / r.requests.total;
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, cpuUs };
}

const line = (name: string, f: Figures) =>
  `  ${name.padEnd(30)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(3)} ms   p99 ${String(f.p99).padStart(3)} ms   ` +
  `server CPU ${f.cpuUs.toFixed(0).padStart(3)} µs/request (≈ ${(1e6 / f.cpuUs).toFixed(0)} req/s a core)   errors ${f.errors}  non-2xx ${f.non2xx}`;

// The estimate touches no database, so any will do: the external one when DATABASE_URL is set, else the embedded one.
const external = process.env.DATABASE_URL ? await freshExternalDatabase(process.env.DATABASE_URL, `oc_bench_fees_${process.pid}`) : undefined;
const server = await startServer({ port: 18_090, databaseUrl: external?.url, nodeArgs: process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) });
try {
  const url = `${server.url}/api/v1/fees/estimate`;
  const body = JSON.stringify({ kind: 'property', amountFen: 123_456_789, procedure: 'simplified' });
  const sample = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (!sample.ok) throw new Error(`estimate: ${sample.status} ${await sample.text()}`);
  const { feeFen } = (await sample.json()) as { feeFen: number };

  const bare = await measure(server.pid, { url: `${server.url}/healthz` });
  const estimate = await measure(server.pid, { url, method: 'POST', headers: { 'content-type': 'application/json' }, body });
  console.log(`\nfee estimate (${CONNECTIONS} connections, ${DURATION_S} s, loopback; property case of 1,234,567.89 yuan, simplified: fee ${feeFen} fen)`);
  console.log(line('GET /healthz', bare));
  console.log(line('POST /api/v1/fees/estimate', estimate));
  console.log(`  ${estimate.rps.toFixed(0)} req/s (target ≥ ${TARGET_RPS}): ${estimate.rps >= TARGET_RPS && estimate.non2xx === 0 ? 'met' : 'NOT met'}`);
} finally {
  await server.stop();
  await external?.drop();
}
