// A server restart loses no acknowledged chunk: one app acknowledges part of a track and closes; a
// new app on the same database and data directory takes the sequence on, finishes it, and the
// processed file holds every chunk (as many packets as the source WebM).
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { TVideoRecording } from '@opencourt/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import { createTestDatabase, testConfig, testKeyring, type TestContext, type TestDatabase } from '../../../../test/harness.ts';
import { waitFor } from '../../../../test/wait.ts';
import { cutChunks, makeWebm, probeBuffer, setUpRoom, sha256 } from './recording.test-support.ts';

let database: TestDatabase;
const config = testConfig({ VIDEO_FINALIZE_GRACE_SECONDS: '600' });
const keyring = testKeyring();
let app: FastifyInstance | undefined;

const open = async () => {
  app = await buildApp({ config, database, keyring, jobs: { pollMs: 50, consumerPollMs: 50 } });
  await app.ready();
  return app;
};

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
  fs.rmSync(config.dataDir, { recursive: true, force: true });
});

it('keeps every acknowledged chunk across a restart and continues the sequence', async () => {
  const first = await open();
  const ctx = { app: first, database, config, keyring } as TestContext;
  const room = await setUpRoom(ctx);
  const party = room.parties[0]!.session;
  const base = `/api/v1/video-rooms/${room.roomId}/recordings`;
  const source = makeWebm(4);
  const chunks = cutChunks(source, 8);
  const put = (a: FastifyInstance, seq: number) =>
    a.inject({ method: 'PUT', url: `${base}/${rid}/tracks/${tid}/chunks/${seq}`, headers: { ...party.headers, 'content-type': 'video/webm', 'x-content-sha256': sha256(chunks[seq]!) }, payload: chunks[seq]! });

  const started = await first.inject({ method: 'POST', url: base, headers: room.host.session.headers });
  const rid = started.json().id as string;
  const tid = (await first.inject({ method: 'POST', url: `${base}/${rid}/tracks`, headers: party.headers, payload: { kind: 'camera', mimeType: 'video/webm', offsetMs: 0 } })).json().id as string;
  for (let seq = 0; seq < 5; seq++) expect((await put(first, seq)).statusCode).toBe(200);
  await first.close();

  // A new process: same database, same directory, same sessions.
  const second = await open();
  const resent = await put(second, 4);
  expect(resent.json()).toMatchObject({ seq: 4, sha256: sha256(chunks[4]!) });
  for (let seq = 5; seq < chunks.length; seq++) expect((await put(second, seq)).statusCode).toBe(200);
  expect((await second.inject({ method: 'POST', url: `${base}/${rid}/stop`, headers: room.host.session.headers })).statusCode).toBe(200);
  expect((await second.inject({ method: 'POST', url: `${base}/${rid}/tracks/${tid}/finish`, headers: party.headers, payload: { chunks: chunks.length } })).statusCode).toBe(200);

  const done = await waitFor(async () => {
    const res = await second.inject({ method: 'GET', url: base, headers: room.host.session.headers });
    const rec = (res.json().items as TVideoRecording[]).find((r) => r.id === rid)!;
    return rec.status === 'ready' || rec.status === 'failed' ? rec : undefined;
  }, { timeoutMs: 60_000, everyMs: 100, what: 'the recording to be processed' });
  expect(done).toMatchObject({ status: 'ready', error: null });
  expect(done.tracks[0]).toMatchObject({ chunks: chunks.length, bytes: source.length });
  const media = await second.inject({ method: 'GET', url: `${base}/${rid}/tracks/${tid}/media`, headers: room.host.session.headers });
  expect(media.statusCode).toBe(200);
  expect(probeBuffer(media.rawPayload).packets).toEqual(probeBuffer(source).packets);
  expect(probeBuffer(media.rawPayload).durationMs).toBeGreaterThan(3800);
}, 120_000);
