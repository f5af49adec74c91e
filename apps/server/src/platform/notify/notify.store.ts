// All SQL of notifications: the in-app inbox and the delivery records of SMS and e-mail.
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { notification, notificationDelivery } from './notify.tables.ts';

export type NotificationRow = typeof notification.$inferSelect;
export type DeliveryRow = typeof notificationDelivery.$inferSelect;

export const notifyStore = {
  async insertNotification(db: Executor, row: typeof notification.$inferInsert) {
    await db.insert(notification).values(row);
  },

  async insertDelivery(db: Executor, row: typeof notificationDelivery.$inferInsert) {
    await db.insert(notificationDelivery).values(row);
  },

  /** A user's inbox, newest first; the cursor is (createdAt, id) of the last item seen. */
  async listForUser(db: Executor, userId: string, q: { limit: number; unreadOnly: boolean; after?: { createdAt: Date; id: string } }): Promise<NotificationRow[]> {
    const cursor = q.after
      ? or(lt(notification.createdAt, q.after.createdAt), and(eq(notification.createdAt, q.after.createdAt), lt(notification.id, q.after.id)))
      : undefined;
    return db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, userId), q.unreadOnly ? isNull(notification.readAt) : undefined, cursor))
      .orderBy(desc(notification.createdAt), desc(notification.id))
      .limit(q.limit + 1);
  },

  async unreadCount(db: Executor, userId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(notification)
      .where(and(eq(notification.userId, userId), isNull(notification.readAt)));
    return row?.n ?? 0;
  },

  async findForUser(db: Executor, userId: string, id: string): Promise<NotificationRow | undefined> {
    const [row] = await db
      .select()
      .from(notification)
      .where(and(eq(notification.id, id), eq(notification.userId, userId)));
    return row;
  },

  /** Mark one item (or, without id, every item) of the user's inbox read; returns the ids changed. */
  async markRead(db: Executor, userId: string, now: Date, id?: string): Promise<string[]> {
    const rows = await db
      .update(notification)
      .set({ readAt: now })
      .where(and(eq(notification.userId, userId), isNull(notification.readAt), id ? eq(notification.id, id) : undefined))
      .returning({ id: notification.id });
    return rows.map((r) => r.id);
  },

  async findDelivery(db: Executor, id: string): Promise<DeliveryRow | undefined> {
    const [row] = await db.select().from(notificationDelivery).where(eq(notificationDelivery.id, id));
    return row;
  },

  async deliveriesOf(db: Executor, notificationId: string): Promise<DeliveryRow[]> {
    return db.select().from(notificationDelivery).where(eq(notificationDelivery.notificationId, notificationId)).orderBy(notificationDelivery.channel);
  },

  async markSent(db: Executor, id: string, providerMessageId: string, now: Date) {
    await db
      .update(notificationDelivery)
      .set({ status: 'sent', attempts: sql`${notificationDelivery.attempts} + 1`, providerMessageId, error: null, sentAt: now })
      .where(eq(notificationDelivery.id, id));
  },

  /** Count a failed try; the last one fails the delivery for good. */
  async recordFailure(db: Executor, id: string, error: string, final: boolean) {
    await db
      .update(notificationDelivery)
      .set({ attempts: sql`${notificationDelivery.attempts} + 1`, error, ...(final ? { status: 'failed' } : {}) })
      .where(eq(notificationDelivery.id, id));
  },
};
