import fs from 'node:fs';
import type { TNotificationPage } from '@opencourt/contracts';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParty, loginWithSms, manualClock, startTestApp, type TestContext } from '../../../test/harness.ts';
import { connectRealtime } from '../../../test/realtime-client.ts';
import { createUser } from '../auth/index.ts';
import { uuid } from '../clock/index.ts';
import { jobsStore } from '../jobs/index.ts';
import { job } from '../jobs/jobs.tables.ts';
import { createLogSmsDriver, notifyStore, type SmsDriver } from './index.ts';
import { notification, notificationDelivery } from './notify.tables.ts';

const clock = manualClock();
/** The real log driver behind a switch that takes the "gateway" down. */
const gateway = { down: false };
let ctx: TestContext;
let baseUrl: string;

beforeAll(async () => {
  let logDriver: SmsDriver | undefined;
  const sms: SmsDriver = {
    name: 'switchable-log',
    async send(message) {
      if (gateway.down) throw new Error('SMS gateway answered 503');
      return logDriver!.send(message);
    },
  };
  ctx = await startTestApp({ config: { JOBS_ENABLED: 'false', PUBLIC_URL: 'https://court.example.cn' }, deps: { clock, sms } });
  logDriver = createLogSmsDriver({ file: ctx.config.sms.logFile });
  baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => ctx.close());

const db = () => ctx.database.db;
const notifier = () => ctx.app.platform.notifier;
const runJobs = () => ctx.app.platform.jobs.runUntilIdle();

async function partyWithEmail(email: string | null = 'zhang.san@example.cn') {
  const phone = `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const id = await createUser(db(), { keyring: ctx.keyring, id: uuid }, { displayName: '张三', roles: ['party'], phone, ...(email ? { email } : {}) });
  return { id, phone, email };
}

const smsLines = () =>
  fs.existsSync(ctx.config.sms.logFile)
    ? fs.readFileSync(ctx.config.sms.logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; to: string; text: string })
    : [];

describe('notify', () => {
  it('writes the inbox item and one delivery per channel, then sends them in jobs', async () => {
    const user = await partyWithEmail();
    const result = await db().transaction((tx) =>
      notifier().notify(tx, {
        userId: user.id,
        kind: 'matter.hearing_scheduled',
        title: '开庭通知',
        body: '您的案件定于 2026 年 12 月 3 日 9:30 在线开庭。',
        link: '/matters/123',
        channels: ['inapp', 'sms', 'email'],
      }),
    );
    expect(result.skipped).toEqual([]);
    expect(result.deliveries.map((d) => [d.channel, d.recipientMasked])).toEqual([
      ['sms', `${user.phone.slice(0, 3)}****${user.phone.slice(-4)}`],
      ['email', 'z***@example.cn'],
    ]);
    const rows = await notifyStore.deliveriesOf(db(), result.notificationId!);
    // The address is sealed at rest and opens to the real one.
    const sms = rows.find((r) => r.channel === 'sms')!;
    expect(sms.recipientCipher.toString('latin1')).not.toContain(user.phone);
    expect(ctx.keyring.open(sms.recipientCipher).toString()).toBe(user.phone);
    expect(rows.every((r) => r.status === 'queued' && r.attempts === 0)).toBe(true);

    expect(await runJobs()).toBe(2);
    const sent = await notifyStore.deliveriesOf(db(), result.notificationId!);
    expect(sent.map((r) => [r.channel, r.status, r.attempts])).toEqual([
      ['email', 'sent', 1],
      ['sms', 'sent', 1],
    ]);
    const line = smsLines().find((l) => l.to === user.phone)!;
    expect(line.text).toBe('【OpenCourt】开庭通知：您的案件定于 2026 年 12 月 3 日 9:30 在线开庭。 查看详情：https://court.example.cn/matters/123');
    expect(sent.find((r) => r.channel === 'sms')!.providerMessageId).toBe(line.id);

    const email = sent.find((r) => r.channel === 'email')!;
    const files = fs.readdirSync(ctx.config.email.emlDir);
    const eml = files.map((f) => fs.readFileSync(path.join(ctx.config.email.emlDir, f), 'latin1')).find((t) => t.includes(email.providerMessageId!))!;
    expect(eml).toMatch(/^To: zhang\.san@example\.cn\r$/m);
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(eml).toMatch(/^Date: Wed, 25 Nov 2026 08:00:00 \+0000\r$/m);
    expect(eml).toContain('\r\n\r\n'); // header and body separated as RFC 5322 wants
  });

  it('leaves nothing behind when the caller’s transaction rolls back', async () => {
    const user = await partyWithEmail();
    await expect(
      db().transaction(async (tx) => {
        await notifier().notify(tx, { userId: user.id, kind: 'test', title: '标题', body: '正文', channels: ['inapp', 'sms'] });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await db().select().from(notification).where(eq(notification.userId, user.id))).toEqual([]);
    expect(await runJobs()).toBe(0);
  });

  it('skips channels the user has no address for', async () => {
    const user = await partyWithEmail(null);
    const result = await db().transaction((tx) => notifier().notify(tx, { userId: user.id, kind: 'test', title: '标题', body: '正文', channels: ['email'] }));
    expect(result).toEqual({ notificationId: null, deliveries: [], skipped: [{ channel: 'email', reason: 'no_email' }] });
  });

  it('refuses links that leave the site and invalid input', async () => {
    const user = await partyWithEmail();
    for (const link of ['https://evil.example/login', '//evil.example', 'javascript:alert(1)']) {
      await expect(db().transaction((tx) => notifier().notify(tx, { userId: user.id, kind: 'test', title: 't', body: 'b', link, channels: ['inapp'] }))).rejects.toThrow();
    }
    await expect(db().transaction((tx) => notifier().notify(tx, { userId: user.id, kind: 'test', title: '', body: 'b', channels: ['inapp'] }))).rejects.toThrow();
    await expect(db().transaction((tx) => notifier().notify(tx, { userId: user.id, kind: 'test', title: 't', body: 'b', channels: [] }))).rejects.toThrow();
  });

  it('retries a failing gateway with back-off, then records the delivery as failed', async () => {
    const user = await partyWithEmail();
    const result = await db().transaction((tx) => notifier().notify(tx, { userId: user.id, kind: 'test', title: '缴费提醒', body: '请于 7 日内缴纳诉讼费。', channels: ['sms'] }));
    const deliveryId = result.deliveries[0]!.id;
    gateway.down = true;
    try {
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect(await runJobs()).toBe(1);
        const d = (await notifyStore.findDelivery(db(), deliveryId))!;
        expect(d).toMatchObject({ attempts: attempt, error: 'SMS gateway answered 503', status: attempt < 5 ? 'queued' : 'failed' });
        // Not again before its back-off has passed.
        expect(await runJobs()).toBe(0);
        clock.advance(3_600_000);
      }
    } finally {
      gateway.down = false;
    }
    expect(await runJobs()).toBe(0);
    const [deliveryJob] = await db().select().from(job).where(eq(job.uniqueKey, `notify.deliver:${deliveryId}`));
    expect(deliveryJob).toMatchObject({ status: 'failed', attempts: 5, lastError: 'Error: SMS gateway answered 503' });
    expect(smsLines().some((l) => l.to === user.phone)).toBe(false);
  });

  it('recovers when the gateway comes back before the last try', async () => {
    const user = await partyWithEmail();
    const result = await db().transaction((tx) => notifier().notify(tx, { userId: user.id, kind: 'test', title: '提醒', body: '正文', channels: ['sms'] }));
    gateway.down = true;
    await runJobs();
    gateway.down = false;
    clock.advance(3_600_000);
    await runJobs();
    expect(await notifyStore.findDelivery(db(), result.deliveries[0]!.id)).toMatchObject({ status: 'sent', attempts: 2, error: null });
  });

  it('sends a message to an address without an account', async () => {
    const d = await db().transaction((tx) => notifier().sendMessage(tx, { channel: 'sms', to: '13700001111', text: '【OpenCourt】请登录平台查收调解通知。' }));
    expect(d.recipientMasked).toBe('137****1111');
    await runJobs();
    expect(smsLines().find((l) => l.to === '13700001111')?.text).toBe('【OpenCourt】请登录平台查收调解通知。');
    expect((await db().select().from(notificationDelivery).where(eq(notificationDelivery.id, d.id)))[0]?.status).toBe('sent');
  });
});

describe('inbox routes', () => {
  it('lists only the caller’s own items, newest first, with cursor pages and an unread count', async () => {
    const me = await createParty(ctx);
    const other = await createParty(ctx);
    for (let i = 1; i <= 5; i++) {
      clock.advance(1000);
      await db().transaction((tx) => notifier().notify(tx, { userId: me.id, kind: 'test', title: `第 ${i} 条`, body: '正文', channels: ['inapp'] }));
    }
    await db().transaction((tx) => notifier().notify(tx, { userId: other.id, kind: 'test', title: '别人的通知', body: '保密', channels: ['inapp'] }));
    const s = await loginWithSms(ctx, me.phone);
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: s.headers });
      expect(res.statusCode).toBe(200);
      const page: TNotificationPage = res.json();
      expect(page.unreadCount).toBe(5);
      titles.push(...page.items.map((n) => n.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles).toEqual(['第 5 条', '第 4 条', '第 3 条', '第 2 条', '第 1 条']);
  });

  it('marks items read, one or all, and never touches another user’s inbox', async () => {
    const me = await createParty(ctx);
    const other = await createParty(ctx);
    const mine = [];
    for (let i = 0; i < 3; i++) mine.push(await db().transaction((tx) => notifier().notify(tx, { userId: me.id, kind: 'test', title: `t${i}`, body: 'b', channels: ['inapp'] })));
    const theirs = await db().transaction((tx) => notifier().notify(tx, { userId: other.id, kind: 'test', title: '别人的', body: 'b', channels: ['inapp'] }));
    clock.advance(120_000); // the SMS code rate limit is per minute
    const s = await loginWithSms(ctx, me.phone);

    const foreign = await ctx.app.inject({ method: 'POST', url: `/api/v1/notifications/${theirs.notificationId}/read`, headers: s.headers });
    expect(foreign.statusCode).toBe(404);
    expect((await notifyStore.findForUser(db(), other.id, theirs.notificationId!))?.readAt).toBeNull();

    const one = await ctx.app.inject({ method: 'POST', url: `/api/v1/notifications/${mine[0]!.notificationId}/read`, headers: s.headers });
    expect(one.json()).toEqual({ updated: 1, unreadCount: 2 });
    const again = await ctx.app.inject({ method: 'POST', url: `/api/v1/notifications/${mine[0]!.notificationId}/read`, headers: s.headers });
    expect(again.json()).toEqual({ updated: 0, unreadCount: 2 });
    const unread = await ctx.app.inject({ method: 'GET', url: '/api/v1/notifications?unread=true', headers: s.headers });
    expect(unread.json().items.map((n: { title: string }) => n.title).sort()).toEqual(['t1', 't2']);

    const all = await ctx.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: s.headers });
    expect(all.json()).toEqual({ updated: 2, unreadCount: 0 });
    expect(await notifyStore.unreadCount(db(), other.id)).toBe(1);
  });

  it('requires a session and the CSRF token', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    const me = await createParty(ctx);
    clock.advance(120_000);
    const s = await loginWithSms(ctx, me.phone);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
  });

  it('pushes a new inbox item to the user’s realtime room when the transaction commits', async () => {
    const me = await createParty(ctx);
    clock.advance(120_000);
    const s = await loginWithSms(ctx, me.phone);
    const socket = await connectRealtime(baseUrl, { cookie: s.cookie, origin: baseUrl });
    try {
      socket.send({ type: 'subscribe', room: `user:${me.id}` });
      await socket.next('subscribed');
      const result = await db().transaction((tx) =>
        notifier().notify(tx, { userId: me.id, kind: 'matter.filed', title: '立案通知', body: '您的起诉已立案。', link: '/matters/1', channels: ['inapp'] }),
      );
      const pushed = await socket.next('event');
      expect(pushed.event).toEqual({
        type: 'notification.created',
        notification: { id: result.notificationId, kind: 'matter.filed', title: '立案通知', link: '/matters/1', createdAt: clock.now().toISOString() },
        unreadCount: 1,
      });
      await ctx.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: s.headers });
      expect((await socket.next('event')).event).toEqual({ type: 'notification.read', ids: 'all', unreadCount: 0 });
    } finally {
      socket.close();
    }
  });
});

describe('jobs behind notifications', () => {
  it('are ordinary queued jobs other processes can run', async () => {
    const user = await partyWithEmail();
    const r = await db().transaction((tx) => notifier().notify(tx, { userId: user.id, kind: 'test', title: 't', body: 'b', channels: ['sms'] }));
    const [row] = await db().select().from(job).where(eq(job.uniqueKey, `notify.deliver:${r.deliveries[0]!.id}`));
    expect(row).toMatchObject({ name: 'notify.deliver', status: 'queued', payload: { deliveryId: r.deliveries[0]!.id } });
    await runJobs();
    expect((await jobsStore.find(db(), row!.id))?.status).toBe('done');
  });
});
