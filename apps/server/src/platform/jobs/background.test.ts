// The real server with JOBS_ENABLED: jobs and outbox consumers run in the background, with no test
// driving them, and stop cleanly with the app.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganisations, createParty, loginWithSms, startTestApp, type TestContext } from '../../../test/harness.ts';
import { connectRealtime } from '../../../test/realtime-client.ts';
import { waitFor } from '../../../test/wait.ts';
import { appendEvent } from '../events/index.ts';
import { notifyStore } from '../notify/index.ts';
import { jobsStore, PRUNE_SCHEDULE } from './index.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ config: { JOBS_ENABLED: 'true' }, deps: { jobs: { pollMs: 200, consumerPollMs: 200 } } });
});
afterAll(() => ctx.close());

it('sends notifications and relays matter events without being asked', async () => {
  const { courtId } = await createOrganisations(ctx);
  const party = await createParty(ctx);
  const result = await ctx.database.db.transaction((tx) =>
    ctx.app.platform.notifier.notify(tx, { userId: party.id, kind: 'test', title: '送达通知', body: '请查收。', channels: ['inapp', 'sms'] }),
  );
  // Woken by the NOTIFY of the enqueue: no test code runs the job.
  await waitFor(async () => (await notifyStore.findDelivery(ctx.database.db, result.deliveries[0]!.id))?.status === 'sent', { what: 'the SMS to be sent' });

  const url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const s = await loginWithSms(ctx, party.phone);
  const socket = await connectRealtime(url, { cookie: s.cookie, origin: url });
  const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/matters', headers: s.headers, payload: { title: '物业服务合同纠纷', courtId, participants: [] } });
  expect(created.statusCode).toBe(201);
  socket.send({ type: 'subscribe', room: `matter:${created.json().id}` });
  await socket.next('subscribed');
  // A later event of the matter reaches the room through the background consumer.
  await appendEvent(ctx.database.db, { type: 'matter.note_added', aggregateType: 'matter', aggregateId: created.json().id, payload: {} });
  const relayed = await socket.next('event', (m) => m.event.type === 'matter.changed' && m.event.eventType === 'matter.note_added');
  expect(relayed.room).toBe(`matter:${created.json().id}`);
  socket.close();

  expect(await jobsStore.findSchedule(ctx.database.db, PRUNE_SCHEDULE.name)).toMatchObject({ cron: PRUNE_SCHEDULE.cron });
});
