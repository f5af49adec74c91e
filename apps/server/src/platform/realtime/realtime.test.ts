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
import type { Database } from '../db/database.ts';
import { appendEvent } from '../events/index.ts';
import { RealtimePayloadTooLargeError } from './index.ts';

// Two instances of the server on two real ports, one database: as two processes behind a load balancer.
let instances: TwoInstances;
let a: TestContext;
let b: FastifyInstance;
let bDatabase: Database;
let urlA: string;
let urlB: string;
let orgs: Fixture;
const clients: RealtimeClient[] = [];

beforeAll(async () => {
  instances = await startTwoInstances();
  ({ a, b, bDatabase, urlA, urlB } = instances);
  orgs = await createOrganisations(a);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await instances.close();
});

const open = async (url: string, s: Session, origin = url) => {
  const c = await connectRealtime(url, { cookie: s.cookie, origin });
  clients.push(c);
  return c;
};

async function newParty() {
  const party = await createParty(a);
  return { ...party, session: await loginWithSms(a, party.phone) };
}

async function createMatter(s: Session, participants: { userId: string; role: string }[] = []) {
  const res = await a.app.inject({ method: 'POST', url: '/api/v1/matters', headers: s.headers, payload: { title: '借款合同纠纷', courtId: orgs.courtId, participants } });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('connecting', () => {
  it('refuses an upgrade without a session', async () => {
    await expect(connectRealtime(urlA, { origin: urlA })).rejects.toMatchObject({ status: 401 });
    await expect(connectRealtime(urlA, { origin: urlA, cookie: 'oc_session=forged' })).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a cross-origin upgrade even with a valid session', async () => {
    const p = await newParty();
    await expect(connectRealtime(urlA, { cookie: p.session.cookie, origin: 'https://evil.example' })).rejects.toMatchObject({ status: 403 });
    await expect(connectRealtime(urlA, { cookie: p.session.cookie, origin: 'null' })).rejects.toMatchObject({ status: 403 });
    const ok = await open(urlA, p.session);
    expect(ok.ws.readyState).toBe(ok.ws.OPEN);
  });

  it('answers ping and refuses malformed messages without closing', async () => {
    const p = await newParty();
    const c = await open(urlA, p.session);
    c.send({ type: 'ping' });
    await c.next('pong');
    c.send('not json');
    expect((await c.next('error')).code).toBe('REALTIME_INVALID_MESSAGE');
    c.send({ type: 'subscribe', room: 'user:x', extra: 1 });
    expect((await c.next('error')).code).toBe('REALTIME_INVALID_MESSAGE');
    c.send({ type: 'subscribe', room: 'no room name' });
    expect((await c.next('error')).code).toBe('REALTIME_INVALID_MESSAGE');
    c.send({ type: 'ping' });
    await c.next('pong');
  });
});

describe('send', () => {
  it('takes up to 32 KB for send only, and refuses a send to a room not subscribed or whose kind takes no messages', async () => {
    const p = await newParty();
    const c = await open(urlA, p.session);
    c.send({ type: 'send', room: `user:${p.id}`, body: { hello: 1 } });
    expect(await c.next('error')).toMatchObject({ code: 'REALTIME_SEND_REFUSED', room: `user:${p.id}` });
    c.send({ type: 'subscribe', room: `user:${p.id}` });
    await c.next('subscribed');
    c.send({ type: 'send', room: `user:${p.id}`, body: { pad: 'x'.repeat(20_000) } });
    expect(await c.next('error')).toMatchObject({ code: 'REALTIME_SEND_REFUSED', message: '该房间不接收消息' });
    c.send(`{"type":"ping"}${' '.repeat(5000)}`);
    expect(await c.next('error')).toMatchObject({ code: 'REALTIME_INVALID_MESSAGE', message: '除发送消息外，消息须不超过 4 KB' });
    c.send({ type: 'send', room: `user:${p.id}`, body: { pad: 'x'.repeat(40_000) } });
    expect(await c.next('error')).toMatchObject({ code: 'REALTIME_INVALID_MESSAGE', message: '消息须为不超过 32 KB 的 JSON 文本' });
  });
});

describe('rooms', () => {
  it('lets a user into their own room only', async () => {
    const p = await newParty();
    const other = await newParty();
    const c = await open(urlA, p.session);
    c.send({ type: 'subscribe', room: `user:${other.id}` });
    expect(await c.next('error')).toMatchObject({ code: 'REALTIME_ROOM_FORBIDDEN', room: `user:${other.id}` });
    c.send({ type: 'subscribe', room: `user:${p.id}` });
    expect(await c.next('subscribed')).toEqual({ type: 'subscribed', room: `user:${p.id}` });
    c.send({ type: 'subscribe', room: 'hearing:whatever' });
    expect((await c.next('error')).code).toBe('REALTIME_ROOM_FORBIDDEN');
  });

  it('lets into a matter room only those who may read the matter', async () => {
    const owner = await newParty();
    const stranger = await newParty();
    const matterId = await createMatter(owner.session);
    const clerk = await createStaff(a, 'clerk', orgs.courtId);
    const clerkSession = await loginWithPassword(a, clerk.username);
    const room = `matter:${matterId}`;

    const strangerSocket = await open(urlA, stranger.session);
    strangerSocket.send({ type: 'subscribe', room });
    expect((await strangerSocket.next('error')).code).toBe('REALTIME_ROOM_FORBIDDEN');
    strangerSocket.send({ type: 'subscribe', room: 'matter:not-a-uuid' });
    expect((await strangerSocket.next('error')).code).toBe('REALTIME_ROOM_FORBIDDEN');

    for (const s of [owner.session, clerkSession]) {
      const c = await open(urlB, s);
      c.send({ type: 'subscribe', room });
      await c.next('subscribed');
    }
  });
});

describe('fan-out across processes', () => {
  it('delivers an event published on instance B to a socket on instance A', async () => {
    const p = await newParty();
    const onA = await open(urlA, p.session);
    onA.send({ type: 'subscribe', room: `user:${p.id}` });
    await onA.next('subscribed');
    await b.platform.realtime.publish(bDatabase.db, `user:${p.id}`, { type: 'notification.read', ids: 'all', unreadCount: 0 });
    expect(await onA.next('event')).toEqual({ type: 'event', room: `user:${p.id}`, event: { type: 'notification.read', ids: 'all', unreadCount: 0 } });
  });

  it('publishes inside a transaction only when it commits', async () => {
    const p = await newParty();
    const c = await open(urlA, p.session);
    c.send({ type: 'subscribe', room: `user:${p.id}` });
    await c.next('subscribed');
    await expect(
      bDatabase.db.transaction(async (tx) => {
        await b.platform.realtime.publish(tx, `user:${p.id}`, { type: 'notification.read', ids: 'all', unreadCount: 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await bDatabase.db.transaction((tx) => b.platform.realtime.publish(tx, `user:${p.id}`, { type: 'notification.read', ids: 'all', unreadCount: 2 }));
    const event = await c.next('event');
    expect(event.event).toMatchObject({ unreadCount: 2 });
    expect(c.messages.filter((m) => m.type === 'event')).toEqual([]);
  });

  it('turns outbox events of a matter into matter.changed signals in its room', async () => {
    const owner = await newParty();
    const matterId = await createMatter(owner.session);
    const c = await open(urlA, owner.session);
    c.send({ type: 'subscribe', room: `matter:${matterId}` });
    await c.next('subscribed');
    await b.platform.consumers.runUntilIdle(); // the consumer starts at the latest event
    const eventId = await appendEvent(bDatabase.db, { type: 'matter.stage_changed', aggregateType: 'matter', aggregateId: matterId, payload: { secret: '不应外泄' } });
    // Instance B's consumer publishes; the socket on A hears it. The matter's creation may be signalled
    // too (consumers wait for every older transaction on the server, so it can arrive late): skip it.
    type Message = (typeof c.messages)[number];
    const isStageChange = (m: Message): m is Extract<Message, { type: 'event' }> =>
      m.type === 'event' && (m.event as { eventType?: string }).eventType === 'matter.stage_changed';
    await waitFor(async () => {
      await b.platform.consumers.runUntilIdle();
      return c.messages.some(isStageChange);
    }, { what: 'matter.changed' });
    const got = c.messages.find(isStageChange)!;
    expect(got.event).toMatchObject({ type: 'matter.changed', matterId, eventType: 'matter.stage_changed', eventId });
    expect(JSON.stringify(got)).not.toContain('不应外泄');
  });

  it('carries an event larger than one NOTIFY in parts, and refuses one beyond the realtime limit, clearly', async () => {
    const p = await newParty();
    const c = await open(urlA, p.session);
    c.send({ type: 'subscribe', room: `user:${p.id}` });
    await c.next('subscribed');
    const notification = (title: string) => ({
      type: 'notification.created' as const,
      notification: { id: p.id, kind: 'x', title, link: null, createdAt: new Date().toISOString() },
      unreadCount: 1,
    });
    await b.platform.realtime.publish(bDatabase.db, `user:${p.id}`, notification('长'.repeat(6000)));
    expect((await c.next('event')).event).toMatchObject({ notification: { title: '长'.repeat(6000) } });
    await expect(b.platform.realtime.publish(bDatabase.db, `user:${p.id}`, notification('长'.repeat(100_000)))).rejects.toThrow(RealtimePayloadTooLargeError);
  });

  it('delivers an event addressed to some users only to their sockets in the room', async () => {
    const owner = await newParty();
    const other = await newParty();
    const matterId = await createMatter(owner.session, [{ userId: other.id, role: 'party' }]);
    const room = `matter:${matterId}`;
    const [forOwner, forOther] = [await open(urlA, owner.session), await open(urlB, other.session)];
    for (const c of [forOwner, forOther]) {
      c.send({ type: 'subscribe', room });
      await c.next('subscribed');
    }
    const changed = (eventId: number) => ({ type: 'matter.changed' as const, matterId, eventType: 'test', eventId, occurredAt: new Date().toISOString() });
    await b.platform.realtime.publish(bDatabase.db, room, changed(1), { users: [other.id] });
    await a.app.platform.realtime.publish(a.database.db, room, changed(2));
    expect((await forOther.next('event')).event).toMatchObject({ eventId: 1 });
    expect((await forOwner.next('event')).event).toMatchObject({ eventId: 2 });
    expect((await forOther.next('event')).event).toMatchObject({ eventId: 2 });
  });
});

describe('ending sockets', () => {
  it('closes every socket of a session that was signed out, on both instances', async () => {
    const p = await newParty();
    const onA = await open(urlA, p.session);
    const onB = await open(urlB, p.session);
    const bystander = await newParty();
    const other = await open(urlB, bystander.session);
    const out = await a.app.inject({ method: 'POST', url: '/api/v1/auth/logout-everywhere', headers: p.session.headers });
    expect(out.statusCode).toBe(200);
    expect((await onA.closed).code).toBe(4401);
    expect((await onB.closed).code).toBe(4401);
    other.send({ type: 'ping' });
    await other.next('pong');
  });

  it('closes a socket at the periodic check when its session ended without a word (expired, revoked by hand)', async () => {
    const p = await newParty();
    const c = await open(urlA, p.session);
    await a.database.pool.query('update auth_session set expires_at = now() - interval \'1 second\' where user_id = $1', [p.id]);
    await a.app.platform.realtime.checkSessions();
    expect((await c.closed).code).toBe(4401);
  });

  it('drops a socket that stops answering pings and keeps the ones that answer', async () => {
    const p = await newParty();
    const live = await open(urlA, p.session);
    const dead = await open(urlA, p.session);
    const before = a.app.platform.realtime.stats().sockets;
    // This client stops reading: its pongs never come.
    (dead.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const pinged = new Promise((r) => live.ws.once('ping', r));
    a.app.platform.realtime.heartbeat();
    await pinged;
    // The live client's automatic pong went out before this message, so the server has it now.
    live.send({ type: 'ping' });
    await live.next('pong');
    a.app.platform.realtime.heartbeat();
    expect(a.app.platform.realtime.stats().sockets).toBe(before - 1);
    live.send({ type: 'ping' });
    await live.next('pong');
  });
});
