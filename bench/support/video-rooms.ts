// Video rooms for benchmarks: signed-in users made in bulk, rooms opened and joined through the real
// API, and WebSocket participants that speak the real signaling protocol.
//
// Users, matters and sessions are inserted straight into the database (as the test harness's
// createUser + a session row would be): signing thousands of people in by SMS code would measure the
// login path, not rooms. A session row holds the SHA-256 of a random token; the cookie carries the
// token, exactly as after a real sign-in. Everything a room does then goes through HTTP and WebSockets.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { TRealtimeServerMessage, TVideoJoin, TVideoRoom } from '@opencourt/contracts';
import pg from 'pg';
import WebSocket from 'ws';

export type BenchUser = { id: string; cookie: string; csrf: string };

/** Inserts `count` users of a role with a live, fully signed-in session each. */
export async function insertSignedInUsers(db: pg.Pool, count: number, role: 'mediator' | 'party', organisationId: string | null): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  const ids: string[] = [];
  const names: string[] = [];
  const sessionIds: string[] = [];
  const csrfs: string[] = [];
  for (let i = 0; i < count; i++) {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const id = randomUUID();
    ids.push(id);
    names.push(`${role === 'mediator' ? '调解员' : '当事人'}${i}`);
    sessionIds.push(createHash('sha256').update(token).digest('base64url'));
    csrfs.push(csrf);
    users.push({ id, cookie: `oc_session=${token}`, csrf });
  }
  await db.query(
    `insert into app_user (id, organisation_id, display_name, roles) select u.id, $3, u.name, array[$4]::text[] from unnest($1::uuid[], $2::text[]) as u(id, name)`,
    [ids, names, organisationId, role],
  );
  await db.query(
    `insert into auth_session (id, user_id, stage, csrf_token, method, expires_at)
     select s.id, s.user_id, 'full', s.csrf, $4, now() + interval '12 hours' from unnest($1::text[], $2::uuid[], $3::text[]) as s(id, user_id, csrf)`,
    [sessionIds, ids, csrfs, role === 'mediator' ? 'password' : 'sms'],
  );
  return users;
}

/** A matter of the demo court with its mediator and two parties (as the matters module stores it). */
export async function insertMatter(db: pg.Pool, courtId: string, mediator: BenchUser, parties: BenchUser[]): Promise<string> {
  const id = randomUUID();
  await db.query(`insert into matter (id, court_id, title, stage, created_by) values ($1, $2, '借款合同纠纷（压测）', 'intake', $3)`, [id, courtId, mediator.id]);
  await db.query(`insert into matter_participant (matter_id, user_id, role) select $1, u, r from unnest($2::uuid[], $3::text[]) as t(u, r)`, [
    id,
    [mediator.id, ...parties.map((p) => p.id)],
    ['mediator', ...parties.map(() => 'party')],
  ]);
  return id;
}

