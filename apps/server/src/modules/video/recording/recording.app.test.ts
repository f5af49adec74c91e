// Recording over real HTTP on a real database: real WebM from ffmpeg cut into chunks at arbitrary
// byte boundaries, uploaded by two participants, processed by the queued job (ffprobe + remux with
// Debian's ffmpeg), stored as files of the matter with ledger receipts; Range playback and who may
// play; bad input refused, audited, and the recording left whole; snapshots; retention.
import fs from 'node:fs';
import path from 'node:path';
import { verifyReceipt } from '@opencourt/ledger';
import pg from 'pg';
import type { TLedgerKeys, TVideoChunkAck, TVideoRecording, TVideoTrack } from '@opencourt/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestContext } from '../../../../test/harness.ts';
import { waitFor } from '../../../../test/wait.ts';
import { multipartBody } from '../../../platform/blobs/multipart-body.ts';
import { SAMPLES } from '../../../platform/blobs/sample-files.ts';
import { RETENTION_JOB, SWEEP_JOB } from './recording.jobs.ts';
import { cutChunks, makeWebm, probeBuffer, setUpRoom, sha256, type RoomFixture } from './recording.test-support.ts';

const CHUNK_MAX = 256 * 1024;
let ctx: TestContext;
let room: RoomFixture;
/** The realtime fan-out as every server process hears it (NOTIFY), to see what the room is told. */
let listener: pg.Client;
const roomChanges: string[] = [];
let hostSource: Buffer;
let partySource: Buffer;

beforeAll(async () => {
  ctx = await startTestApp({
    config: { LEDGER_BATCH_INTERVAL_MS: '50', VIDEO_CHUNK_MAX_BYTES: String(CHUNK_MAX), VIDEO_FINALIZE_GRACE_SECONDS: '600' },
    deps: { jobs: { pollMs: 50, consumerPollMs: 50 } },
  });
  room = await setUpRoom(ctx);
  listener = new pg.Client({ connectionString: ctx.database.url });
  await listener.connect();
  listener.on('notification', (n) => {
    const { room: name, event } = JSON.parse(n.payload!) as { room: string; event: { type: string; change?: string } };
    if (name === `video:${room.roomId}` && event.type === 'video.room') roomChanges.push(event.change!);
  });
  await listener.query('listen oc_realtime');
  hostSource = makeWebm(4);
  partySource = makeWebm(3, { size: '160x120', bitrate: '150k' });
}, 60_000);
afterAll(async () => {
  await listener?.end();
  await ctx?.close();
});

const base = () => `/api/v1/video-rooms/${room.roomId}/recordings`;
const send = (s: Session, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method, url, headers: { ...s.headers, ...headers }, ...(payload ? { payload } : {}) });

function putChunk(s: Session, rid: string, tid: string, seq: number, bytes: Buffer, opts: { sha?: string | null; type?: string } = {}) {
  const headers: Record<string, string> = { ...s.headers, 'content-type': opts.type ?? 'video/webm;codecs=vp8,opus' };
  if (opts.sha !== null) headers['x-content-sha256'] = opts.sha ?? sha256(bytes);
  return ctx.app.inject({ method: 'PUT', url: `${base()}/${rid}/tracks/${tid}/chunks/${seq}`, headers, payload: bytes });
}

