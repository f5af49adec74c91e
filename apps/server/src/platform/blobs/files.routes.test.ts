import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisations,
  createParty,
  createStaff,
  loginWithPassword,
  loginWithSms,
  manualClock,
  startTestApp,
  type Fixture,
  type Session,
  type TestContext,
} from '../../../test/harness.ts';
import { multipartBody, type FormPart } from './multipart-body.ts';
import { REFUSED, SAMPLES } from './sample-files.ts';
import { storageKeyOf } from './drivers/index.ts';

const MAX_BYTES = 64 * 1024;
const clock = manualClock();
const logLines: string[] = [];
const logStream = new PassThrough();
logStream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));

let ctx: TestContext;
let orgs: Fixture;
let alice: Session & { id: string };
let bob: Session & { id: string };
let clerk: Session;
let mediator: Session & { id: string };
let aliceMatterId: string;

async function upload(session: Session, parts: FormPart[], headers: Record<string, string> = {}) {
  const body = multipartBody(parts);
  return ctx.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...session.headers, ...body.headers, ...headers }, payload: body.payload });
}

const filePart = (filename: string, content: Buffer, contentType?: string): FormPart => ({ name: 'file', filename, content, contentType });

async function count(table: 'blob' | 'stored_file' | 'domain_event'): Promise<number> {
  const { rows } = await ctx.database.pool.query(`select count(*)::int as n from ${table}`);
  return rows[0].n;
}

/** Every stored blob file under the blob directory, and what is left in the upload area. */
function blobFiles(): { stored: string[]; incoming: string[] } {
  const dir = ctx.config.blobs.dir;
  const all = fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : [];
  return { stored: all.filter((f) => !f.startsWith('.incoming')), incoming: all.filter((f) => f.startsWith('.incoming')) };
}

beforeAll(async () => {
  ctx = await startTestApp({ config: { UPLOAD_MAX_BYTES: String(MAX_BYTES), LOG_LEVEL: 'error' }, deps: { clock, logStream } });
  orgs = await createOrganisations(ctx);
  const a = await createParty(ctx);
  const b = await createParty(ctx);
  alice = { ...(await loginWithSms(ctx, a.phone)), id: a.id };
  clock.advance(61_000);
  bob = { ...(await loginWithSms(ctx, b.phone)), id: b.id };
  clerk = await loginWithPassword(ctx, (await createStaff(ctx, 'clerk', orgs.courtId)).username);
  const m = await createStaff(ctx, 'mediator', orgs.mediationOrgId);
  mediator = { ...(await loginWithPassword(ctx, m.username)), id: m.id };
  const matter = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/matters',
    headers: alice.headers,
    payload: { title: '李某与王某借款纠纷', courtId: orgs.courtId, participants: [{ userId: m.id, role: 'mediator' }] },
  });
  expect(matter.statusCode).toBe(201);
  aliceMatterId = matter.json().id;
});
afterAll(() => ctx.close());

