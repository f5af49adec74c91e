// Two server processes' worth of apps, on two real ports, against one PostgreSQL behave as one
// platform: a session made on one works on the other, and signing out on one signs out on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { sql } from 'drizzle-orm';
import { createOrganisations, createParty, createStaff, loginWithPassword, loginWithSms, startTestApp, testConfig, TEST_PASSWORD, type TestContext } from './harness.ts';
import { waitFor } from './wait.ts';

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

    // A now serves the session from its cache…
    expect((await fetch(`${urlA}/api/v1/me`, { headers: { cookie } })).status).toBe(200);
    const out = await fetch(`${urlB}/api/v1/auth/logout-everywhere`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(200);
    // …and hears of the sign-out from the database within milliseconds.
    await waitFor(async () => (await fetch(`${urlA}/api/v1/me`, { headers: { cookie } })).status === 401, { timeoutMs: 2000, what: 'sign-out to reach A' });
  });

  it('stops serving a cached matter on one instance when another changes who may see it', async () => {
    const orgs = await createOrganisations(a);
    const party = await createParty(a);
    const clerk = await createStaff(a, 'clerk', orgs.courtId);
    const clerkSession = await loginWithPassword(a, clerk.username);
    const created = await a.app.inject({
      method: 'POST',
      url: '/api/v1/matters',
      headers: clerkSession.headers,
      payload: { title: '缓存失效测试纠纷', courtId: orgs.courtId, participants: [{ userId: party.id, role: 'party' }] },
    });
    const matterId = created.json().id as string;
    const partySession = await loginWithSms(a, party.phone);
    const read = (url: string) => fetch(`${url}/api/v1/matters/${matterId}`, { headers: { cookie: partySession.cookie } });
    expect((await read(urlA)).status).toBe(200);
    expect((await read(urlA)).status).toBe(200); // now from A's cache
    // Another process (or any SQL) removes the party from the matter.
    await a.database.db.execute(sql`delete from matter_participant where matter_id = ${matterId} and user_id = ${party.id}`);
    await waitFor(async () => (await read(urlA)).status === 404, { timeoutMs: 2000, what: 'A to drop its cached matter' });
    expect((await read(urlB)).status).toBe(404);
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
