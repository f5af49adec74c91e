// Files end to end on the S3 driver, against a real S3-compatible server (s3rver) on loopback.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParty, loginWithSms, startTestApp, type Session, type TestContext } from '../../../test/harness.ts';
import { storageKeyOf } from './drivers/index.ts';
import { multipartBody } from './multipart-body.ts';
import { startTestS3, type TestS3 } from './s3-test-server.ts';

let s3: TestS3;
let ctx: TestContext;
let party: Session;

beforeAll(async () => {
  s3 = await startTestS3();
  ctx = await startTestApp({ config: s3.env });
  party = await loginWithSms(ctx, (await createParty(ctx)).phone);
});
afterAll(async () => {
  await ctx.close();
  await s3.stop();
});

async function upload(filename: string, content: Buffer) {
  const body = multipartBody([{ name: 'file', filename, content }]);
  return ctx.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...party.headers, ...body.headers }, payload: body.payload });
}

describe('files on S3', () => {
  const plaintext = Buffer.from('执行和解协议：被执行人于2026年12月31日前付清。\n'.repeat(500), 'utf8');

  it('round-trips a file through the object store, encrypted there, nothing on local disk', async () => {
    expect(ctx.config.blobs.driver).toBe('s3');
    const res = await upload('和解协议.txt', plaintext);
    expect(res.statusCode).toBe(201);
    const { id, sha256 } = res.json();
    const stored = fs.readFileSync(s3.objectPath(storageKeyOf(sha256)));
    expect(stored.length).toBe(plaintext.length);
    expect(stored.includes(Buffer.from('执行和解协议', 'utf8'))).toBe(false);
    expect(fs.readdirSync(ctx.config.blobs.dir).filter((f) => f !== '.incoming')).toEqual([]);
    expect(fs.readdirSync(`${ctx.config.blobs.dir}/.incoming`)).toEqual([]);

    const content = await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${id}/content`, headers: party.headers });
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(plaintext)).toBe(true);
  });

  it('stores identical content once', async () => {
    const again = await upload('副本.txt', plaintext);
    expect(again.statusCode).toBe(201);
    const { rows } = await ctx.database.pool.query('select count(*)::int as n from blob where sha256 = $1', [again.json().sha256]);
    expect(rows[0].n).toBe(1);
  });

  it('detects an object changed in the store', async () => {
    const { id, sha256 } = (await upload('tamper.txt', Buffer.from('原始内容 original content'))).json();
    const file = s3.objectPath(storageKeyOf(sha256));
    const bytes = fs.readFileSync(file);
    bytes[0] = bytes[0]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${id}/content`, headers: party.headers });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('FILE_INTEGRITY_FAILED');
    expect(res.body).not.toContain('original');
  });
});
