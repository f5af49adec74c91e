// npm run bench:rooms — concurrent video rooms of 3 signed-in participants on the real server (child
// process, external PostgreSQL), each participant a real WebSocket speaking the signaling protocol:
// offers, answers, ICE candidates and media states relayed through the server at a steady rate, plus
// chat over the REST API. Ramps the number of rooms and prints, per step: rooms, sockets, messages/s
// relayed, p50/p99 relay latency (sentAt → arrival at the addressee), chat latency, refusals.
// Target (issue 4): ≥ 1,000 concurrent rooms with p99 relay < 50 ms on this machine.
//
// BENCH_ROOMS=100,250,…  steps        BENCH_SECONDS=10  measured seconds per step, after BENCH_WARMUP_SECONDS=10 of the same traffic
// BENCH_SIGNALS_PER_ROOM_S=2          BENCH_CHAT_EVERY_S=10 (one chat message per room every … s)
// BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the servers.
// BENCH_PROFILE_STEP=2 profiles the first server over that step's warm-up and measured seconds only
//   (V8 inspector; rooms already open then, so it covers the drain, warm-up and measured seconds), writes /tmp/rooms-step<N>.cpuprofile and prints the top self-time frames.
// BENCH_PROCESSES=1|2 server processes behind the "load balancer" (with 2, participants alternate, so signals cross processes)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { TRealtimeServerMessage } from '@opencourt/contracts';
import pg from 'pg';
import { startInspectorProfile } from './support/inspector-profile.ts';
import { freshExternalDatabase, startServer, type RunningServer } from './support/server-process.ts';
import { api, candidate, connectParticipant, insertMatter, insertSignedInUsers, openRoom, pool, sdp, type OpenRoom, type Participant } from './support/video-rooms.ts';

const STEPS = (process.env.BENCH_ROOMS ?? '100,250,500,1000,1500').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const SIGNALS_PER_ROOM_S = Number(process.env.BENCH_SIGNALS_PER_ROOM_S ?? 2);
const CHAT_EVERY_S = Number(process.env.BENCH_CHAT_EVERY_S ?? 10);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);
const EXTERNAL = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const PROFILE_STEP = Number(process.env.BENCH_PROFILE_STEP ?? 0);
const INSPECTOR_PORT = 19_229;
const TICK_MS = 20;

type Live = OpenRoom & { sockets: Participant[]; step: number };

const stats = {
  signalLatency: [] as number[],
  chatLatency: [] as number[],
  delivered: 0,
  sent: 0,
  chatsSent: 0,
  chatsFailed: 0,
  refused: new Map<string, number>(),
  reset() {
    this.signalLatency = [];
    this.chatLatency = [];
    this.delivered = 0;
    this.sent = 0;
    this.chatsSent = 0;
    this.chatsFailed = 0;
    this.refused.clear();
  },
};