describe('upload and download', () => {
  it('stores a file and gives back the identical bytes with safe headers', async () => {
    const res = await upload(alice, [filePart('起诉状（草稿）.pdf', SAMPLES.pdf, 'application/pdf')]);
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({ filename: '起诉状（草稿）.pdf', mediaType: 'application/pdf', size: SAMPLES.pdf.length, matterId: null });
    expect(file.sha256).toBe(createHash('sha256').update(SAMPLES.pdf).digest('hex'));

    const meta = await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${file.id}`, headers: alice.headers });
    expect(meta.json()).toEqual(file);

    const content = await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${file.id}/content`, headers: alice.headers });
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(SAMPLES.pdf)).toBe(true);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-length']).toBe(String(SAMPLES.pdf.length));
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['etag']).toBe(`"${file.sha256}"`);
    expect(content.headers['content-disposition']).toBe(`inline; filename="_______.pdf"; filename*=UTF-8''${encodeURIComponent('起诉状（草稿）')}.pdf`);

    const asAttachment = await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${file.id}/content?disposition=attachment`, headers: alice.headers });
    expect(asAttachment.headers['content-disposition']).toMatch(/^attachment; /);
    const unchanged = await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${file.id}/content`, headers: { ...alice.headers, 'if-none-match': `"${file.sha256}"` } });
    expect(unchanged.statusCode).toBe(304);
  });

  it('appends a file.stored event and an audit entry with the upload', async () => {
    const res = await upload(alice, [filePart('photo.png', SAMPLES.png)]);
    const file = res.json();
    const { rows: events } = await ctx.database.pool.query(`select type, aggregate_id, actor_id, payload from domain_event where aggregate_id = $1`, [file.id]);
    expect(events).toEqual([
      { type: 'file.stored', aggregate_id: file.id, actor_id: alice.id, payload: { fileId: file.id, sha256: file.sha256, size: SAMPLES.png.length, mediaType: 'image/png' } },
    ]);
    await expect.poll(async () => (await ctx.database.pool.query(`select action, outcome from audit_entry where resource_id = $1`, [file.id])).rows).toEqual([
      { action: 'file.upload', outcome: 'success' },
    ]);
  });

  it('encrypts at rest: the stored bytes are not the plaintext and do not contain it', async () => {
    const plaintext = Buffer.from('调解笔录：当事人确认欠款金额为人民币伍万元整。\n'.repeat(200), 'utf8');
    const res = await upload(alice, [filePart('笔录.txt', plaintext)]);
    expect(res.statusCode).toBe(201);
    const { sha256 } = res.json();
    const stored = fs.readFileSync(path.join(ctx.config.blobs.dir, storageKeyOf(sha256)));
    expect(stored.length).toBe(plaintext.length);
    expect(stored.equals(plaintext)).toBe(false);
    expect(stored.includes(Buffer.from('调解笔录', 'utf8'))).toBe(false);
    expect(stored.includes(plaintext.subarray(0, 32))).toBe(false);
    const { rows } = await ctx.database.pool.query(`select wrapped_key, iv, auth_tag from blob where sha256 = $1`, [sha256]);
    expect(rows[0].iv).toHaveLength(12);
    expect(rows[0].auth_tag).toHaveLength(16);
    expect(rows[0].wrapped_key.length).toBeGreaterThan(32); // sealed, not the raw 32-byte key
    const text = await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${res.json().id}/content`, headers: alice.headers });
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.rawPayload.equals(plaintext)).toBe(true);
  });

  it('stores identical content once, whoever uploads it and under whatever name', async () => {
    const content = Buffer.concat([SAMPLES.jpeg, Buffer.from('dedupe-test')]);
    const blobsBefore = await count('blob');
    const storedBefore = blobFiles().stored.length;
    const first = await upload(alice, [filePart('a.jpg', content)]);
    const second = await upload(bob, [filePart('b.jpeg', content)]);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).not.toBe(first.json().id);
    expect(second.json().sha256).toBe(first.json().sha256);
    expect(await count('blob')).toBe(blobsBefore + 1);
    expect(blobFiles().stored.length).toBe(storedBefore + 1);
    const forBob = await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${second.json().id}/content`, headers: bob.headers });
    expect(forBob.rawPayload.equals(content)).toBe(true);
  });

  it('accepts every allowed kind, sniffed by content', async () => {
    const named: [keyof typeof SAMPLES, string, string][] = [
      ['docx', '调解协议.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['xlsx', '还款计划.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['gif', 'x.gif', 'image/gif'],
      ['webp', 'x.webp', 'image/webp'],
      ['webm', '庭审录像.webm', 'video/webm'],
      ['mp4', 'x.mp4', 'video/mp4'],
      ['ogg', 'x.ogg', 'audio/ogg'],
      ['wav', 'x.wav', 'audio/wav'],
      ['mp3', 'x.mp3', 'audio/mpeg'],
      ['matroska', 'x.mkv', 'video/x-matroska'],
    ];
    for (const [sample, filename, mediaType] of named) {
      const res = await upload(alice, [filePart(filename, SAMPLES[sample], 'application/octet-stream')]);
      expect(res.statusCode, sample).toBe(201);
      expect(res.json().mediaType).toBe(mediaType);
    }
  });
});

