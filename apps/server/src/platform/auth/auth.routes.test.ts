import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from './index.ts';
import {
  createOrganisations,
  createParty,
  createStaff,
  lastSmsCode,
  loginWithPassword,
  loginWithSms,
  manualClock,
  startTestApp,
  TEST_PASSWORD,
  type Fixture,
  type TestContext,
} from '../../../test/harness.ts';

let ctx: TestContext;
let orgs: Fixture;
const clock = manualClock();

beforeAll(async () => {
  ctx = await startTestApp({ deps: { clock } });
  orgs = await createOrganisations(ctx);
});
afterAll(() => ctx.close());

describe('password sign-in', () => {
  it('signs in staff, sets an HttpOnly session cookie and a CSRF token', async () => {
    const judge = await createStaff(ctx, 'judge', orgs.courtId);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: judge.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookies = res.headers['set-cookie'] as string[];
    const session = cookies.find((c) => c.startsWith('oc_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(res.json()).toMatchObject({ stage: 'full' });
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.split(';')[0]! } });
    expect(me.json()).toMatchObject({ displayName: '测试judge', roles: ['judge'], organisation: { id: orgs.courtId } });
  });

  it('refuses a wrong password with the same answer as an unknown user', async () => {
    const clerk = await createStaff(ctx, 'clerk', orgs.courtId);
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: clerk.username, password: 'nope-nope-1' } });
    const unknown = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody-here', password: 'nope-nope-1' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(unknown.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('locks the account after five failures, even for the right password, until the lock expires', async () => {
    const mediator = await createStaff(ctx, 'mediator', orgs.mediationOrgId);
    for (let i = 0; i < 4; i++) {
      const r = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: mediator.username, password: 'wrong-pass-1' } });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: mediator.username, password: 'wrong-pass-1' } });
    expect(fifth.statusCode).toBe(423);
    const right = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: mediator.username, password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(423);
    clock.advance(16 * 60_000);
    const later = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: mediator.username, password: TEST_PASSWORD } });
    expect(later.statusCode).toBe(200);
  });

  it('rejects malformed JSON, wrong types and unknown fields with field-level problems', async () => {
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('MALFORMED_REQUEST');
    const typed = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 5, password: 'x', admin: true } });
    expect(typed.statusCode).toBe(400);
    const pointers = typed.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toContain('/body/username');
    expect(pointers).toContain('/body');
    const long = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x'.repeat(65), password: 'y' } });
    expect(long.json().errors[0].pointer).toBe('/body/username');
  });
});

describe('TOTP second factor', () => {
  it('enrols, then requires the code at sign-in and refuses a replayed code', async () => {
    const admin = await createStaff(ctx, 'sys_admin', orgs.courtId);
    const s = await loginWithPassword(ctx, admin.username);
    const start = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrolment', headers: s.headers });
    expect(start.statusCode).toBe(200);
    const { secret, qrDataUrl } = start.json();
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const confirm = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers: s.headers, payload: { code: totpCodeAt(secret, clock.now()) } });
    expect(confirm.statusCode).toBe(204);

    clock.advance(60_000);
    const login = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: admin.username, password: TEST_PASSWORD } });
    expect(login.json().stage).toBe('mfa');
    const cookie = (login.headers['set-cookie'] as string[]).map((c) => c.split(';')[0]).join('; ');
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken };
    const blocked = await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers });
    expect(blocked.json().code).toBe('AUTH_MFA_REQUIRED');
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login/totp', headers, payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(401);
    const code = totpCodeAt(secret, clock.now());
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login/totp', headers, payload: { code } });
    expect(ok.statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers })).statusCode).toBe(200);

    // The same code, seen over a shoulder, does not open a second session.
    const again = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: admin.username, password: TEST_PASSWORD } });
    const headers2 = { cookie: (again.headers['set-cookie'] as string[]).map((c) => c.split(';')[0]).join('; '), 'x-csrf-token': again.json().csrfToken };
    const replay = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login/totp', headers: headers2, payload: { code } });
    expect(replay.statusCode).toBe(401);
  });
});

describe('SMS code sign-in for parties', () => {
  it('sends a code through the SMS driver and signs the party in with it', async () => {
    const party = await createParty(ctx);
    const s = await loginWithSms(ctx, party.phone);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers });
    expect(me.json()).toMatchObject({ id: party.id, roles: ['party'] });
  });

  it('refuses a second code within a minute, a wrong code, and a used code', async () => {
    clock.advance(120_000);
    const party = await createParty(ctx);
    const first = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/sms-code', payload: { phone: party.phone } });
    expect(first.statusCode).toBe(200);
    expect(first.json().sentTo).toBe(`${party.phone.slice(0, 3)}****${party.phone.slice(-4)}`);
    const tooSoon = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/sms-code', payload: { phone: party.phone } });
    expect(tooSoon.statusCode).toBe(429);
    const code = lastSmsCode(ctx.config, party.phone);
    const wrongCode = code === '123456' ? '654321' : '123456';
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login/sms', payload: { phone: party.phone, code: wrongCode } })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login/sms', payload: { phone: party.phone, code } })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login/sms', payload: { phone: party.phone, code } })).statusCode).toBe(401);
  });

  it('gives the same answer for an unknown number but sends nothing', async () => {
    clock.advance(120_000);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/sms-code', payload: { phone: '13912345678' } });
    expect(res.statusCode).toBe(200);
    expect(() => lastSmsCode(ctx.config, '13912345678')).toThrow();
  });

  it('stops a code being guessed: five wrong tries burn it', async () => {
    clock.advance(120_000);
    const party = await createParty(ctx);
    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/sms-code', payload: { phone: party.phone } });
    const code = lastSmsCode(ctx.config, party.phone);
    for (let i = 0; i < 5; i++) {
      const guess = String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
      await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login/sms', payload: { phone: party.phone, code: guess } });
    }
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login/sms', payload: { phone: party.phone, code } })).statusCode).toBe(401);
  });
});

describe('sessions and CSRF', () => {
  it('refuses an unsafe request without the CSRF token, and a cross-site origin', async () => {
    const party = await createParty(ctx);
    clock.advance(120_000);
    const s = await loginWithSms(ctx, party.phone);
    const noToken = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_REJECTED');
    const crossSite = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...s.headers, origin: 'https://evil.example', host: 'localhost' } });
    expect(crossSite.statusCode).toBe(403);
  });

  it('signs out everywhere: every session of the user stops working', async () => {
    const clerk = await createStaff(ctx, 'clerk', orgs.courtId);
    const a = await loginWithPassword(ctx, clerk.username);
    const b = await loginWithPassword(ctx, clerk.username);
    const out = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout-everywhere', headers: a.headers });
    expect(out.json().revokedSessions).toBe(2);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: b.headers })).statusCode).toBe(401);
  });

  it('treats forged and expired session cookies as signed out', async () => {
    const forged = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: 'oc_session=forged-token' } });
    expect(forged.statusCode).toBe(401);
    const clerk = await createStaff(ctx, 'clerk', orgs.courtId);
    const s = await loginWithPassword(ctx, clerk.username);
    clock.advance(13 * 3600_000);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers })).statusCode).toBe(401);
  });
});
