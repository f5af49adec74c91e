// Video rooms over real HTTP and real WebSockets, on two server instances sharing one database (two
// processes behind a load balancer): signals sent on one reach sockets on the other.
import { randomUUID } from 'node:crypto';
import type { TRealtimeServerMessage, TVideoJoin, TVideoRoom } from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisations,
  createParty,
  createStaff,
  loginWithPassword,
  loginWithSms,
  startTwoInstances,
  type Fixture,
  type Session,
  type TestContext,
  type TwoInstances,
} from '../../../test/harness.ts';
import { connectRealtime, type RealtimeClient } from '../../../test/realtime-client.ts';
import { waitFor } from '../../../test/wait.ts';

let instances: TwoInstances;
let a: TestContext;
let b: FastifyInstance;
let urlA: string;
let urlB: string;
let orgs: Fixture;
const sockets: RealtimeClient[] = [];

type User = { id: string; session: Session };
let mediator: User;
let clerk: User;
let partyA: User;
let partyB: User;
let agent: User;
let stranger: User;
let matterId: string;

async function call(base: string, who: User | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { ...(who?.session.headers ?? {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

const party = async (): Promise<User> => {
  const p = await createParty(a);
  return { id: p.id, session: await loginWithSms(a, p.phone) };
};
const staff = async (role: 'mediator' | 'clerk', org: string): Promise<User> => {
  const s = await createStaff(a, role, org);
  return { id: s.id, session: await loginWithPassword(a, s.username) };
};

async function listen(url: string, who: User, roomId: string) {
  const c = await connectRealtime(url, { cookie: who.session.cookie, origin: url });
  sockets.push(c);
  c.send({ type: 'subscribe', room: `video:${roomId}` });
  await c.next('subscribed');
  return c;
}

type EventOf<T extends string> = Extract<Extract<TRealtimeServerMessage, { type: 'event' }>['event'], { type: T }>;
const nextEvent = async <T extends string>(c: RealtimeClient, type: T, match: (e: EventOf<T>) => boolean = () => true): Promise<EventOf<T>> =>
  (await c.next('event', (m) => m.event.type === type && match(m.event as EventOf<T>))).event as EventOf<T>;
const eventsOf = (c: RealtimeClient, type: string) => c.messages.filter((m) => m.type === 'event' && m.event.type === type);

async function createRoom(host: User, key = randomUUID()) {
  const res = await call(urlA, host, 'POST', `/matters/${matterId}/video-rooms`, {
    title: '借款纠纷调解',
    purpose: 'mediation',
    participants: [
      { userId: partyA.id, role: 'party', side: '申请人' },
      { userId: partyB.id, role: 'party', side: '被申请人' },
      { userId: agent.id, role: 'agent', side: '被申请人' },
    ],
  }, { 'idempotency-key': key });
  expect(res.status).toBe(201);
  return res.body as TVideoRoom;
}
const pidOf = (room: TVideoRoom, user: User) => room.participants.find((p) => p.userId === user.id)!.id;
const join = async (base: string, who: User, roomId: string) => call(base, who, 'POST', `/video-rooms/${roomId}/join`);

const offer = (to: string, toConnection: string, sdp = 'v=0\r\n') => ({
  type: 'signal',
  to,
  toConnection,
  id: randomUUID(),
  sentAt: Date.now(),
  signal: { kind: 'description', description: { type: 'offer', sdp } },
});
const send = (c: RealtimeClient, roomId: string, body: unknown) => c.send({ type: 'send', room: `video:${roomId}`, body });

async function auditEntries(action: string, roomId: string) {
  const r = await a.database.pool.query('select action, outcome, status_code, actor_id from audit_entry where action = $1 and resource_id = $2', [action, roomId]);
  return r.rows as { action: string; outcome: string; status_code: number; actor_id: string }[];
}

beforeAll(async () => {
  instances = await startTwoInstances();
  ({ a, b, urlA, urlB } = instances);
  orgs = await createOrganisations(a);
  mediator = await staff('mediator', orgs.mediationOrgId);
  clerk = await staff('clerk', orgs.courtId);
  [partyA, partyB, agent, stranger] = [await party(), await party(), await party(), await party()];
  const res = await a.app.inject({
    method: 'POST',
    url: '/api/v1/matters',
    headers: clerk.session.headers,
    payload: {
      title: '借款合同纠纷',
      courtId: orgs.courtId,
      participants: [
        { userId: mediator.id, role: 'mediator' },
        { userId: partyA.id, role: 'party' },
        { userId: partyB.id, role: 'party' },
        { userId: agent.id, role: 'agent' },
      ],
    },
  });
  expect(res.statusCode).toBe(201);
  matterId = res.json().id;
});
afterAll(async () => {
  for (const c of sockets) c.close();
  await instances.close();
});

describe('opening a room', () => {
  it('lets the mediator open a room, once per Idempotency-Key, and invites the participants with a link', async () => {
    const key = randomUUID();
    const room = await createRoom(mediator, key);
    expect(room).toMatchObject({ matterId, status: 'open', locked: false, recording: null });
    expect(room.me).toMatchObject({ userId: mediator.id, role: 'host', state: 'invited' });
    expect(room.participants.map((p) => [p.userId, p.role, p.side])).toEqual(
      expect.arrayContaining([[partyA.id, 'party', '申请人'], [partyB.id, 'party', '被申请人'], [agent.id, 'agent', '被申请人']]),
    );
    const again = await call(urlB, mediator, 'POST', `/matters/${matterId}/video-rooms`, {
      title: '借款纠纷调解',
      purpose: 'mediation',
      participants: [
        { userId: partyA.id, role: 'party', side: '申请人' },
        { userId: partyB.id, role: 'party', side: '被申请人' },
        { userId: agent.id, role: 'agent', side: '被申请人' },
      ],
    }, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(room.id);
    const rooms = await a.database.pool.query('select count(*)::int as n from video_room where id = $1', [room.id]);
    expect(rooms.rows[0].n).toBe(1);

    const inbox = await call(urlA, partyA, 'GET', '/notifications');
    expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'video.invitation', link: `/rooms/${room.id}` })]));
    const events = await a.database.pool.query("select type from domain_event where aggregate_type = 'video_room' and aggregate_id = $1", [room.id]);
    expect(events.rows.map((r) => r.type)).toEqual(['video_room.created']);
  });

  it('refuses a party, and invitees outside the matter, with clear errors in the audit trail', async () => {
    const byParty = await call(urlA, partyA, 'POST', `/matters/${matterId}/video-rooms`, { title: '自行开会', purpose: 'meeting', participants: [{ userId: partyB.id, role: 'party' }] });
    expect(byParty.status).toBe(403);
    const outsider = await call(urlA, mediator, 'POST', `/matters/${matterId}/video-rooms`, {
      title: '调解',
      purpose: 'mediation',
      participants: [{ userId: partyA.id, role: 'party' }, { userId: stranger.id, role: 'party' }],
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body).toMatchObject({ code: 'VIDEO_PARTICIPANT_NOT_IN_MATTER', title: '受邀人须为本案的参与人' });
    expect(outsider.body.errors).toEqual([expect.objectContaining({ pointer: '/body/participants/1/userId' })]);
    const byStranger = await call(urlA, stranger, 'POST', `/matters/${matterId}/video-rooms`, { title: '调解', purpose: 'mediation', participants: [{ userId: partyA.id, role: 'party' }] });
    expect(byStranger.status).toBe(404);
    // Written once each answer has gone out.
    const audit = await waitFor(async () => {
      const r = await a.database.pool.query("select outcome, status_code from audit_entry where action = 'video_room.create' and outcome <> 'success' and actor_id = any($1)", [[partyA.id, stranger.id, mediator.id]]);
      return r.rows.length >= 3 ? r : undefined;
    }, { what: 'audit entries' });
    expect(audit.rows).toEqual(expect.arrayContaining([{ outcome: 'denied', status_code: 403 }, { outcome: 'failed', status_code: 400 }, { outcome: 'failed', status_code: 404 }]));
  });

  it('shows a room to its participants and the matter staff only, and lists it accordingly', async () => {
    const room = await createRoom(mediator);
    expect((await call(urlB, stranger, 'GET', `/video-rooms/${room.id}`)).status).toBe(404);
    expect((await call(urlB, clerk, 'GET', `/video-rooms/${room.id}`)).status).toBe(200);
    expect((await call(urlB, partyB, 'GET', `/video-rooms/${room.id}`)).body.me.userId).toBe(partyB.id);
    const list = await call(urlA, partyA, 'GET', `/matters/${matterId}/video-rooms`);
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(room.id);
    expect((await call(urlA, stranger, 'GET', `/matters/${matterId}/video-rooms`)).status).toBe(404);
    expect((await call(urlA, stranger, 'POST', `/video-rooms/${room.id}/join`)).status).toBe(404);
  });
});

describe('the lobby', () => {
  it('puts invitees in the lobby until the host admits them; an admitted one who drops comes straight back', async () => {
    const room = await createRoom(mediator);
    const host = await join(urlA, mediator, room.id);
    expect(host.status).toBe(200);
    expect((host.body as TVideoJoin).me).toMatchObject({ state: 'admitted', role: 'host' });
    expect(host.body.iceServers).toEqual([]);
    const hostSocket = await listen(urlA, mediator, room.id);

    const first = await join(urlB, partyA, room.id);
    expect(first.body.me).toMatchObject({ state: 'waiting' });
    const waiting = await nextEvent(hostSocket, 'video.room', (e) => e.change === 'waiting');
    expect(waiting.participantId).toBe(first.body.me.id);

    const partySocket = await listen(urlB, partyA, room.id);
    await waitFor(async () => (await call(urlA, mediator, 'GET', `/video-rooms/${room.id}`)).body.participants.find((p: { userId: string }) => p.userId === partyA.id).online, { what: 'presence' });

    const admitted = await call(urlA, mediator, 'POST', `/video-rooms/${room.id}/participants/${first.body.me.id}/admit`);
    expect(admitted.status).toBe(200);
    await nextEvent(partySocket, 'video.room', (e) => e.change === 'admitted' && e.participantId === first.body.me.id);

    // The network drops; the browser joins again: straight back in, with a new connection id.
    const again = await join(urlA, partyA, room.id);
    expect(again.body.me.state).toBe('admitted');
    expect(again.body.me.connectionId).not.toBe(first.body.me.connectionId);

    // Not a host: no controls.
    const byParty = await call(urlB, partyA, 'POST', `/video-rooms/${room.id}/participants/${pidOf(room, partyB)}/admit`);
    expect(byParty.status).toBe(403);
    expect(byParty.body).toMatchObject({ code: 'VIDEO_NOT_HOST', title: '只有主持人可以进行此操作' });
  });

  it('keeps refused people out, refuses newcomers while locked, and nobody after the end', async () => {
    const room = await createRoom(mediator);
    await join(urlA, mediator, room.id);
    const b1 = await join(urlB, partyB, room.id);
    expect((await call(urlA, mediator, 'POST', `/video-rooms/${room.id}/participants/${b1.body.me.id}/refuse`)).status).toBe(200);
    const refused = await join(urlB, partyB, room.id);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'VIDEO_JOIN_REFUSED', title: '主持人已拒绝您进入房间' });

    const locked = await call(urlA, mediator, 'POST', `/video-rooms/${room.id}/lock`, { locked: true });
    expect(locked.body.locked).toBe(true);
    const newcomer = await join(urlB, agent, room.id);
    expect(newcomer.status).toBe(423);
    expect(newcomer.body).toMatchObject({ code: 'VIDEO_ROOM_LOCKED', title: '房间已锁定，暂不允许加入' });
    await waitFor(async () => (await auditEntries('video_room.join', room.id)).some((e) => e.status_code === 423), { what: 'the audit entry' });
    expect(await auditEntries('video_room.join', room.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ actor_id: partyB.id, outcome: 'denied', status_code: 403 }), expect.objectContaining({ actor_id: agent.id, outcome: 'denied', status_code: 423 })]),
    );
    await call(urlA, mediator, 'POST', `/video-rooms/${room.id}/lock`, { locked: false });
    expect((await join(urlB, agent, room.id)).body.me.state).toBe('waiting');

    const ended = await call(urlA, mediator, 'POST', `/video-rooms/${room.id}/end`);
    expect(ended.body).toMatchObject({ status: 'ended' });
    expect(ended.body.participants.every((p: { state: string }) => p.state !== 'waiting' && p.state !== 'admitted')).toBe(true);
    const late = await join(urlA, partyA, room.id);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('VIDEO_ROOM_ENDED');
    const types = await a.database.pool.query("select type from domain_event where aggregate_type = 'video_room' and aggregate_id = $1 order by id", [room.id]);
    expect(types.rows.map((r) => r.type)).toEqual([
      'video_room.created',
      'video_room.joined',
      'video_room.waiting',
      'video_room.refused',
      'video_room.locked',
      'video_room.unlocked',
      'video_room.waiting',
      'video_room.ended',
    ]);
  });

  it('lets only participants not refused or removed listen to the room', async () => {
    const room = await createRoom(mediator);
    await join(urlA, mediator, room.id);
    const joined = await join(urlA, partyB, room.id);
    await call(urlA, mediator, 'POST', `/video-rooms/${room.id}/participants/${joined.body.me.id}/refuse`);
    for (const who of [stranger, clerk, partyB]) {
      const c = await connectRealtime(urlB, { cookie: who.session.cookie, origin: urlB });
      sockets.push(c);
      c.send({ type: 'subscribe', room: `video:${room.id}` });
      expect((await c.next('error')).code).toBe('REALTIME_ROOM_FORBIDDEN');
    }
    await listen(urlB, partyA, room.id); // invited, not yet joined: may listen
  });
});