describe('refusals that leave nothing behind', () => {
  it('answers 413 to an oversized upload and keeps no temporary file, blob or row', async () => {
    const before = { blob: await count('blob'), stored_file: await count('stored_file'), domain_event: await count('domain_event'), files: blobFiles().stored.length };
    const res = await upload(alice, [filePart('big.txt', Buffer.alloc(MAX_BYTES + 1, 'a'))]);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().status).toBe(413);
    expect({ blob: await count('blob'), stored_file: await count('stored_file'), domain_event: await count('domain_event'), files: blobFiles().stored.length }).toEqual(before);
    expect(blobFiles().incoming).toEqual([]);
    // Exactly the limit is fine.
    expect((await upload(alice, [filePart('limit.txt', Buffer.alloc(MAX_BYTES, 'b'))])).statusCode).toBe(201);
  });

  it('answers 413 over a real connection while the client is still sending', async () => {
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(4 * 1024 * 1024, 'c')]), 'huge.txt');
    const res = await fetch(`${address}/api/v1/files`, { method: 'POST', headers: alice.headers, body: form });
    expect(res.status).toBe(413);
    expect((await res.json()).status).toBe(413);
    expect(blobFiles().incoming).toEqual([]);
  });

  it.each([
    ['an ELF program named .pdf', 'contract.pdf', REFUSED.elf, 'application/pdf', /可执行程序/],
    ['a Windows program named .docx', 'evidence.docx', REFUSED.exe, undefined, /可执行程序/],
    ['an HTML page named .pdf', 'judgment.pdf', REFUSED.html, 'application/pdf', /网页/],
    ['a PNG claiming to be a PDF', 'receipt.pdf', SAMPLES.png, 'application/pdf', /扩展名（\.pdf）不符：实际为PNG 图片/],
    ['a PDF declared as an image', 'scan', SAMPLES.pdf, 'image/png', /声明的类型/],
    ['a plain ZIP archive', 'bundle.zip', REFUSED.zip, 'application/zip', /压缩包/],
  ])('refuses %s with 415 and a clear message', async (_label, filename, content, contentType, message) => {
    const before = { blob: await count('blob'), stored_file: await count('stored_file') };
    const res = await upload(alice, [filePart(filename, content, contentType)]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'FILE_TYPE_REFUSED', title: '不接受此类文件' });
    expect(res.json().detail).toMatch(message);
    expect({ blob: await count('blob'), stored_file: await count('stored_file') }).toEqual(before);
    expect(blobFiles().incoming).toEqual([]);
  });

  it('needs a file part, a known field set and a signed-in user allowed to upload', async () => {
    const noFile = await upload(alice, [{ name: 'matterId', value: aliceMatterId }]);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().code).toBe('FILE_PART_MISSING');
    const extra = await upload(alice, [filePart('a.txt', SAMPLES.text), { name: 'owner', value: 'x' }]);
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toBe('VALIDATION_FAILED');
    const anonymous = multipartBody([filePart('a.txt', SAMPLES.text)]);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/files', headers: anonymous.headers, payload: anonymous.payload })).statusCode).toBe(401);
    const analyst = await loginWithPassword(ctx, (await createStaff(ctx, 'analyst', orgs.courtId)).username);
    expect((await upload(analyst, [filePart('a.txt', SAMPLES.text)])).statusCode).toBe(403);
    expect(blobFiles().incoming).toEqual([]);
  });
});

