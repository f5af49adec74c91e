// Without ffmpeg a recording fails with a reason that says what to install, instead of hanging.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TVideoRecording } from '@opencourt/contracts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { waitFor } from '../../../../test/wait.ts';
import { cutChunks, makeWebm, setUpRoom, sha256 } from './recording.test-support.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ config: { FFMPEG_DIR: '/nonexistent/ffmpeg-dir' }, deps: { jobs: { pollMs: 50, consumerPollMs: 50 } } });
});
afterAll(async () => {
  await ctx?.close();
});

it('fails clearly when ffmpeg is not installed, and keeps the acknowledged chunks', async () => {
  const room = await setUpRoom(ctx);
  const base = `/api/v1/video-rooms/${room.roomId}/recordings`;
  const party = room.parties[0]!.session;
  const rid = (await ctx.app.inject({ method: 'POST', url: base, headers: room.host.session.headers })).json().id as string;
  const tid = (await ctx.app.inject({ method: 'POST', url: `${base}/${rid}/tracks`, headers: party.headers, payload: { kind: 'camera', mimeType: 'video/webm', offsetMs: 0 } })).json().id as string;
  const [chunk] = cutChunks(makeWebm(1), 1);
  const put = await ctx.app.inject({ method: 'PUT', url: `${base}/${rid}/tracks/${tid}/chunks/0`, headers: { ...party.headers, 'content-type': 'video/webm', 'x-content-sha256': sha256(chunk!) }, payload: chunk! });
  expect(put.statusCode).toBe(200);
  await ctx.app.inject({ method: 'POST', url: `${base}/${rid}/tracks/${tid}/finish`, headers: party.headers, payload: { chunks: 1 } });
  await ctx.app.inject({ method: 'POST', url: `${base}/${rid}/stop`, headers: room.host.session.headers });
  const done = await waitFor(async () => {
    const items = (await ctx.app.inject({ method: 'GET', url: base, headers: room.host.session.headers })).json().items as TVideoRecording[];
    return items[0]!.status === 'failed' ? items[0] : undefined;
  }, { timeoutMs: 30_000, what: 'the recording to fail' });
  expect(done.error).toBe('/nonexistent/ffmpeg-dir/ffmpeg is not installed (apt-get install ffmpeg)');
  expect(done.tracks[0]).toMatchObject({ chunks: 1, fileId: null });
});
