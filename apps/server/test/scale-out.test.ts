// Two server processes' worth of apps, on two real ports, against one PostgreSQL behave as one
// platform: a session made on one works on the other, and signing out on one signs out on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { createOrganisations, createStaff, startTestApp, testConfig, TEST_PASSWORD, type TestContext } from './harness.ts';

let a: TestContext;
let b: FastifyInstance;
let urlA: string;
let urlB: string;

beforeAll(async () => {
  a = await startTestApp();
  b = await buildApp({ config: testConfig(), database: a.database, keyring: a.keyring });
  urlA = await a.app.listen({ port: 0, host: '127.0.0.1' });
  urlB = await b.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

describe('two instances, one database', () => {
  it('shares sessions and sign-out across instances over real HTTP', async () => {
    const orgs = await createOrganisations(a);
    const judge = await createStaff(a, 'judge', orgs.courtId);
    const login = await fetch(`${urlA}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: judge.username, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    const meOnB = await fetch(`${urlB}/api/v1/me`, { headers: { cookie } });
    expect(meOnB.status).toBe(200);
    expect(((await meOnB.json()) as { id: string }).id).toBe(judge.id);

    const out = await fetch(`${urlB}/api/v1/auth/logout-everywhere`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(200);
    expect((await fetch(`${urlA}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('locks an account out on every instance after failures spread across them', async () => {
    const orgs = await createOrganisations(a);
    const clerk = await createStaff(a, 'clerk', orgs.courtId);
    const attempt = (url: string, password: string) =>
      fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: clerk.username, password }) });
    for (const url of [urlA, urlB, urlA, urlB]) expect((await attempt(url, 'Wrong-pass-123')).status).toBe(401);
    expect((await attempt(urlB, 'Wrong-pass-123')).status).toBe(423);
    expect((await attempt(urlA, TEST_PASSWORD)).status).toBe(423);
  });
});