export async function api<T>(base: string, who: BenchUser, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export type OpenRoom = { roomId: string; matterId: string; members: { user: BenchUser; me: TVideoJoin['me'] }[] };

/** Opens a room through the API (host + two parties), everyone joins, the host admits the parties. */
export async function openRoom(base: string, matterId: string, host: BenchUser, parties: BenchUser[]): Promise<OpenRoom> {
  const room = await api<TVideoRoom>(base, host, 'POST', `/matters/${matterId}/video-rooms`, {
    title: '压测调解室',
    purpose: 'mediation',
    participants: parties.map((p, i) => ({ userId: p.id, role: 'party', side: i ? '被申请人' : '申请人' })),
  }, { 'idempotency-key': `bench-${randomUUID()}` });
  const hostJoin = await api<TVideoJoin>(base, host, 'POST', `/video-rooms/${room.id}/join`);
  const members = [{ user: host, me: hostJoin.me }];
  for (const p of parties) {
    const joined = await api<TVideoJoin>(base, p, 'POST', `/video-rooms/${room.id}/join`);
    await api(base, host, 'POST', `/video-rooms/${room.id}/participants/${joined.me.id}/admit`);
    members.push({ user: p, me: { ...joined.me, state: 'admitted' } });
  }
  return { roomId: room.id, matterId, members };
}

export type Participant = { ws: WebSocket; send(body: unknown): void; close(): void };

/** A realtime socket subscribed to the room; `onMessage` sees every server message. */
export function connectParticipant(base: string, user: BenchUser, roomId: string, onMessage: (m: TRealtimeServerMessage, at: number) => void): Promise<Participant> {
  const room = `video:${roomId}`;
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/realtime`, { headers: { cookie: user.cookie, origin: base }, perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (data) => {
      const at = Date.now();
      const m = JSON.parse(data.toString()) as TRealtimeServerMessage;
      if (m.type === 'ready') ws.send(JSON.stringify({ type: 'subscribe', room }));
      else if (m.type === 'subscribed') resolve({ ws, send: (body) => ws.send(JSON.stringify({ type: 'send', room, body })), close: () => ws.close() });
      else if (m.type === 'error' && m.code === 'REALTIME_ROOM_FORBIDDEN') reject(new Error(m.message));
      onMessage(m, at);
    });
  });
}

/** Runs `task` over `items` with at most `limit` at once. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i]!, i);
      }
    }),
  );
  return out;
}

/** Realistic signaling bodies: an SDP offer/answer of a camera + microphone call, ICE candidates, media state. */
export function sdp(type: 'offer' | 'answer'): string {
  const lines = [
    'v=0',
    `o=- ${Date.now()} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    'a=group:BUNDLE 0 1',
    'a=extmap-allow-mixed',
    'a=msid-semantic: WMS',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126',
    'c=IN IP4 0.0.0.0',
    'a=rtcp:9 IN IP4 0.0.0.0',
    `a=ice-ufrag:${randomBytes(3).toString('hex')}`,
    `a=ice-pwd:${randomBytes(12).toString('hex')}`,
    'a=ice-options:trickle',
    `a=fingerprint:sha-256 ${Array.from(randomBytes(32)).map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':')}`,
    `a=setup:${type === 'offer' ? 'actpass' : 'active'}`,
    'a=mid:0',
    'a=sendrecv',
    'a=rtcp-mux',
    'a=rtpmap:111 opus/48000/2',
    'a=rtcp-fb:111 transport-cc',
    'a=fmtp:111 minptime=10;useinbandfec=1',
    'm=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 104 105 106 107 108 109 127 125 39 40 45 46 98 99 100 101 112 113 116 117 118',
    'c=IN IP4 0.0.0.0',
    'a=mid:1',
    'a=sendrecv',
    'a=rtcp-mux',
    'a=rtcp-rsize',
    ...['VP8', 'VP9', 'H264', 'AV1', 'rtx', 'red', 'ulpfec'].flatMap((codec, i) => [
      `a=rtpmap:${96 + i} ${codec}/90000`,
      `a=rtcp-fb:${96 + i} goog-remb`,
      `a=rtcp-fb:${96 + i} transport-cc`,
      `a=rtcp-fb:${96 + i} ccm fir`,
      `a=rtcp-fb:${96 + i} nack`,
      `a=rtcp-fb:${96 + i} nack pli`,
      `a=fmtp:${96 + i} level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f`,
    ]),
    `a=ssrc-group:FID ${randomBytes(4).readUInt32BE()} ${randomBytes(4).readUInt32BE()}`,
    `a=msid:${randomUUID()} ${randomUUID()}`,
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export const candidate = (i: number) => ({
  candidate: `candidate:${1000 + i} 1 udp 2122260223 192.168.${i % 255}.${(i * 7) % 255} ${50000 + (i % 10000)} typ host generation 0 ufrag abcd network-id 1`,
  sdpMid: '0',
  sdpMLineIndex: 0,
  usernameFragment: 'abcd',
});
