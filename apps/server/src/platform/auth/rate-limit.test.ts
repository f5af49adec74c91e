import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ config: { RATE_LIMIT_AUTH_PER_MINUTE: '3' } });
});
afterAll(() => ctx.close());

it('rate-limits sign-in attempts per client with a 429 problem', async () => {
  const attempt = () => ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'someone', password: 'whatever-1' }, remoteAddress: '10.9.9.9' });
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
  expect(statuses).toEqual([401, 401, 401, 429]);
  const limited = await attempt();
  expect(limited.headers['content-type']).toMatch(/problem\+json/);
  expect(limited.json().code).toBe('RATE_LIMITED');
  expect(limited.headers['retry-after']).toBeDefined();
  // Another client is not affected.
  const other = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'someone', password: 'whatever-1' }, remoteAddress: '10.9.9.10' });
  expect(other.statusCode).toBe(401);
});
