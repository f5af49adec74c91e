// News and legal education over HTTP: a clerk writes a draft with a cover, edits it (a stale edit is
// refused), publishes and withdraws it; the public lists (by category, by title, paged) and reads only
// what is published. Script injection, bad categories and disguised covers are refused field by field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisations, createParty, createStaff, loginWithPassword, loginWithSms, manualClock, startTestApp, type Session, type TestContext } from '../../../test/harness.ts';
import { SAMPLES } from '../../platform/blobs/sample-files.ts';

const clock = manualClock();
let ctx: TestContext;
let clerk: Session;
let techAdmin: Session;
let judge: Session;
let party: Session;

const article = (over: Record<string, unknown> = {}) => ({
  title: '法官提醒：民间借贷要留好借条',
  category: 'legal_education',
  summary: '借钱给亲友，记得写清金额、利息和还款日期。',
  body: '## 借条要写清楚\n\n- 出借人、借款人\n- **金额**与利息\n\n详见[《民法典》](https://flk.npc.gov.cn/)。',
  tags: ['民间借贷', '普法'],
  ...over,
});
const send = (s: Session | null, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: method as 'POST', url, headers: { ...(s?.headers ?? {}), ...headers }, payload: payload as object });
const count = async (table: string) => (await ctx.database.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n as number;

beforeAll(async () => {
  ctx = await startTestApp({ deps: { clock } });
  const orgs = await createOrganisations(ctx);
  clerk = await loginWithPassword(ctx, (await createStaff(ctx, 'clerk', orgs.courtId)).username);
  techAdmin = await loginWithPassword(ctx, (await createStaff(ctx, 'tech_admin', orgs.courtId)).username);
  judge = await loginWithPassword(ctx, (await createStaff(ctx, 'judge', orgs.courtId)).username);
  party = await loginWithSms(ctx, (await createParty(ctx)).phone);
});
afterAll(() => ctx?.close());

describe('writing articles', () => {
  it.each([
    ['a script tag', { body: '正文<script>alert(1)</script>' }, '/body/body'],
    ['an event handler in raw HTML', { body: '<img src=x onerror=alert(1)>' }, '/body/body'],
    ['a javascript: link', { body: '[点我](javascript:alert(document.cookie))' }, '/body/body'],
    ['an unknown category', { category: 'gossip' }, '/body/category'],
    ['an empty title', { title: '' }, '/body/title'],
    ['too many tags', { tags: ['1', '2', '3', '4', '5', '6', '7', '8', '9'] }, '/body/tags'],
    ['an unknown cover', { coverId: '00000000-0000-4000-8000-000000000001' }, '/body/coverId'],
  ])('refuses %s with a field-level problem and writes nothing', async (_name, over, pointer) => {
    const res = await send(clerk, 'POST', '/api/v1/news/articles', article(over));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(await count('news_article')).toBe(0);
    expect(await count('news_revision')).toBe(0);
  });

  it('lets only clerks and technical administrators write', async () => {
    expect((await send(judge, 'POST', '/api/v1/news/articles', article())).statusCode).toBe(403);
    expect((await send(party, 'POST', '/api/v1/news/articles', article())).statusCode).toBe(403);
    expect((await send(null, 'POST', '/api/v1/news/articles', article())).statusCode).toBe(401);
    expect((await send(party, 'GET', '/api/v1/news/articles')).statusCode).toBe(403);
  });

  it('refuses a cover that is not an image, whatever its header says', async () => {
    const res = await send(clerk, 'POST', '/api/v1/news/covers', SAMPLES.pdf, { 'content-type': 'image/png' });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('NEWS_COVER_REFUSED');
    expect(await count('news_cover')).toBe(0);
  });
});

describe('an article’s life', () => {
  let id: string;
  let coverId: string;

  it('drafts, edits with its version, publishes, and keeps every revision', async () => {
    const cover = await send(clerk, 'POST', '/api/v1/news/covers', SAMPLES.png, { 'content-type': 'image/png' });
    expect(cover.statusCode, cover.body).toBe(201);
    coverId = cover.json().id;
    const created = await send(clerk, 'POST', '/api/v1/news/articles', article({ coverId }), { 'idempotency-key': 'news-create-1' });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', version: 1, coverId });
    // A draft is not public, nor is its cover.
    expect((await send(null, 'GET', `/api/v1/news/public/${id}`)).statusCode).toBe(404);
    expect((await send(null, 'GET', `/api/v1/news/covers/${coverId}`)).statusCode).toBe(404);

    const edited = await send(techAdmin, 'PUT', `/api/v1/news/articles/${id}`, { ...article({ coverId, title: '法官提醒：借钱要写好借条' }), version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);
    const stale = await send(clerk, 'PUT', `/api/v1/news/articles/${id}`, { ...article(), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('NEWS_STALE');

    const published = await send(clerk, 'POST', `/api/v1/news/articles/${id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published' });
    expect((await send(clerk, 'POST', `/api/v1/news/articles/${id}/publish`)).statusCode).toBe(409);
    const revisions = await send(clerk, 'GET', `/api/v1/news/articles/${id}/revisions`);
    expect(revisions.json().items.map((r: { action: string }) => r.action).sort()).toEqual(['created', 'edited', 'published']);
  });

  it('is public once published: the article, its cover, the list by category and the title search', async () => {
    const read = await send(null, 'GET', `/api/v1/news/public/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ title: '法官提醒：借钱要写好借条', category: 'legal_education' });
    expect(read.json()).not.toHaveProperty('status');
    const cover = await send(null, 'GET', `/api/v1/news/covers/${coverId}`);
    expect(cover.statusCode).toBe(200);
    expect(cover.headers['content-type']).toBe('image/png');
    expect(cover.rawPayload.equals(SAMPLES.png)).toBe(true);

    expect((await send(null, 'GET', '/api/v1/news/public?category=legal_education')).json().items).toHaveLength(1);
    expect((await send(null, 'GET', '/api/v1/news/public?category=notice')).json().items).toHaveLength(0);
    expect((await send(null, 'GET', `/api/v1/news/public?q=${encodeURIComponent('借条')}`)).json().items).toHaveLength(1);
    expect((await send(null, 'GET', `/api/v1/news/public?q=${encodeURIComponent('离婚')}`)).json().items).toHaveLength(0);
    // LIKE wildcards match only themselves.
    expect((await send(null, 'GET', `/api/v1/news/public?q=${encodeURIComponent('%')}`)).json().items).toHaveLength(0);
  });

  it('pages the public list, newest first', async () => {
    for (let i = 1; i <= 3; i++) {
      clock.advance(60_000);
      const a = await send(clerk, 'POST', '/api/v1/news/articles', article({ title: `本院公告第${i}号`, category: 'notice' }));
      await send(clerk, 'POST', `/api/v1/news/articles/${a.json().id}/publish`);
    }
    const first = (await send(null, 'GET', '/api/v1/news/public?limit=2')).json();
    expect(first.items.map((a: { title: string }) => a.title)).toEqual(['本院公告第3号', '本院公告第2号']);
    const second = (await send(null, 'GET', `/api/v1/news/public?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((a: { title: string }) => a.title)).toEqual(['本院公告第1号', '法官提醒：借钱要写好借条']);
    expect(second.nextCursor).toBeNull();
  });

  it('disappears from the public when withdrawn', async () => {
    expect((await send(clerk, 'POST', `/api/v1/news/articles/${id}/withdraw`)).json().status).toBe('withdrawn');
    expect((await send(null, 'GET', `/api/v1/news/public/${id}`)).statusCode).toBe(404);
    expect((await send(null, 'GET', `/api/v1/news/covers/${coverId}`)).statusCode).toBe(404);
    expect((await send(null, 'GET', '/api/v1/news/public?category=legal_education')).json().items).toHaveLength(0);
  });

  it.each([
    ['a search of 10,000 characters', `q=${'借'.repeat(10_000)}`, '/querystring/q'],
    ['control characters', `q=${encodeURIComponent('借\u0001条')}`, '/querystring/q'],
    ['an unknown category', 'category=gossip', '/querystring/category'],
    ['a forged cursor', 'cursor=bm90LWpzb24', '/querystring/cursor'],
  ])('refuses %s in the public list', async (_name, query, pointer) => {
    const res = await send(null, 'GET', `/api/v1/news/public?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toBe(pointer);
  });
});