describe('matters and access', () => {
  it('uploads to a matter the uploader takes part in', async () => {
    const res = await upload(alice, [{ name: 'matterId', value: aliceMatterId }, filePart('借条.jpg', SAMPLES.jpeg)]);
    expect(res.statusCode).toBe(201);
    expect(res.json().matterId).toBe(aliceMatterId);
  });

  it('answers 404 for an unknown matter and for someone else’s matter, storing nothing', async () => {
    const before = await count('stored_file');
    const unknown = await upload(alice, [filePart('x.txt', SAMPLES.text), { name: 'matterId', value: '00000000-0000-4000-8000-000000000000' }]);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('FILE_MATTER_NOT_FOUND');
    const notHis = await upload(bob, [{ name: 'matterId', value: aliceMatterId }, filePart('x.txt', SAMPLES.text)]);
    expect(notHis.statusCode).toBe(404);
    expect(notHis.json().code).toBe('FILE_MATTER_NOT_FOUND');
    const malformed = await upload(bob, [{ name: 'matterId', value: 'not-a-uuid' }, filePart('x.txt', SAMPLES.text)]);
    expect(malformed.statusCode).toBe(400);
    expect(await count('stored_file')).toBe(before);
    expect(blobFiles().incoming).toEqual([]);
  });

  it('lets the matter’s people and court staff read its files, and nobody else', async () => {
    const res = await upload(alice, [{ name: 'matterId', value: aliceMatterId }, filePart('证据.pdf', SAMPLES.pdf)]);
    const id = res.json().id;
    for (const [who, session, status] of [
      ['uploader', alice, 200],
      ['the matter’s mediator', mediator, 200],
      ['a clerk of the court', clerk, 200],
      ['another party', bob, 404],
    ] as const) {
      const meta = await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${id}`, headers: session.headers });
      const content = await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${id}/content`, headers: session.headers });
      expect([meta.statusCode, content.statusCode], who).toEqual([status, status]);
      if (status === 404) expect(content.body).not.toContain('%PDF');
    }
  });

  it('lets only the uploader read a file that belongs to no matter', async () => {
    const id = (await upload(alice, [filePart('私人.txt', SAMPLES.text)])).json().id;
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${id}/content`, headers: alice.headers })).statusCode).toBe(200);
    for (const session of [bob, clerk, mediator]) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${id}/content`, headers: session.headers });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('FILE_NOT_FOUND');
    }
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/files/00000000-0000-4000-8000-000000000000`, headers: alice.headers })).statusCode).toBe(404);
  });
});

describe('idempotency', () => {
  it('replays the first answer for the same Idempotency-Key and content, without a second file', async () => {
    const content = Buffer.concat([SAMPLES.png, Buffer.from('idempotent')]);
    const before = await count('stored_file');
    const first = await upload(alice, [filePart('retry.png', content)], { 'idempotency-key': 'upload-retry-0001' });
    const again = await upload(alice, [filePart('retry.png', content)], { 'idempotency-key': 'upload-retry-0001' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count('stored_file')).toBe(before + 1);
    const other = await upload(alice, [filePart('other.png', SAMPLES.png)], { 'idempotency-key': 'upload-retry-0001' });
    expect(other.statusCode).toBe(422);
    expect(await count('stored_file')).toBe(before + 1);
    expect(blobFiles().incoming).toEqual([]);
  });
});

describe('API description', () => {
  it('documents the file routes in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/files', '/api/v1/files/{id}', '/api/v1/files/{id}/content']));
    expect(doc.paths['/api/v1/files'].post.responses['201']).toBeDefined();
  });
});

describe('integrity', () => {
  it('detects tampered ciphertext on download: 500 problem, no content, logged', async () => {
    const secret = Buffer.from('机密证据内容：账号 6222 0000 1111 2222\n'.repeat(50), 'utf8');
    const file = (await upload(alice, [filePart('机密.txt', secret)])).json();
    const stored = path.join(ctx.config.blobs.dir, storageKeyOf(file.sha256));
    const bytes = fs.readFileSync(stored);
    bytes[100] = bytes[100]! ^ 0x01;
    fs.writeFileSync(stored, bytes);

    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${file.id}/content`, headers: alice.headers });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'FILE_INTEGRITY_FAILED', status: 500 });
    expect(res.body).not.toContain('机密');
    expect(res.body).not.toContain('6222');
    const logged = logLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'stored file failed its integrity check' && l.fileId === file.id);
    expect(logged).toMatchObject({ level: 50, sha256: file.sha256, stage: 'verify' });
    expect(JSON.stringify(logged)).not.toContain('6222');
  });

  it('reports a blob missing from storage as an integrity failure', async () => {
    const file = (await upload(alice, [filePart('gone.txt', Buffer.from('will vanish'))])).json();
    fs.rmSync(path.join(ctx.config.blobs.dir, storageKeyOf(file.sha256)));
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${file.id}/content`, headers: alice.headers });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('FILE_INTEGRITY_FAILED');
    expect(logLines.some((l) => l.includes(file.id) && l.includes('"stage":"missing"'))).toBe(true);
  });

  it('records exactly one stored file per successful upload in the events', async () => {
    const { rows } = await ctx.database.pool.query(`select count(*)::int as n from domain_event where type = 'file.stored'`);
    expect(rows[0].n).toBe(await count('stored_file'));
  });
});
