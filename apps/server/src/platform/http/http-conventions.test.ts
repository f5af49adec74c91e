// The HTTP conventions every route shares: problem+json for bad input, OpenAPI docs, health, metrics,
// request ids, and logs without secrets.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisations, createParty, createStaff, loginWithSms, startTestApp, TEST_PASSWORD, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let logs = '';

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (d: Buffer) => (logs += d.toString()));
  ctx = await startTestApp({ config: { LOG_LEVEL: 'info' }, deps: { logStream: stream } });
});
afterAll(() => ctx.close());

describe('bad input', () => {
  it('answers an oversized JSON body with 413 problem+json', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'a', password: 'x'.repeat(1_100_000) }) });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported content type with 415 problem+json', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<login/>' });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('gives problem titles in the language asked for', async () => {
    const en = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    const hk = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'accept-language': 'zh-HK' } });
    const cn = await ctx.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(en.json().title).toBe('Sign-in required');
    expect(hk.json().title).toBe('請先登入');
    expect(cn.json().title).toBe('请先登录');
  });

  it('gives field messages in the language asked for', async () => {
    const payload = { username: 5, password: 'x' };
    const en = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { cookie: 'oc_lang=en' }, payload });
    const hk = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'zh-HK' }, payload });
    const cn = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
    expect(en.json().errors[0].detail).toMatch(/^Invalid input: expected string/);
    expect(hk.json().errors[0].detail).toMatch(/無效|输入|輸入/);
    expect(cn.json().errors[0].detail).toMatch(/无效输入/);
  });
});

describe('operations endpoints', () => {
  it('serves OpenAPI 3.1 with the routes and a browsable page', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/matters/{id}', '/api/v1/audit']));
    expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    const page = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('reports health, readiness and Prometheus metrics', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
    const metrics = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
  });

  it('echoes a request id on every answer and in problems', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    expect(res.json().requestId).toBe('trace-abc-123');
  });
});

describe('logs', () => {
  it('carry request ids but never passwords, codes, cookies or CSRF tokens', async () => {
    const orgs = await createOrganisations(ctx);
    const clerk = await createStaff(ctx, 'clerk', orgs.courtId);
    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: clerk.username, password: TEST_PASSWORD } });
    const party = await createParty(ctx);
    const s = await loginWithSms(ctx, party.phone);
    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    await new Promise((r) => setTimeout(r, 50));
    expect(logs).toContain('"reqId"');
    expect(logs).not.toContain(TEST_PASSWORD);
    expect(logs).not.toContain(s.csrf);
    expect(logs).not.toContain(s.cookie.split('=')[1]!.split(';')[0]!);
    expect(logs).not.toContain(party.phone);
  });
});