async function start(): Promise<TVideoRecording> {
  const res = await send(room.host.session, 'POST', base());
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function createTrack(s: Session, rid: string, kind: 'camera' | 'screen' = 'camera'): Promise<TVideoTrack> {
  const res = await send(s, 'POST', `${base()}/${rid}/tracks`, { kind, mimeType: 'video/webm;codecs=vp8,opus', offsetMs: 120 });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function uploadAll(s: Session, rid: string, tid: string, chunks: Buffer[]): Promise<TVideoChunkAck[]> {
  const acks: TVideoChunkAck[] = [];
  for (const [seq, chunk] of chunks.entries()) {
    const res = await putChunk(s, rid, tid, seq, chunk);
    expect(res.statusCode, res.body).toBe(200);
    acks.push(res.json());
  }
  return acks;
}

async function recording(rid: string): Promise<TVideoRecording> {
  const res = await send(room.host.session, 'GET', base());
  return (res.json().items as TVideoRecording[]).find((r) => r.id === rid)!;
}

const settled = (rid: string) =>
  waitFor(async () => {
    const r = await recording(rid);
    return r.status === 'ready' || r.status === 'failed' ? r : undefined;
  }, { timeoutMs: 60_000, everyMs: 100, what: `recording ${rid} to be processed` });

async function receiptOf(hex: string) {
  return waitFor(async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/ledger/receipts/${hex}` });
    return res.statusCode === 200 ? res.json() : undefined;
  }, { timeoutMs: 30_000, what: `a receipt for ${hex}` });
}

async function verify(hex: string) {
  const keys = (await ctx.app.inject({ method: 'GET', url: '/api/v1/ledger/keys' })).json() as TLedgerKeys;
  const trust = { logVerifierKey: keys.log.verifierKey, witnessVerifierKeys: keys.witnesses.map((w) => w.verifierKey), quorum: keys.quorum, origin: keys.origin };
  return verifyReceipt(await receiptOf(hex), { ...trust, leafData: Buffer.from(hex, 'hex') });
}

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code?: string) => {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (code) expect(res.json()).toMatchObject({ code, status });
};

let first: TVideoRecording;
let hostTrack: TVideoTrack;
let hostChunks: Buffer[];

describe('a recording', () => {
  it('takes chunks from each participant, processes them into stored files of the matter with receipts', async () => {
    first = await start();
    expect(first).toMatchObject({ status: 'recording', stoppedAt: null, tracks: [] });
    expectProblem(await send(room.host.session, 'POST', base()), 409, 'VIDEO_RECORDING_ACTIVE');
    // Everyone in the room sees that it is on.
    const seen = await send(room.parties[0]!.session, 'GET', base());
    expect(seen.json().items.map((r: TVideoRecording) => r.status)).toEqual(['recording']);

    hostTrack = await createTrack(room.host.session, first.id);
    const partyTrack = await createTrack(room.parties[0]!.session, first.id);
    hostChunks = cutChunks(hostSource, 7);
    const partyChunks = cutChunks(partySource, 5);
    const hostAcks = await uploadAll(room.host.session, first.id, hostTrack.id, hostChunks);
    expect(hostAcks.at(-1)).toMatchObject({ seq: hostChunks.length - 1, trackBytes: hostSource.length });
    const partyAcks = await uploadAll(room.parties[0]!.session, first.id, partyTrack.id, partyChunks.slice(0, 4));
    // A browser re-sends an acknowledged chunk after a drop: the same ack, nothing appended.
    const again = await putChunk(room.parties[0]!.session, first.id, partyTrack.id, 2, partyChunks[2]!);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(partyAcks[2]);
    expect((await putChunk(room.parties[0]!.session, first.id, partyTrack.id, 4, partyChunks[4]!)).statusCode).toBe(200);

    // The host stops; the browsers send their last chunk after the stop, then finish.
    const stopped = await send(room.host.session, 'POST', `${base()}/${first.id}/stop`);
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json()).toMatchObject({ status: 'recording', stoppedAt: expect.any(String) });
    for (const [s, t, n] of [[room.host.session, hostTrack, hostChunks.length], [room.parties[0]!.session, partyTrack, partyChunks.length]] as const) {
      const res = await send(s, 'POST', `${base()}/${first.id}/tracks/${t.id}/finish`, { chunks: n });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ finished: true, chunks: n });
    }

    const done = await settled(first.id);
    expect(done.error).toBeNull();
    expect(done).toMatchObject({ status: 'ready', retainUntil: null });
    const source = { [hostTrack.id]: hostSource, [partyTrack.id]: partySource };
    for (const track of done.tracks) {
      expect(track).toMatchObject({ finished: true, fileId: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), offsetMs: 120 });
      const media = await send(room.host.session, 'GET', `${base()}/${first.id}/tracks/${track.id}/media`);
      expect(media.statusCode).toBe(200);
      expect(media.headers['content-type']).toBe('video/webm');
      expect(media.headers['accept-ranges']).toBe('bytes');
      expect(sha256(media.rawPayload)).toBe(track.sha256);
      // Every chunk is in the remuxed file: as many packets as the source, and now a duration.
      const original = probeBuffer(source[track.id]!);
      const remuxed = probeBuffer(media.rawPayload);
      expect(Number.isNaN(original.durationMs)).toBe(true);
      expect(remuxed.format).toContain('webm');
      expect(remuxed.packets).toEqual(original.packets);
      expect(Math.abs(remuxed.durationMs - track.durationMs!)).toBeLessThanOrEqual(1);
      expect(track.durationMs).toBeGreaterThan(track.id === hostTrack.id ? 3800 : 2800);
      // A file of the matter, which the matter's staff can see.
      const file = await send(room.clerk, 'GET', `/api/v1/files/${track.fileId}`);
      expect(file.json()).toMatchObject({ matterId: room.matterId, sha256: track.sha256, mediaType: 'video/webm' });
      expect(await verify(track.sha256!)).toMatchObject({ ok: true });
    }
    // Each chunk became a ledger leaf as it arrived.
    for (const chunk of hostChunks) expect(await verify(sha256(chunk))).toMatchObject({ ok: true, leafChecked: 'data' });
    // Everyone in the room was told at each step.
    expect(roomChanges).toEqual(['recording.started', 'recording.stopped', 'recording.processing', 'recording.ready']);
    // The raw chunk files are gone once the tracks are stored.
    expect(fs.readdirSync(ctx.config.video.recordingsDir)).toEqual([]);
  }, 120_000);

  it('serves byte ranges of a processed track', async () => {
    const url = `${base()}/${first.id}/tracks/${hostTrack.id}/media`;
    const whole = (await send(room.host.session, 'GET', url)).rawPayload;
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=1000-', 1000, whole.length - 1],
      ['bytes=-50', whole.length - 50, whole.length - 1],
      [`bytes=20000-${whole.length + 500}`, 20000, whole.length - 1],
    ];
    for (const [range, from, to] of cases) {
      const res = await send(room.host.session, 'GET', url, undefined, { range });
      expect(res.statusCode, range).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes ${from}-${to}/${whole.length}`);
      expect(res.rawPayload.equals(whole.subarray(from, to + 1)), range).toBe(true);
    }
    const beyond = await send(room.host.session, 'GET', url, undefined, { range: `bytes=${whole.length}-` });
    expectProblem(beyond, 416, 'VIDEO_RANGE_NOT_SATISFIABLE');
    expect(beyond.headers['content-range']).toBe(`bytes */${whole.length}`);
  });

  it("plays back only to the matter's handling staff and the room's hosts", async () => {
    const url = `${base()}/${first.id}/tracks/${hostTrack.id}/media`;
    expect((await send(room.clerk, 'GET', url)).statusCode).toBe(200);
    expectProblem(await send(room.parties[0]!.session, 'GET', url), 403, 'VIDEO_NOT_HOST');
    expectProblem(await send(room.stranger, 'GET', url), 404, 'VIDEO_ROOM_NOT_FOUND');
    expectProblem(await send(room.stranger, 'GET', base()), 404, 'VIDEO_ROOM_NOT_FOUND');
  });
});

