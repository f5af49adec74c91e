import { ZNotificationPage, ZNotificationQuery, ZNotificationsRead } from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../auth/index.ts';
import type { Inbox } from './inbox.ts';

export async function notificationsRoutes(app: FastifyInstance, opts: { inbox: Inbox }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get('/notifications', {
    schema: { tags, summary: '我的站内通知（含未读数）', querystring: ZNotificationQuery, response: { 200: ZNotificationPage } },
  }, async (request) => opts.inbox.list(requireActor(request), request.query));

  r.post('/notifications/:id/read', {
    schema: { tags, summary: '标记一条通知为已读', params: z.object({ id: z.uuid() }), response: { 200: ZNotificationsRead } },
    config: { audit: { action: 'notification.read' } },
  }, async (request) => opts.inbox.markRead(requireActor(request), request.params.id));

  r.post('/notifications/read-all', {
    schema: { tags, summary: '全部标记为已读', response: { 200: ZNotificationsRead } },
    config: { audit: { action: 'notification.read_all' } },
  }, async (request) => opts.inbox.markAllRead(requireActor(request)));
}
