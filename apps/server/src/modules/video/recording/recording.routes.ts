// HTTP of recording and snapshots (see packages/contracts/src/video.ts): raw chunk uploads with their
// own body parser and size limit, Range playback, multipart snapshots.
import multipart from '@fastify/multipart';
import { ZVideoChunkAck, ZVideoRecording, ZVideoSnapshot, ZVideoTrack, ZVideoTrackCreate, ZVideoTrackFinish } from '@opencourt/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/auth/index.ts';
import { contentDisposition, type FileService, type ReceivedUpload } from '../../../platform/blobs/index.ts';
import type { Clock } from '../../../platform/clock/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, CommonErrors, runIdempotent } from '../../../platform/http/index.ts';
import type { RecordingService } from './recording.service.ts';
import type { SnapshotService } from './snapshots.service.ts';

export type RecordingRoutesOptions = {
  db: Db;
  clock: Clock;
  files: FileService;
  recordings: RecordingService;
  snapshots: SnapshotService;
  chunkMaxBytes: number;
  snapshotMaxBytes?: number;
};

/** What browsers send as MediaRecorder output (with or without codec parameters). */
const CHUNK_TYPES = /^(?:(?:video|audio)\/webm|application\/octet-stream)(?:\s*;.*)?$/i;

const ZRoomParams = z.object({ roomId: z.uuid() });
const ZRecordingParams = ZRoomParams.extend({ rid: z.uuid() });
const ZTrackParams = ZRecordingParams.extend({ tid: z.uuid() });
const ZChunkParams = ZTrackParams.extend({ seq: z.coerce.number().int().min(0).max(10_000_000) });
const ZSnapshotFields = z.strictObject({ participantId: z.uuid() });

/** Reads the multipart body: the `file` part streams into the files service, text fields are collected. */
async function readSnapshot(request: FastifyRequest, files: FileService): Promise<{ upload: ReceivedUpload; fields: Record<string, string> }> {
  const fields: Record<string, string> = {};
  let upload: ReceivedUpload | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') fields[part.fieldname] = String(part.value);
      else if (part.fieldname === 'file' && !upload) upload = await files.receive(part.file, { filename: part.filename, mediaType: part.mimetype });
      else {
        part.file.resume();
        throw CommonErrors.VALIDATION_FAILED(undefined, { fields: [{ pointer: `/body/${part.fieldname}`, detail: '只能上传一个文件，字段名为 file' }] });
      }
    }
  } catch (err) {
    if (upload) await files.discard(upload);
    throw err;
  }
  if (!upload) throw CommonErrors.VALIDATION_FAILED(undefined, { fields: [{ pointer: '/body/file', detail: '请选择截图文件' }] });
  const parsed = ZSnapshotFields.safeParse(fields);
  if (!parsed.success) {
    await files.discard(upload);
    throw CommonErrors.VALIDATION_FAILED(undefined, { fields: parsed.error.issues.map((i) => ({ pointer: `/body/${i.path.join('/') || 'participantId'}`, detail: i.message, code: i.code })) });
  }
  return { upload, fields: parsed.data };
}