describe('bad input', () => {
  it('refuses wrong, out-of-order, duplicated, oversized and foreign chunks, audits them, and keeps the track whole', async () => {
    const rec = await start();
    const [p0, p1] = room.parties.map((p) => p.session) as [Session, Session];
    const track = await createTrack(p1, rec.id);
    const other = await createTrack(p0, rec.id, 'screen');
    const chunks = cutChunks(makeWebm(2), 3);

    expectProblem(await send(room.stranger, 'POST', `${base()}/${rec.id}/tracks`, { kind: 'camera', mimeType: 'video/webm', offsetMs: 0 }), 404, 'VIDEO_ROOM_NOT_FOUND');
    const badType = await send(p1, 'POST', `${base()}/${rec.id}/tracks`, { kind: 'camera', mimeType: 'video/mp4', offsetMs: 0 });
    expectProblem(badType, 400);
    expect(badType.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/body/mimeType');
    expectProblem(await send(p1, 'POST', `${base()}/${rec.id}/stop`), 403, 'VIDEO_NOT_HOST');

    const wrongHash = await putChunk(p1, rec.id, track.id, 0, chunks[0]!, { sha: sha256(chunks[1]!) });
    expectProblem(wrongHash, 400, 'VIDEO_CHUNK_HASH_MISMATCH');
    expect(wrongHash.json().errors[0].pointer).toBe('/headers/x-content-sha256');
    expectProblem(await putChunk(p1, rec.id, track.id, 0, chunks[0]!, { sha: null }), 400, 'VIDEO_CHUNK_HASH_MISMATCH');
    expectProblem(await putChunk(p1, rec.id, track.id, 1, chunks[1]!), 409, 'VIDEO_CHUNK_OUT_OF_ORDER');
    expect((await putChunk(p1, rec.id, track.id, 1, chunks[1]!)).json()).toMatchObject({ nextSeq: 0 });
    expectProblem(await putChunk(p1, rec.id, track.id, 0, Buffer.alloc(CHUNK_MAX + 1, 7)), 413);
    expectProblem(await putChunk(p1, rec.id, track.id, 0, Buffer.alloc(0)), 400, 'VIDEO_CHUNK_EMPTY');
    expectProblem(await putChunk(p1, rec.id, track.id, 0, chunks[0]!, { type: 'text/plain' }), 415);
    // Someone else's track is not one's own to write.
    expectProblem(await putChunk(p1, rec.id, other.id, 0, chunks[0]!), 404, 'VIDEO_TRACK_NOT_FOUND');
    expectProblem(await putChunk(room.stranger, rec.id, track.id, 0, chunks[0]!), 404, 'VIDEO_TRACK_NOT_FOUND');

    expect((await putChunk(p1, rec.id, track.id, 0, chunks[0]!)).statusCode).toBe(200);
    expectProblem(await putChunk(p1, rec.id, track.id, 0, chunks[1]!), 409, 'VIDEO_CHUNK_CONFLICT');
    expectProblem(await send(p1, 'POST', `${base()}/${rec.id}/tracks/${track.id}/finish`, { chunks: 3 }), 409, 'VIDEO_TRACK_INCOMPLETE');

    // What was refused left no trace in the track: one chunk, exactly its bytes on disk.
    const state = (await recording(rec.id)).tracks.find((t) => t.id === track.id)!;
    expect(state).toMatchObject({ chunks: 1, bytes: chunks[0]!.length, finished: false });
    const onDisk = fs.readFileSync(path.join(ctx.config.video.recordingsDir, `${track.id}.webm`));
    expect(onDisk.length).toBe(chunks[0]!.length);
    // Encrypted at rest: the WebM header (EBML magic) is not there in the clear.
    expect(chunks[0]!.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    expect(onDisk.subarray(0, 4).toString('hex')).not.toBe('1a45dfa3');

    // A finished track, then a processed recording, take no more.
    expect((await send(p1, 'POST', `${base()}/${rec.id}/tracks/${track.id}/finish`, { chunks: 1 })).statusCode).toBe(200);
    expectProblem(await putChunk(p1, rec.id, track.id, 1, chunks[1]!), 409, 'VIDEO_RECORDING_CLOSED');
    expect((await send(p0, 'POST', `${base()}/${rec.id}/tracks/${other.id}/finish`, { chunks: 0 })).statusCode).toBe(200);
    expect((await send(room.host.session, 'POST', `${base()}/${rec.id}/stop`)).statusCode).toBe(200);
    const done = await settled(rec.id);
    expect(done.status).toBe('ready');
    expectProblem(await putChunk(p0, rec.id, other.id, 0, chunks[0]!), 409, 'VIDEO_RECORDING_CLOSED');
    expectProblem(await send(p0, 'POST', `${base()}/${rec.id}/tracks`, { kind: 'camera', mimeType: 'video/webm', offsetMs: 0 }), 409, 'VIDEO_RECORDING_CLOSED');

    const { rows } = await ctx.database.pool.query(
      `select outcome, status_code as "statusCode" from audit_entry where action = 'video.chunk.upload' and actor_id = $1 and outcome <> 'success' order by id`,
      [room.parties[1]!.userId],
    );
    // Audit entries are written as each answer finishes, so their order may differ from the requests'.
    expect(rows.map((r) => r.statusCode).sort()).toEqual([400, 400, 400, 404, 409, 409, 409, 409, 413, 415]);

    // A participant the host removed uploads no more to its own track.
    const rec3 = await start();
    const mine = await createTrack(p0, rec3.id);
    await ctx.database.pool.query(`update video_participant set state = 'removed' where id = $1`, [room.parties[0]!.participantId]);
    expectProblem(await putChunk(p0, rec3.id, mine.id, 0, chunks[0]!), 403, 'VIDEO_NOT_ADMITTED');
    await ctx.database.pool.query(`update video_participant set state = 'admitted' where id = $1`, [room.parties[0]!.participantId]);
    expect((await putChunk(p0, rec3.id, mine.id, 0, chunks[0]!)).statusCode).toBe(200);
    expect((await send(p0, 'POST', `${base()}/${rec3.id}/tracks/${mine.id}/finish`, { chunks: 1 })).statusCode).toBe(200);
    expect((await send(room.host.session, 'POST', `${base()}/${rec3.id}/stop`)).statusCode).toBe(200);
    expect((await settled(rec3.id)).status).toBe('ready');
  }, 60_000);

  it('fails a recording whose track is not decodable WebM, with the reason, and stores nothing of it', async () => {
    const rec = await start();
    const track = await createTrack(room.parties[1]!.session, rec.id);
    const garbage = Buffer.from('this is not a WebM stream at all '.repeat(200));
    expect((await putChunk(room.parties[1]!.session, rec.id, track.id, 0, garbage)).statusCode).toBe(200);
    expect((await send(room.parties[1]!.session, 'POST', `${base()}/${rec.id}/tracks/${track.id}/finish`, { chunks: 1 })).statusCode).toBe(200);
    expect((await send(room.host.session, 'POST', `${base()}/${rec.id}/stop`)).statusCode).toBe(200);
    const done = await settled(rec.id);
    expect(done.status).toBe('failed');
    expect(done.error).toContain(track.id);
    expect(done.tracks[0]).toMatchObject({ fileId: null, sha256: null });
    expectProblem(await send(room.host.session, 'GET', `${base()}/${rec.id}/tracks/${track.id}/media`), 409, 'VIDEO_MEDIA_NOT_READY');
    // The chunk's receipt still proves what was uploaded.
    expect(await verify(sha256(garbage))).toMatchObject({ ok: true });
  }, 60_000);

  it('fails a track whose chunk file was changed on disk, naming the chunk', async () => {
    const rec = await start();
    const track = await createTrack(room.parties[1]!.session, rec.id);
    const chunks = cutChunks(makeWebm(2), 3);
    await uploadAll(room.parties[1]!.session, rec.id, track.id, chunks);
    const file = path.join(ctx.config.video.recordingsDir, `${track.id}.webm`);
    const bytes = fs.readFileSync(file);
    const at = chunks[0]!.length + 10; // inside chunk 1
    bytes[at] = bytes[at]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    expect((await send(room.parties[1]!.session, 'POST', `${base()}/${rec.id}/tracks/${track.id}/finish`, { chunks: 3 })).statusCode).toBe(200);
    expect((await send(room.host.session, 'POST', `${base()}/${rec.id}/stop`)).statusCode).toBe(200);
    const done = await settled(rec.id);
    expect(done.status).toBe('failed');
    expect(done.error).toContain(`chunk 1 on disk does not match its acknowledged SHA-256 ${sha256(chunks[1]!)}`);
    expect(done.tracks[0]!.fileId).toBeNull();
  }, 60_000);

  it('shows the recording in the room, and stops it in the transaction that ends the room', async () => {
    const rec = await start();
    const shown = await send(room.parties[0]!.session, 'GET', `/api/v1/video-rooms/${room.roomId}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json().recording).toMatchObject({ id: rec.id, status: 'recording', stoppedAt: null });
    const ended = await send(room.host.session, 'POST', `/api/v1/video-rooms/${room.roomId}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().recording).toMatchObject({ id: rec.id, stoppedAt: expect.any(String) });
    expect((await settled(rec.id)).status).toBe('ready');
    await ctx.database.pool.query(`update video_room set status = 'open', ended_at = null where id = $1`, [room.roomId]);
    await ctx.database.pool.query(`update video_participant set state = 'admitted' where room_id = $1`, [room.roomId]);
  }, 60_000);

  it('stops a recording whose room ended, and takes the last chunks during the grace period', async () => {
    const rec = await start();
    const track = await createTrack(room.parties[0]!.session, rec.id);
    const chunks = cutChunks(makeWebm(2), 2);
    expect((await putChunk(room.parties[0]!.session, rec.id, track.id, 0, chunks[0]!)).statusCode).toBe(200);
    await ctx.database.pool.query(`update video_room set status = 'ended', ended_at = now() where id = $1`, [room.roomId]);
    await ctx.app.platform.jobs.enqueue(ctx.database.db, SWEEP_JOB, {});
    const stopped = await waitFor(async () => (await recording(rec.id)).stoppedAt, { timeoutMs: 20_000, what: 'the sweep to stop the recording' });
    expect(stopped).toEqual(expect.any(String));
    expect((await putChunk(room.parties[0]!.session, rec.id, track.id, 1, chunks[1]!)).statusCode).toBe(200);
    expect((await send(room.parties[0]!.session, 'POST', `${base()}/${rec.id}/tracks/${track.id}/finish`, { chunks: 2 })).statusCode).toBe(200);
    expect((await settled(rec.id)).status).toBe('ready');
    expectProblem(await send(room.host.session, 'POST', base()), 409, 'VIDEO_ROOM_ENDED');
    await ctx.database.pool.query(`update video_room set status = 'open', ended_at = null where id = $1`, [room.roomId]);
  }, 60_000);
});

describe('snapshots', () => {
  const upload = (s: Session, content: Buffer, participantId: string, filename = 'still.png', key?: string) => {
    const body = multipartBody([{ name: 'participantId', value: participantId }, { name: 'file', filename, content }]);
    return ctx.app.inject({ method: 'POST', url: `/api/v1/video-rooms/${room.roomId}/snapshots`, headers: { ...s.headers, ...body.headers, ...(key ? { 'idempotency-key': key } : {}) }, payload: body.payload });
  };

  it('stores a host’s still of a participant as a file of the matter with a receipt, once per idempotency key', async () => {
    const res = await upload(room.host.session, SAMPLES.png, room.parties[0]!.participantId, 'still.png', 'snapshot-0001');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ participantId: room.parties[0]!.participantId, sha256: sha256(SAMPLES.png) });
    const replay = await upload(room.host.session, SAMPLES.png, room.parties[0]!.participantId, 'still.png', 'snapshot-0001');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(res.json());
    expect((await upload(room.host.session, SAMPLES.jpeg, room.parties[1]!.participantId, 'still.jpg')).statusCode).toBe(201);
    const list = await send(room.host.session, 'GET', `/api/v1/video-rooms/${room.roomId}/snapshots`);
    expect(list.json().items.map((s: { participantId: string }) => s.participantId)).toEqual([room.parties[0]!.participantId, room.parties[1]!.participantId]);
    expect((await send(room.clerk, 'GET', `/api/v1/files/${res.json().fileId}`)).json()).toMatchObject({ matterId: room.matterId });
    expect(await verify(sha256(SAMPLES.png))).toMatchObject({ ok: true });
  }, 60_000);

  it('refuses content that is not a PNG or JPEG, strangers and non-hosts, and unknown participants', async () => {
    expectProblem(await upload(room.host.session, SAMPLES.pdf, room.parties[0]!.participantId, 'still.png'), 415);
    expectProblem(await upload(room.host.session, SAMPLES.pdf, room.parties[0]!.participantId, 'still.pdf'), 415, 'VIDEO_SNAPSHOT_TYPE_REFUSED');
    expectProblem(await upload(room.parties[0]!.session, SAMPLES.png, room.parties[1]!.participantId), 403, 'VIDEO_NOT_HOST');
    expectProblem(await upload(room.stranger, SAMPLES.png, room.parties[1]!.participantId), 404, 'VIDEO_ROOM_NOT_FOUND');
    expectProblem(await upload(room.host.session, SAMPLES.png, '00000000-0000-4000-8000-000000000000'), 404, 'VIDEO_PARTICIPANT_NOT_FOUND');
    expectProblem(await send(room.parties[0]!.session, 'GET', `/api/v1/video-rooms/${room.roomId}/snapshots`), 403, 'VIDEO_NOT_HOST');
    expect((await send(room.host.session, 'GET', `/api/v1/video-rooms/${room.roomId}/snapshots`)).json().items).toHaveLength(2);
  });
});