describe('signaling across processes', () => {
  let roomId: string;
  let hostSocket: RealtimeClient;
  let aSocket: RealtimeClient;
  let bSocket: RealtimeClient;
  let host: TVideoJoin['me'];
  let pa: TVideoJoin['me'];
  let pb: TVideoJoin['me'];

  beforeAll(async () => {
    const room = await createRoom(mediator);
    roomId = room.id;
    host = (await join(urlA, mediator, roomId)).body.me;
    hostSocket = await listen(urlA, mediator, roomId);
    aSocket = await listen(urlB, partyA, roomId);
    bSocket = await listen(urlA, partyB, roomId);
    const ja = await join(urlB, partyA, roomId);
    const jb = await join(urlA, partyB, roomId);
    await call(urlA, mediator, 'POST', `/video-rooms/${roomId}/participants/${ja.body.me.id}/admit`);
    await call(urlA, mediator, 'POST', `/video-rooms/${roomId}/participants/${jb.body.me.id}/admit`);
    pa = ja.body.me;
    pb = jb.body.me;
  });

  it('relays an offer (larger than one NOTIFY) from a socket on A to its addressee on B, stamped by the server', async () => {
    const sdp = `v=0\r\n${'a=candidate:1 1 udp 2122260223 192.168.1.10 54321 typ host\r\n'.repeat(350)}`;
    expect(sdp.length).toBeGreaterThan(20_000);
    const up = offer(pa.id, pa.connectionId!, sdp);
    send(hostSocket, roomId, up);
    const got = await nextEvent(aSocket, 'video.signal');
    expect(got).toEqual({
      type: 'video.signal',
      roomId,
      from: host.id,
      fromConnection: host.connectionId,
      to: pa.id,
      toConnection: pa.connectionId,
      id: up.id,
      sentAt: up.sentAt,
      signal: up.signal,
    });
    // The answer goes back from B to A; nobody else hears either.
    const answer = { ...offer(host.id, host.connectionId!), signal: { kind: 'description', description: { type: 'answer', sdp: 'v=0\r\n' } } };
    send(aSocket, roomId, answer);
    expect((await nextEvent(hostSocket, 'video.signal')).id).toBe(answer.id);
    const candidate = { ...offer(pb.id, pb.connectionId!), signal: { kind: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host', sdpMid: '0', sdpMLineIndex: 0 } } };
    send(aSocket, roomId, candidate);
    expect((await nextEvent(bSocket, 'video.signal')).from).toBe(pa.id);
    expect(eventsOf(bSocket, 'video.signal')).toEqual([]);
    expect(eventsOf(hostSocket, 'video.signal')).toEqual([]);

    // Host and party B share instance A, so their signals skip NOTIFY; once party B also listens on
    // instance B (a second tab), the same signal must reach it there too.
    const local = offer(pb.id, pb.connectionId!);
    send(hostSocket, roomId, local);
    expect((await nextEvent(bSocket, 'video.signal')).id).toBe(local.id);
    const secondTab = await listen(urlB, partyB, roomId);
    const both = offer(pb.id, pb.connectionId!);
    send(hostSocket, roomId, both);
    expect((await nextEvent(bSocket, 'video.signal')).id).toBe(both.id);
    expect((await nextEvent(secondTab, 'video.signal')).id).toBe(both.id);
    secondTab.close();
  });

  it('refuses a forged sender, a replay, a stale connection and a sender in the lobby; audits the forged and replayed ones', async () => {
    send(aSocket, roomId, { ...offer(pb.id, pb.connectionId!), from: host.id, fromConnection: host.connectionId });
    expect(await aSocket.next('error')).toMatchObject({ code: 'REALTIME_SEND_REFUSED', message: '信令不得自行指定发送人', room: `video:${roomId}` });

    const once = offer(pb.id, pb.connectionId!);
    send(aSocket, roomId, once);
    await nextEvent(bSocket, 'video.signal', (e) => e.id === once.id);
    send(aSocket, roomId, once);
    expect(await aSocket.next('error')).toMatchObject({ code: 'REALTIME_SEND_REFUSED', message: '重复的信令消息（可能是重放），已拒绝' });

    send(aSocket, roomId, offer(pb.id, randomUUID()));
    expect(await aSocket.next('error')).toMatchObject({ code: 'REALTIME_SEND_REFUSED', message: '收件人已重新连接，请使用其最新的连接编号' });

    send(aSocket, roomId, offer(randomUUID(), randomUUID()));
    expect(await aSocket.next('error')).toMatchObject({ message: '收件人不是本房间的参与人' });

    const lobby = await join(urlB, agent, roomId);
    const agentSocket = await listen(urlB, agent, roomId);
    send(agentSocket, roomId, offer(host.id, host.connectionId!));
    expect(await agentSocket.next('error')).toMatchObject({ code: 'REALTIME_SEND_REFUSED', message: '您尚未获准进入房间，不能发送信令' });
    expect(lobby.body.me.state).toBe('waiting');

    await waitFor(async () => (await auditEntries('video.signal.replayed', roomId)).length === 1 && (await auditEntries('video.signal.forged', roomId)).length === 1, { what: 'audit entries' });
    expect(await auditEntries('video.signal.refused', roomId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ actor_id: partyA.id, outcome: 'denied' }), expect.objectContaining({ actor_id: agent.id, outcome: 'denied' })]),
    );
    expect(eventsOf(hostSocket, 'video.signal')).toEqual([]);
    expect(eventsOf(bSocket, 'video.signal')).toEqual([]);
  });

  it('keeps a caucus apart: no signals across it, its chat only there and to hosts; back in the main room it joins again', async () => {
    const moved = await call(urlB, mediator, 'POST', `/video-rooms/${roomId}/participants/${pa.id}/move`, { caucus: '申请人' });
    expect(moved.status).toBe(200);
    expect(moved.body.participants.find((p: { id: string }) => p.id === pa.id).caucus).toBe('申请人');
    await nextEvent(aSocket, 'video.room', (e) => e.change === 'moved');

    send(bSocket, roomId, offer(pa.id, pa.connectionId!));
    expect(await bSocket.next('error')).toMatchObject({ message: '收件人在另一个分组会谈室，不能互通' });
    send(aSocket, roomId, offer(host.id, host.connectionId!));
    expect(await aSocket.next('error')).toMatchObject({ message: '收件人在另一个分组会谈室，不能互通' });

    // The mediator joins the caucus: now they talk, and the other side hears nothing.
    await call(urlA, mediator, 'POST', `/video-rooms/${roomId}/participants/${host.id}/move`, { caucus: '申请人' });
    const inCaucus = offer(pa.id, pa.connectionId!);
    send(hostSocket, roomId, inCaucus);
    expect((await nextEvent(aSocket, 'video.signal')).id).toBe(inCaucus.id);

    const said = await call(urlB, partyA, 'POST', `/video-rooms/${roomId}/chat`, { text: '我方最多接受分期十二个月' });
    expect(said.status).toBe(201);
    expect(said.body).toMatchObject({ caucus: '申请人', participantId: pa.id });
    await nextEvent(hostSocket, 'video.chat', (e) => e.message.id === said.body.id);
    const mainSaid = await call(urlA, partyB, 'POST', `/video-rooms/${roomId}/chat`, { text: '我们在主房间等候' });
    await nextEvent(hostSocket, 'video.chat', (e) => e.message.id === mainSaid.body.id);
    await nextEvent(bSocket, 'video.chat', (e) => e.message.id === mainSaid.body.id);
    expect(eventsOf(bSocket, 'video.chat')).toEqual([]);

    const seenByB = await call(urlA, partyB, 'GET', `/video-rooms/${roomId}/chat`);
    expect(seenByB.body.items.map((m: { text: string }) => m.text)).toEqual(['我们在主房间等候']);
    const seenByA = await call(urlA, partyA, 'GET', `/video-rooms/${roomId}/chat`);
    expect(seenByA.body.items.map((m: { text: string }) => m.text)).toEqual(['我方最多接受分期十二个月', '我们在主房间等候']);
    const seenByHost = await call(urlB, mediator, 'GET', `/video-rooms/${roomId}/chat?limit=1`);
    expect(seenByHost.body.items).toHaveLength(1);
    const page2 = await call(urlB, mediator, 'GET', `/video-rooms/${roomId}/chat?limit=1&cursor=${seenByHost.body.nextCursor}`);
    expect([...seenByHost.body.items, ...page2.body.items].map((m: { text: string }) => m.text)).toEqual(['我方最多接受分期十二个月', '我们在主房间等候']);
    expect((await call(urlA, stranger, 'GET', `/video-rooms/${roomId}/chat`)).status).toBe(404);

    await call(urlA, mediator, 'POST', `/video-rooms/${roomId}/participants/${pa.id}/move`, { caucus: null });
    await call(urlA, mediator, 'POST', `/video-rooms/${roomId}/participants/${host.id}/move`, { caucus: null });
    const back = offer(pb.id, pb.connectionId!);
    send(aSocket, roomId, back);
    expect((await nextEvent(bSocket, 'video.signal')).id).toBe(back.id);
  });

  it('asks one participant to unmute, mutes all, removes one, and ends the room for everyone', async () => {
    expect((await call(urlA, mediator, 'POST', `/video-rooms/${roomId}/participants/${pb.id}/ask-unmute`)).status).toBe(204);
    expect(await nextEvent(bSocket, 'video.control')).toMatchObject({ action: 'ask-unmute', participantId: pb.id });
    expect((await call(urlB, mediator, 'POST', `/video-rooms/${roomId}/mute-all`)).status).toBe(204);
    expect(await nextEvent(aSocket, 'video.control')).toMatchObject({ action: 'mute', participantId: null });
    expect(await nextEvent(bSocket, 'video.control')).toMatchObject({ action: 'mute', participantId: null });

    expect((await call(urlA, mediator, 'POST', `/video-rooms/${roomId}/participants/${pb.id}/remove`)).status).toBe(200);
    expect(await nextEvent(bSocket, 'video.control', (e) => e.action === 'removed')).toMatchObject({ participantId: pb.id });
    const rejoin = await join(urlA, partyB, roomId);
    expect(rejoin.status).toBe(403);
    expect(rejoin.body.code).toBe('VIDEO_REMOVED');
    send(bSocket, roomId, offer(pa.id, pa.connectionId!));
    expect(await bSocket.next('error')).toMatchObject({ code: 'REALTIME_SEND_REFUSED' });

    expect((await call(urlA, mediator, 'POST', `/video-rooms/${roomId}/end`)).status).toBe(200);
    expect(await nextEvent(aSocket, 'video.control', (e) => e.action === 'ended')).toMatchObject({ participantId: null });
    send(aSocket, roomId, offer(host.id, host.connectionId!));
    expect(await aSocket.next('error')).toMatchObject({ message: '视频会议已结束' });
    expect((await call(urlA, partyA, 'POST', `/video-rooms/${roomId}/chat`, { text: '还在吗' })).body.code).toBe('VIDEO_ROOM_ENDED');
  });
});
