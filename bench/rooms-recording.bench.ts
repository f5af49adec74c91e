// npm run bench:rooms-recording — recording uploads of many rooms at once against the real server
// (a child process on loopback, on the external PostgreSQL): ROOMS rooms × 3 participants, each
// uploading a chunk of a real WebM (≈ 1 Mbps: 250 KB every 2 s, as MediaRecorder with a 2 s timeslice
// would) for BENCH_SECONDS, then stopping, finishing and processing every recording.
// Prints chunks/s, MB/s, ack latency p50/p99, whether uploads keep up with real time (acknowledged
// media seconds ≥ wall seconds for every participant), and how long processing took.
// Target (issue 4): 50 rooms keep up with real time.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUser } from '../apps/server/src/platform/auth/index.ts';
import { usersStore } from '../apps/server/src/platform/auth/users.store.ts';
import { uuid } from '../apps/server/src/platform/clock/index.ts';
import { createKeyring } from '../apps/server/src/platform/crypto/index.ts';
import { openDatabase } from '../apps/server/src/platform/db/database.ts';
import { videoParticipant, videoRoom } from '../apps/server/src/modules/video/video.tables.ts';
import { freshExternalDatabase, startServer, type RunningServer } from './support/server-process.ts';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 50);
const PER_ROOM = 3;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 30);
const SLICE_S = 2;
const EXTERNAL = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const PASSWORD = 'Bench-horse-42';

type Session = { headers: Record<string, string> };
type Participant = { session: Session; roomId: string; participantId: string; host: boolean };

/** A live-written WebM (VP8 + Opus) at about 1 Mbps, long enough for the run. */
function makeWebm(seconds: number): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-bench-webm-'));
  const out = path.join(dir, 'source.webm');
  execFileSync('/usr/bin/ffmpeg', [
    '-v', 'error', '-nostdin',
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-t', String(seconds),
    // Noise keeps the encoder at its bitrate, as a camera picture does.
    '-vf', 'noise=alls=25:allf=t+u',
    '-c:v', 'libvpx', '-b:v', '900k', '-minrate', '900k', '-maxrate', '900k', '-deadline', 'realtime', '-cpu-used', '8',
    '-c:a', 'libopus', '-b:a', '64k',
    '-live', '1', '-f', 'webm', out,
  ]);
  const bytes = fs.readFileSync(out);
  fs.rmSync(dir, { recursive: true, force: true });
  return bytes;
}