describe('retention', () => {
  it("deletes a recording's media once its retention ends, and keeps its receipts", async () => {
    await ctx.database.pool.query(`update video_recording set retain_until = now() - interval '1 minute' where id = $1`, [first.id]);
    await ctx.app.platform.jobs.enqueue(ctx.database.db, RETENTION_JOB, {});
    await waitFor(async () => (await ctx.database.pool.query(`select 1 from video_recording where id = $1 and media_deleted_at is not null`, [first.id])).rowCount, { timeoutMs: 20_000, what: 'retention to run' });
    expectProblem(await send(room.host.session, 'GET', `${base()}/${first.id}/tracks/${hostTrack.id}/media`), 410, 'VIDEO_MEDIA_DELETED');
    const track = (await recording(first.id)).tracks.find((t) => t.id === hostTrack.id)!;
    expect((await send(room.clerk, 'GET', `/api/v1/files/${track.fileId}`)).statusCode).toBe(404);
    expect(await verify(track.sha256!)).toMatchObject({ ok: true });
    expect(await verify(sha256(hostChunks[0]!))).toMatchObject({ ok: true });
  }, 60_000);
});


describe('the API', () => {
  it('starts a recording once per Idempotency-Key (a retried start is answered again, not refused)', async () => {
    const key = { 'idempotency-key': 'start-recording-0001' };
    const first = await send(room.host.session, 'POST', base(), undefined, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await send(room.host.session, 'POST', base(), undefined, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect((await send(room.host.session, 'POST', `${base()}/${first.json().id}/stop`)).statusCode).toBe(200);
    expect((await settled(first.json().id)).status).toBe('ready');
  }, 60_000);

  it('documents its routes in the OpenAPI description', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const prefix = '/api/v1/video-rooms/{roomId}';
    expect(Object.keys(doc.paths[`${prefix}/recordings`]!).sort()).toEqual(['get', 'post']);
    for (const p of ['recordings/{rid}/stop', 'recordings/{rid}/tracks', 'recordings/{rid}/tracks/{tid}/chunks/{seq}', 'recordings/{rid}/tracks/{tid}/finish', 'recordings/{rid}/tracks/{tid}/media', 'snapshots']) {
      expect(Object.keys(doc.paths), p).toContain(`${prefix}/${p}`);
    }
  });
});
