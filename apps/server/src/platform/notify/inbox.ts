// A user's own in-app inbox: list with unread count, mark read. Nobody reads another user's inbox:
// every query is bound to the acting user, and someone else's item is simply not found.
import type { TNotification, TNotificationPage } from '@opencourt/contracts';
import { z } from 'zod';
import type { Actor } from '../auth/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Db } from '../db/database.ts';
import { CommonErrors, decodeCursor, pageOf } from '../http/index.ts';
import type { Publish } from '../realtime/index.ts';
import { notifyStore, type NotificationRow } from './notify.store.ts';

const view = (n: NotificationRow): TNotification => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});

const ZCursor = z.object({ createdAt: z.iso.datetime(), id: z.uuid() });

export function createInbox(deps: { db: Db; clock: Clock; publish: Publish }) {
  const { db, clock } = deps;

  const markRead = async (actor: Actor, id?: string) =>
    db.transaction(async (tx) => {
      const changed = await notifyStore.markRead(tx, actor.userId, clock.now(), id);
      const unreadCount = await notifyStore.unreadCount(tx, actor.userId);
      // Other tabs and devices of the same user update their badge.
      if (changed.length) await deps.publish(tx, `user:${actor.userId}`, { type: 'notification.read', ids: id ? changed : 'all', unreadCount });
      return { updated: changed.length, unreadCount };
    });

  return {
    async list(actor: Actor, q: { limit: number; cursor?: string; unread?: boolean }): Promise<TNotificationPage> {
      const after = decodeCursor(q.cursor, ZCursor);
      const rows = await notifyStore.listForUser(db, actor.userId, {
        limit: q.limit,
        unreadOnly: q.unread ?? false,
        after: after && { createdAt: new Date(after.createdAt), id: after.id },
      });
      const { items, nextCursor } = pageOf(rows, q.limit, (n) => ({ createdAt: n.createdAt.toISOString(), id: n.id }));
      return { items: items.map(view), nextCursor, unreadCount: await notifyStore.unreadCount(db, actor.userId) };
    },

    async markRead(actor: Actor, id: string) {
      if (!(await notifyStore.findForUser(db, actor.userId, id))) throw CommonErrors.NOT_FOUND('通知不存在');
      return markRead(actor, id);
    },

    markAllRead: (actor: Actor) => markRead(actor),
  };
}

export type Inbox = ReturnType<typeof createInbox>;