/** The participant's chunks: `SLICE_S` seconds' worth each, boundaries shifted per participant so every chunk (and ledger leaf) differs. */
function chunksFor(source: Buffer, shift: number, count: number): Buffer[] {
  const size = Math.floor(source.length / count);
  const chunks: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const from = i === 0 ? 0 : i * size + shift;
    const to = i === count - 1 ? source.length : (i + 1) * size + shift;
    chunks.push(source.subarray(from, to));
  }
  return chunks;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function call(server: RunningServer, s: Session | undefined, method: string, p: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${p}`, {
    method,
    headers: { ...(s?.headers ?? {}), ...(body !== undefined && !Buffer.isBuffer(body) ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text.slice(0, 300)}`);
  return { res, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

function sessionOf(res: Response, json: Record<string, unknown>): Session {
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { headers: { cookie, 'x-csrf-token': String(json.csrfToken) } };
}

async function loginStaff(server: RunningServer, username: string): Promise<Session> {
  const { res, json } = await call(server, undefined, 'POST', '/api/v1/auth/login', { username, password: PASSWORD });
  return sessionOf(res, json);
}

async function loginParty(server: RunningServer, phone: string): Promise<Session> {
  await call(server, undefined, 'POST', '/api/v1/auth/sms-code', { phone });
  const log = fs.readFileSync(path.join(server.dataDir, 'outbox/sms.log'), 'utf8').trim().split('\n');
  const mine = log.map((l) => JSON.parse(l) as { to: string; text: string }).filter((l) => l.to === phone).pop()!;
  const { res, json } = await call(server, undefined, 'POST', '/api/v1/auth/login/sms', { phone, code: mine.text.match(/\d{6}/)![0] });
  return sessionOf(res, json);
}

/** Users, matters and rooms: users through the platform's own createUser, matters over HTTP, rooms as rows. */
async function setUp(server: RunningServer, databaseUrl: string, masterKey: Buffer): Promise<Participant[]> {
  const database = openDatabase(databaseUrl, 4);
  const db = database.db;
  const deps = { keyring: createKeyring(masterKey), id: uuid };
  const courtId = uuid();
  const mediationOrgId = uuid();
  await usersStore.insertOrganisation(db, { id: courtId, kind: 'court', name: '压测法院', code: '闽0299' });
  await usersStore.insertOrganisation(db, { id: mediationOrgId, kind: 'mediation_org', name: '压测调解中心', parentId: courtId });
  const tag = randomBytes(3).toString('hex');
  const clerkName = `bench-clerk-${tag}`;
  await createUser(db, deps, { displayName: '压测书记员', roles: ['clerk'], organisationId: courtId, username: clerkName, password: PASSWORD });
  const clerk = await loginStaff(server, clerkName);
  const participants: Participant[] = [];
  for (let r = 0; r < ROOMS; r++) {
    const hostName = `bench-mediator-${tag}-${r}`;
    const hostId = await createUser(db, deps, { displayName: `调解员${r}`, roles: ['mediator'], organisationId: mediationOrgId, username: hostName, password: PASSWORD });
    const phones = Array.from({ length: PER_ROOM - 1 }, (_, i) => `137${String(r * 10 + i).padStart(8, '0')}`);
    const partyIds: string[] = [];
    for (const phone of phones) partyIds.push(await createUser(db, deps, { displayName: `当事人${phone.slice(-4)}`, roles: ['party'], phone }));
    const matter = await call(server, clerk, 'POST', '/api/v1/matters', {
      title: `压测调解 ${r}`,
      courtId,
      participants: [{ userId: hostId, role: 'mediator' }, ...partyIds.map((userId) => ({ userId, role: 'party' }))],
    });
    const roomId = randomUUID();
    await db.insert(videoRoom).values({ id: roomId, matterId: String(matter.json.id), title: `调解室 ${r}`, purpose: 'mediation', createdBy: hostId });
    const users = [hostId, ...partyIds];
    const ids = users.map(() => randomUUID());
    await db.insert(videoParticipant).values(users.map((userId, i) => ({ id: ids[i]!, roomId, userId, role: i === 0 ? 'host' : 'party', state: 'admitted', joinedAt: new Date() })));
    participants.push({ session: await loginStaff(server, hostName), roomId, participantId: ids[0]!, host: true });
    for (const [i, phone] of phones.entries()) participants.push({ session: await loginParty(server, phone), roomId, participantId: ids[i + 1]!, host: false });
  }
  await database.close();
  return participants;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function run(server: RunningServer, databaseUrl: string, masterKey: Buffer) {
  const chunkCount = Math.ceil(DURATION_S / SLICE_S) + 1;
  process.stdout.write(`making a ${chunkCount * SLICE_S} s WebM with ffmpeg… `);
  const source = makeWebm(chunkCount * SLICE_S);
  console.log(`${(source.length / 1024 / 1024).toFixed(1)} MB (${((source.length * 8) / (chunkCount * SLICE_S) / 1e6).toFixed(2)} Mbps)`);
  process.stdout.write(`setting up ${ROOMS} rooms × ${PER_ROOM} signed-in participants… `);
  const participants = await setUp(server, databaseUrl, masterKey);
  console.log('done');

  const recordings = new Map<string, string>();
  for (const p of participants.filter((q) => q.host)) {
    const { json } = await call(server, p.session, 'POST', `/api/v1/video-rooms/${p.roomId}/recordings`);
    recordings.set(p.roomId, String(json.id));
  }
  const tracks = await Promise.all(
    participants.map(async (p) => {
      const { json } = await call(server, p.session, 'POST', `/api/v1/video-rooms/${p.roomId}/recordings/${recordings.get(p.roomId)}/tracks`, { kind: 'camera', mimeType: 'video/webm;codecs=vp8,opus', offsetMs: 0 });
      return String(json.id);
    }),
  );

  const latencies: number[] = [];
  let bytes = 0;
  let maxLatenessMs = 0;
  const acked = participants.map(() => 0);
  const produced = participants.map(() => 0);
  const ackedInTime = participants.map(() => 0);
  const started = performance.now();
  const deadline = started + DURATION_S * 1000;
  await Promise.all(
    participants.map(async (p, i) => {
      const chunks = chunksFor(source, 7 + i * 13, chunkCount);
      const phase = Math.random() * SLICE_S * 1000;
      const base = `/api/v1/video-rooms/${p.roomId}/recordings/${recordings.get(p.roomId)}/tracks/${tracks[i]}`;
      // A chunk is ready at the end of its slice; it is sent then, or as soon as the previous one is acknowledged.
      for (let seq = 0; ; seq++) {
        const due = started + phase + (seq + 1) * SLICE_S * 1000;
        if (due > deadline) break;
        produced[i] = seq + 1;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        maxLatenessMs = Math.max(maxLatenessMs, performance.now() - due);
        const t0 = performance.now();
        await call(server, p.session, 'PUT', `${base}/chunks/${seq}`, chunks[seq]!, { 'content-type': 'video/webm', 'x-content-sha256': sha256(chunks[seq]!) });
        latencies.push(performance.now() - t0);
        bytes += chunks[seq]!.length;
        acked[i] = seq + 1;
        if (performance.now() <= deadline) ackedInTime[i] = seq + 1;
      }
    }),
  );
  const wallS = (performance.now() - started) / 1000; // the run, including the last acks after the deadline
  const sorted = [...latencies].sort((a, b) => a - b);
  // By the end of the run, what each participant recorded (slices that ended) and what the server had acknowledged.
  const mediaAcked = ackedInTime.reduce((a, n) => a + n * SLICE_S, 0);
  const mediaRecorded = produced.reduce((a, n) => a + n * SLICE_S, 0);
  const backlog = Math.max(...produced.map((n, i) => n - ackedInTime[i]!));
  // Keeping up: no chunk waited a whole slice for its predecessor's ack, and at the end at most the last chunk was in flight.
  const keptUp = maxLatenessMs < SLICE_S * 1000 && backlog <= 1;

  console.log(`\n${ROOMS} rooms × ${PER_ROOM} participants, ${DURATION_S} s, ${SLICE_S} s chunks, loopback, external PostgreSQL`);
  console.log(`  chunks acknowledged   ${latencies.length} (${(latencies.length / wallS).toFixed(1)} chunks/s)`);
  console.log(`  upload throughput     ${(bytes / 1024 / 1024 / wallS).toFixed(2)} MB/s (${((bytes * 8) / wallS / 1e6).toFixed(1)} Mbps)`);
  console.log(`  ack latency           p50 ${percentile(sorted, 50).toFixed(1)} ms   p99 ${percentile(sorted, 99).toFixed(1)} ms   max ${sorted.at(-1)!.toFixed(1)} ms`);
  console.log(`  media acknowledged    ${mediaAcked} s by the end of the run, of ${mediaRecorded} s recorded (summed over participants); largest backlog ${backlog} chunk(s)`);
  console.log(`  largest send delay    ${maxLatenessMs.toFixed(0)} ms after a chunk was ready (backlog starts at ${SLICE_S * 1000} ms)`);
  console.log(`  keeps up with real time: ${keptUp ? 'yes' : 'NO'}`);

  // Stop, finish, and time the processing of every track (ffprobe, remux, store with receipt).
  const t0 = performance.now();
  await Promise.all(participants.filter((p) => p.host).map((p) => call(server, p.session, 'POST', `/api/v1/video-rooms/${p.roomId}/recordings/${recordings.get(p.roomId)}/stop`)));
  await Promise.all(participants.map((p, i) => call(server, p.session, 'POST', `/api/v1/video-rooms/${p.roomId}/recordings/${recordings.get(p.roomId)}/tracks/${tracks[i]}/finish`, { chunks: acked[i] })));
  const hosts = participants.filter((p) => p.host);
  let statuses: string[] = [];
  for (;;) {
    statuses = await Promise.all(hosts.map(async (p) => {
      const { json } = await call(server, p.session, 'GET', `/api/v1/video-rooms/${p.roomId}/recordings`);
      return String((json.items as { status: string }[])[0]!.status);
    }));
    if (statuses.every((s) => s === 'ready' || s === 'failed') || performance.now() - t0 > 600_000) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const ready = statuses.filter((s) => s === 'ready').length;
  console.log(`  processing            ${ready}/${hosts.length} recordings ready (${participants.length} tracks remuxed and stored) ${((performance.now() - t0) / 1000).toFixed(1)} s after the stop`);
}

const masterKey = randomBytes(32);
const external = await freshExternalDatabase(EXTERNAL, `oc_bench_rec_${process.pid}`).catch((err) => {
  console.log(`external PostgreSQL at ${EXTERNAL.replace(/\/\/[^@]*@/, '//')} not reachable (${String(err)}); this benchmark needs one (DATABASE_URL)`);
  return undefined;
});
if (external) {
  try {
    // BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server.
    const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean);
    const server = await startServer({ port: Number(process.env.BENCH_PORT ?? 18_170), databaseUrl: external.url, nodeArgs, env: { MASTER_KEY: masterKey.toString('base64'), SEED_DEMO: 'false', VIDEO_FINALIZE_GRACE_SECONDS: '30' } });
    try {
      await run(server, external.url, masterKey);
    } finally {
      await server.stop();
    }
  } finally {
    await external.drop();
  }
}