export async function recordingRoutes(app: FastifyInstance, opts: RecordingRoutesOptions) {
  const { db, recordings, snapshots } = opts;
  // Raw chunk bodies, only in this plugin's routes, capped at the configured chunk size (413 beyond).
  app.addContentTypeParser(CHUNK_TYPES, { parseAs: 'buffer', bodyLimit: opts.chunkMaxBytes }, (_request, body, done) => done(null, body));
  await app.register(multipart, { limits: { fileSize: opts.snapshotMaxBytes ?? 10 * 1024 * 1024, files: 1, fields: 2, fieldSize: 100, parts: 3, headerPairs: 50 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['video-recording'];
  const base = '/video-rooms/:roomId/recordings';

  r.post(base, {
    schema: { tags, summary: '开始录像（主持人）', params: ZRoomParams, response: { 201: ZVideoRecording } },
    config: { audit: { action: 'video.recording.start' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await runIdempotent(db, request, actor.userId, 201, (tx) => recordings.startRecording(actor, request.params.roomId, tx), () => opts.clock.now());
    request.auditResource = { type: 'video_recording', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.post(`${base}/:rid/stop`, {
    schema: { tags, summary: '停止录像（主持人）', params: ZRecordingParams, response: { 200: ZVideoRecording } },
    config: { audit: { action: 'video.recording.stop', detail: (req) => ({ recordingId: (req.params as { rid: string }).rid }) } },
  }, async (request) => recordings.stopRecording(requireActor(request), request.params.roomId, request.params.rid));

  r.get(base, {
    schema: { tags, summary: '房间的录像', params: ZRoomParams, response: { 200: z.object({ items: z.array(ZVideoRecording) }) } },
  }, async (request) => recordings.listRecordings(requireActor(request), request.params.roomId));

  r.post(`${base}/:rid/tracks`, {
    schema: { tags, summary: '新建自己的录像轨道', params: ZRecordingParams, body: ZVideoTrackCreate, response: { 201: ZVideoTrack } },
    config: { audit: { action: 'video.track.create', detail: (req) => ({ recordingId: (req.params as { rid: string }).rid }) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { roomId, rid } = request.params;
    const result = await runIdempotent(db, request, actor.userId, 201, (tx) => recordings.createTrack(actor, roomId, rid, request.body, tx), () => opts.clock.now());
    request.auditResource = { type: 'video_track', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.put(`${base}/:rid/tracks/:tid/chunks/:seq`, {
    schema: {
      tags,
      summary: '上传录像分段（原始字节，x-content-sha256 为其 SHA-256）',
      consumes: ['video/webm', 'audio/webm', 'application/octet-stream'],
      params: ZChunkParams,
      response: { 200: ZVideoChunkAck },
    },
    config: {
      audit: { action: 'video.chunk.upload', detail: (req) => ({ trackId: (req.params as { tid: string }).tid, seq: Number((req.params as { seq: string }).seq), sha256: req.headers['x-content-sha256'] ?? null }) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    if (!Buffer.isBuffer(request.body)) throw CommonErrors.UNSUPPORTED_MEDIA_TYPE('录像分段须以 video/webm、audio/webm 或 application/octet-stream 上传');
    const header = request.headers['x-content-sha256'];
    const { roomId, rid, tid, seq } = request.params;
    return recordings.putChunk(actor, { roomId, recordingId: rid, trackId: tid, seq }, request.body, Array.isArray(header) ? header[0] : header);
  });

  r.post(`${base}/:rid/tracks/:tid/finish`, {
    schema: { tags, summary: '结束自己的录像轨道', params: ZTrackParams, body: ZVideoTrackFinish, response: { 200: ZVideoTrack } },
    config: { audit: { action: 'video.track.finish', detail: (req) => ({ trackId: (req.params as { tid: string }).tid }) } },
  }, async (request) => {
    const { roomId, rid, tid } = request.params;
    return recordings.finishTrack(requireActor(request), { roomId, recordingId: rid, trackId: tid }, request.body.chunks);
  });

  r.get(`${base}/:rid/tracks/:tid/media`, {
    schema: { tags, summary: '回放录像轨道（支持 Range）', params: ZTrackParams, querystring: z.object({ disposition: z.enum(['inline', 'attachment']).default('inline') }) },
  }, async (request, reply) => {
    const { roomId, rid, tid } = request.params;
    reply.header('accept-ranges', 'bytes').header('cache-control', 'private, no-cache').header('x-content-type-options', 'nosniff');
    try {
      const { file, range, content } = await recordings.openTrackMedia(requireActor(request), { roomId, recordingId: rid, trackId: tid }, request.headers.range, request.log);
      reply.header('content-type', file.mediaType).header('etag', `"${file.sha256}"`).header('content-disposition', contentDisposition(file.filename, request.query.disposition));
      if (!range) return reply.header('content-length', String(file.size)).send(content);
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
        .header('content-length', String(range.end - range.start + 1))
        .send(content);
    } catch (err) {
      if (err instanceof AppError && err.code === 'VIDEO_RANGE_NOT_SATISFIABLE') reply.header('content-range', `bytes */${err.extra?.size}`);
      throw err;
    }
  });

  r.post('/video-rooms/:roomId/snapshots', {
    schema: { tags, summary: '截取参与人画面（主持人；multipart：file 与 participantId）', consumes: ['multipart/form-data'], params: ZRoomParams, response: { 201: ZVideoSnapshot } },
    config: { audit: { action: 'video.snapshot.take' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { roomId } = request.params;
    await snapshots.authorize(actor, roomId);
    const { upload, fields } = await readSnapshot(request, opts.files);
    // The idempotency fingerprint of a multipart request is what it uploads.
    request.body = { sha256: upload.sha256, participantId: fields.participantId };
    const result = await snapshots.take(actor, roomId, fields.participantId!, upload, (work) => runIdempotent(db, request, actor.userId, 201, work, () => opts.clock.now()));
    request.auditResource = { type: 'video_snapshot', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.get('/video-rooms/:roomId/snapshots', {
    schema: { tags, summary: '房间的截图', params: ZRoomParams, response: { 200: z.object({ items: z.array(ZVideoSnapshot) }) } },
  }, async (request) => snapshots.list(requireActor(request), request.params.roomId));
}
