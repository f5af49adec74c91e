// HTTP for files: a streamed multipart upload, metadata, and the decrypted content.
import multipart from '@fastify/multipart';
import { ZFileContentQuery, ZFileUploadFields, ZStoredFile } from '@opencourt/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../auth/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Db } from '../db/database.ts';
import { CommonErrors, runIdempotent } from '../http/index.ts';
import { FileErrors } from './blobs.errors.ts';
import type { FileService, ReceivedUpload } from './blobs.service.ts';
import { contentDisposition } from './filenames.ts';

export type FilesRoutesOptions = { db: Db; files: FileService; clock: Clock; maxBytes: number };

/** Reads the multipart body: the `file` part streams into the files service, text fields are collected. */
async function readUpload(request: FastifyRequest, files: FileService): Promise<{ upload: ReceivedUpload; fields: Record<string, string> }> {
  const fields: Record<string, string> = {};
  let upload: ReceivedUpload | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname === 'file' && !upload) {
        upload = await files.receive(part.file, { filename: part.filename, mediaType: part.mimetype });
      } else {
        part.file.resume();
        throw CommonErrors.VALIDATION_FAILED(undefined, { fields: [{ pointer: `/body/${part.fieldname}`, detail: '只能上传一个文件，字段名为 file' }] });
      }
    }
  } catch (err) {
    if (upload) await files.discard(upload);
    throw err;
  }
  if (!upload) throw FileErrors.FILE_PART_MISSING(undefined, { fields: [{ pointer: '/body/file', detail: '请选择要上传的文件' }] });
  return { upload, fields };
}

export async function filesRoutes(app: FastifyInstance, opts: FilesRoutesOptions) {
  await app.register(multipart, {
    limits: { fileSize: opts.maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6, headerPairs: 50 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['files'];

  r.post('/files', {
    schema: {
      tags,
      summary: '上传文件（multipart/form-data：file，可选 matterId）',
      consumes: ['multipart/form-data'],
      response: { 201: ZStoredFile },
    },
    config: { audit: { action: 'file.upload' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await opts.files.authorizeUpload(actor, undefined);
    const { upload, fields } = await readUpload(request, opts.files);
    let matterId: string | undefined;
    try {
      const parsed = ZFileUploadFields.safeParse(fields);
      if (!parsed.success) {
        throw CommonErrors.VALIDATION_FAILED(undefined, {
          fields: parsed.error.issues.map((i) => ({ pointer: `/body/${i.path.join('/') || (i.code === 'unrecognized_keys' ? i.keys.join(',') : '')}`, detail: i.message, code: i.code })),
        });
      }
      matterId = parsed.data.matterId;
      await opts.files.authorizeUpload(actor, matterId);
    } catch (err) {
      await opts.files.discard(upload);
      throw err;
    }
    // The idempotency fingerprint of a multipart request is what it uploads: same content, name and matter.
    request.body = { sha256: upload.sha256, filename: upload.filename, size: upload.size, matterId: matterId ?? null };
    const result = await opts.files.store(actor, upload, { matterId }, (work) =>
      runIdempotent(opts.db, request, actor.userId, 201, work, () => opts.clock.now()),
    );
    request.auditResource = { type: 'file', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.get('/files/:id', {
    schema: { tags, summary: '文件信息', params: z.object({ id: z.uuid() }), response: { 200: ZStoredFile } },
  }, async (request) => opts.files.getFile(requireActor(request), request.params.id));

  r.get('/files/:id/content', {
    schema: { tags, summary: '下载文件（解密后的原文）', params: z.object({ id: z.uuid() }), querystring: ZFileContentQuery },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const etag = `"${(await opts.files.getFile(actor, request.params.id)).sha256}"`;
    reply.header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-cache').header('etag', etag);
    if (request.headers['if-none-match']?.split(',').some((t) => t.trim() === etag)) return reply.code(304).send();
    const { file, content } = await opts.files.openContent(actor, request.params.id, request.log);
    return reply
      .header('content-type', file.mediaType.startsWith('text/') ? `${file.mediaType}; charset=utf-8` : file.mediaType)
      .header('content-length', String(file.size))
      .header('content-disposition', contentDisposition(file.filename, request.query.disposition))
      .send(content);
  });
}