const onMessage = (self: string) => (m: TRealtimeServerMessage, at: number) => {
  if (m.type === 'error') stats.refused.set(m.message, (stats.refused.get(m.message) ?? 0) + 1);
  if (m.type !== 'event') return;
  if (m.event.type === 'video.signal') {
    stats.delivered++;
    stats.signalLatency.push(at - m.event.sentAt);
  } else if (m.event.type === 'video.chat' && m.event.message.participantId !== self) {
    const sentAt = Number(/#(\d+)$/.exec(m.event.message.text)?.[1]);
    if (sentAt) stats.chatLatency.push(at - sentAt);
  }
};

const percentile = (values: number[], p: number) => {
  if (!values.length) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** One signaling message of the room's current negotiation: offer, answer, trickled candidates, media state. */
function nextSignal(room: Live) {
  const n = room.step++;
  const pair = Math.floor(n / 8) % 3;
  const [x, y] = [pair, (pair + 1) % 3];
  const forward = [0, 2, 4, 6].includes(n % 8);
  const [from, to] = forward ? [x, y] : [y, x];
  const target = room.members[to]!.me;
  const kind = n % 8;
  const signal =
    kind === 0
      ? { kind: 'description', description: { type: 'offer', sdp: sdp('offer') } }
      : kind === 1
        ? { kind: 'description', description: { type: 'answer', sdp: sdp('answer') } }
        : kind < 6
          ? { kind: 'candidate', candidate: candidate(n) }
          : { kind: 'media', audio: true, video: n % 16 < 8, screen: false };
  return { from, body: { type: 'signal', to: target.id, toConnection: target.connectionId, id: randomUUID(), sentAt: Date.now(), signal } };
}

async function runStep(servers: RunningServer[], rooms: Live[], seconds: number) {
  stats.reset();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  let signalBudget = 0;
  let chatBudget = 0;
  let r = 0;
  let c = 0;
  const started = Date.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (Date.now() - started >= seconds * 1000) {
        clearInterval(timer);
        resolve();
        return;
      }
      signalBudget += (rooms.length * SIGNALS_PER_ROOM_S * TICK_MS) / 1000;
      for (; signalBudget >= 1; signalBudget--) {
        const room = rooms[r++ % rooms.length]!;
        const { from, body } = nextSignal(room);
        room.sockets[from]!.send(body);
        stats.sent++;
      }
      chatBudget += (rooms.length * TICK_MS) / 1000 / CHAT_EVERY_S;
      for (; chatBudget >= 1; chatBudget--) {
        const i = c++;
        const room = rooms[i % rooms.length]!;
        const speaker = room.members[i % 3]!;
        stats.chatsSent++;
        api(servers[i % servers.length]!.url, speaker.user, 'POST', `/video-rooms/${room.roomId}/chat`, { text: `压测消息 #${Date.now()}` }).catch(() => stats.chatsFailed++);
      }
    }, TICK_MS);
  });
  await new Promise((res) => setTimeout(res, 1000)); // let the last messages arrive
  lag.disable();
  return { elapsed: seconds, clientLagP99: lag.percentile(99) / 1e6 };
}

