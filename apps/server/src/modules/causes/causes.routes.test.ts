// GET /api/v1/causes over real HTTP: the tree, a search, and an unknown version refused at its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => ctx.close());
const get = (url: string) => ctx.app.inject({ method: 'GET', url });

describe('GET /api/v1/causes', () => {
  it('gives the latest version as a tree, without sign-in', async () => {
    const res = await get('/api/v1/causes');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.version).toMatchObject({ version: '2021', effectiveFrom: '2021-01-01' });
    expect(body.versions).toEqual(['2021']);
    expect(body.tree).toHaveLength(11);
    expect(body.hits).toEqual([]);
  });

  it('searches a version by name', async () => {
    const body = (await get(`/api/v1/causes?version=2021&q=${encodeURIComponent('继承')}`)).json();
    expect(body.tree).toBeNull();
    expect(body.hits.map((h: { name: string }) => h.name)).toEqual(expect.arrayContaining(['法定继承纠纷', '转继承纠纷', '继承纠纷']));
  });

  it.each([
    ['/api/v1/causes?version=1999', '/querystring/version'],
    ['/api/v1/causes?version=20x1', '/querystring/version'],
  ])('refuses %s at %s', async (url, pointer) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toBe(pointer);
  });
});