/** Waits until no job is due and every outbox consumer has read every event; returns the seconds it took. */
async function drainBackground(db: pg.Pool): Promise<number> {
  const start = Date.now();
  for (;;) {
    const { rows } = await db.query<{ jobs: number; behind: number }>(
      `select (select count(*)::int from job where status in ('queued', 'running') and run_at <= now()) as jobs,
              (select count(*)::int from event_consumer c
                where exists (select 1 from domain_event e where (e.tx_id, e.id) > (c.last_tx_id, c.last_id))) as behind`,
    );
    if (rows[0]!.jobs === 0 && rows[0]!.behind === 0) return (Date.now() - start) / 1000;
    if (Date.now() - start > 600_000) throw new Error('the server did not finish its queued work within 10 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** CPU seconds a process has used (user + system), from /proc. */
const cpuSeconds = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
};

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};

const database = await freshExternalDatabase(EXTERNAL, `oc_bench_rooms_${process.pid}`);
const servers: RunningServer[] = [];
const db = new pg.Pool({ connectionString: database.url, max: 8 });
try {
  for (let i = 0; i < PROCESSES; i++) servers.push(await startServer({ port: 18_090 + i, databaseUrl: database.url, env: i ? { SEED_DEMO: 'false' } : {}, nodeArgs: [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...(PROFILE_STEP && !i ? [`--inspect=127.0.0.1:${INSPECTOR_PORT}`] : [])] }));
  const court = (await db.query(`select id from organisation where kind = 'court' limit 1`)).rows[0].id as string;
  const centre = (await db.query(`select id from organisation where kind = 'mediation_org' limit 1`)).rows[0].id as string;
  const rooms: Live[] = [];
  console.log(
    `\nvideo rooms: 3 participants each, ${SIGNALS_PER_ROOM_S} signals/s and 1 chat message per ${CHAT_EVERY_S} s per room, ${SECONDS} s measured per step after ${WARMUP_SECONDS} s warm-up, ${PROCESSES} server process(es), external PostgreSQL, loopback`,
  );
  console.log('  rooms  sockets  signals/s  p50 ms  p99 ms  chat/s  chat p50  chat p99  refused  setup s  server RSS MB  client lag p99 ms');
  for (const [stepIndex, target] of STEPS.entries()) {
    const profiling = stepIndex + 1 === PROFILE_STEP ? await startInspectorProfile(INSPECTOR_PORT) : null;
    const setupStart = Date.now();
    const need = target - rooms.length;
    if (need > 0) {
      const hosts = await insertSignedInUsers(db, need, 'mediator', centre);
      const parties = await insertSignedInUsers(db, need * 2, 'party', null);
      const fresh = await pool(hosts, 16, async (host, i) => {
        const two = [parties[2 * i]!, parties[2 * i + 1]!];
        const matterId = await insertMatter(db, court, host, two);
        return openRoom(servers[i % servers.length]!.url, matterId, host, two);
      });
      const connected = await pool(fresh, 32, async (room, i) => {
        const sockets = await Promise.all(room.members.map((m, j) => connectParticipant(servers[(i + j) % servers.length]!.url, m.user, room.roomId, onMessage(m.me.id))));
        return { ...room, sockets, step: 0 };
      });
      rooms.push(...connected);
    }
    const setup = (Date.now() - setupStart) / 1000;
    // Opening hundreds of rooms at once queues their invitations, events and ledger entries: let the
    // server finish that work first, so the step measures steady traffic rather than the burst.
    const drained = await drainBackground(db);
    // The same traffic, unmeasured, to warm up.
    await runStep(servers, rooms, WARMUP_SECONDS);
    const cpuBefore = servers.map((s) => cpuSeconds(s.pid));
    const clientBefore = process.cpuUsage();
    const { elapsed, clientLagP99 } = await runStep(servers, rooms, SECONDS);
    const serverCpu = servers.map((s, i) => (cpuSeconds(s.pid) - cpuBefore[i]!) / (elapsed + 1));
    const client = process.cpuUsage(clientBefore);
    const clientCpu = (client.user + client.system) / 1e6 / (elapsed + 1);
    const refused = [...stats.refused.values()].reduce((a, b) => a + b, 0);
    console.log(
      `  ${String(rooms.length).padStart(5)}  ${String(rooms.length * 3).padStart(7)}  ${(stats.delivered / elapsed).toFixed(0).padStart(9)}  ${percentile(stats.signalLatency, 50).toFixed(0).padStart(6)}  ${percentile(stats.signalLatency, 99).toFixed(0).padStart(6)}` +
        `  ${(stats.chatsSent / elapsed).toFixed(0).padStart(6)}  ${percentile(stats.chatLatency, 50).toFixed(0).padStart(8)}  ${percentile(stats.chatLatency, 99).toFixed(0).padStart(8)}` +
        `  ${String(refused + stats.chatsFailed).padStart(7)}  ${setup.toFixed(1).padStart(7)}  ${servers.map((s) => rssMb(s.pid)).join('+').padStart(13)}  ${clientLagP99.toFixed(0).padStart(17)}`,
    );
    if (profiling) {
      const file = `/tmp/rooms-step${PROFILE_STEP}.cpuprofile`;
      console.log(`         profile of this step in ${file}; top self time:`);
      for (const line of await profiling.stop(file)) console.log(`           ${line}`);
    }
    const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    console.log(`         after opening the rooms, ${drained.toFixed(1)} s for the server's queued work (invitations, outbox consumers, ledger) to finish`);
    console.log(
      `         server CPU ${serverCpu.map((c) => `${(c * 100).toFixed(0)}%`).join('+')} of a core (${((serverCpu.reduce((a, b) => a + b, 0) * (elapsed + 1) * 1e6) / Math.max(1, stats.delivered)).toFixed(0)} µs per relayed signal, chat included), bench client ${(clientCpu * 100).toFixed(0)}%, machine load average ${load}`,
    );
    if (stats.delivered < stats.sent) console.log(`         (${stats.sent - stats.delivered} of ${stats.sent} signals not delivered)`);
    for (const [message, n] of stats.refused) console.log(`         refused ×${n}: ${message}`);

    // ---- Recording uploads (issue 4 §9: 50 rooms uploading at once must keep up with real time) ----
    // The recording part measures here, on the rooms above (`rooms`, each with its members' users),
    // while signaling goes on.
  }
  const best = rooms.length;
  console.log(`\n  target: ≥ 1,000 rooms with p99 relay < 50 ms — see the 1000-room row above (ran up to ${best}).`);
  for (const room of rooms) for (const s of room.sockets) s.close();
} finally {
  await db.end().catch(() => {});
  for (const s of servers) {
    if (process.env.BENCH_SHOW_SERVER) console.log(s.output());
    await s.stop();
  }
  await database.drop();
}
