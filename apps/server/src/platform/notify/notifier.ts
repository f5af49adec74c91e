// notify(tx, …): one call, in the caller's transaction, writes the in-app inbox item, one delivery
// record per external channel (recipient sealed, shown masked, text as it will be sent) and the jobs
// that send them, and pushes the new item to the user's realtime room. All of it happens if and only
// if the caller's transaction commits.
import { ZNotificationChannel } from '@opencourt/contracts';
import { z } from 'zod';
import { usersStore } from '../auth/index.ts';
import type { Clock, IdGenerator } from '../clock/index.ts';
import { maskEmail, maskPhone, type Keyring } from '../crypto/index.ts';
import type { Executor } from '../db/database.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { Publish } from '../realtime/index.ts';
import { DELIVER_JOB } from './delivery.ts';
import { notifyStore } from './notify.store.ts';
import { renderEmail, renderSms, type Locale } from './templates.ts';

export const ZNotifyInput = z.strictObject({
  userId: z.uuid(),
  kind: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(2000),
  /** A path inside the web app: links in messages never point elsewhere. */
  link: z.string().max(500).regex(/^\/(?!\/)\S*$/).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  channels: z.array(ZNotificationChannel).min(1),
});
export type TNotifyInput = z.input<typeof ZNotifyInput>;

export const ZDirectMessage = z.strictObject({
  channel: z.enum(['sms', 'email']),
  to: z.string().trim().min(3).max(320),
  subject: z.string().trim().max(200).optional(),
  text: z.string().trim().min(1).max(2000),
}).refine((m) => m.channel === 'sms' || !!m.subject, { message: '邮件须有主题', path: ['subject'] });
export type TDirectMessage = z.input<typeof ZDirectMessage>;

export type NotifyResult = {
  notificationId: string | null;
  deliveries: { id: string; channel: 'sms' | 'email'; recipientMasked: string }[];
  /** Channels asked for but impossible (no phone or e-mail on file). */
  skipped: { channel: 'sms' | 'email'; reason: 'no_phone' | 'no_email' }[];
};

export function createNotifier(deps: { keyring: Keyring; clock: Clock; id: IdGenerator; jobs: JobQueue; publish: Publish; publicUrl: string }) {
  const { keyring, clock, id, jobs } = deps;

  const queueDelivery = async (
    tx: Executor,
    d: { notificationId: string | null; channel: 'sms' | 'email'; to: string; masked: string; subject: string | null; body: string },
  ) => {
    const deliveryId = id();
    await notifyStore.insertDelivery(tx, {
      id: deliveryId,
      notificationId: d.notificationId,
      channel: d.channel,
      recipientCipher: keyring.seal(d.to),
      recipientMasked: d.masked,
      subject: d.subject,
      body: d.body,
      createdAt: clock.now(),
    });
    await jobs.enqueue(tx, DELIVER_JOB, { deliveryId }, { uniqueKey: `${DELIVER_JOB}:${deliveryId}`, maxAttempts: 5 });
    return { id: deliveryId, channel: d.channel, recipientMasked: d.masked };
  };

  return {
    async notify(tx: Executor, input: TNotifyInput): Promise<NotifyResult> {
      const n = ZNotifyInput.parse(input);
      const user = await usersStore.findUserById(tx, n.userId);
      if (!user) throw new Error(`notify: no user ${n.userId}`);
      const now = clock.now();
      const locale = (['zh-CN', 'zh-HK', 'en'].includes(user.locale) ? user.locale : 'zh-CN') as Locale;
      const link = n.link ? new URL(n.link, deps.publicUrl).toString() : null;
      const result: NotifyResult = { notificationId: null, deliveries: [], skipped: [] };

      if (n.channels.includes('inapp')) {
        result.notificationId = id();
        await notifyStore.insertNotification(tx, {
          id: result.notificationId,
          userId: n.userId,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link ?? null,
          data: n.data ?? null,
          createdAt: now,
        });
        await deps.publish(tx, `user:${n.userId}`, {
          type: 'notification.created',
          notification: { id: result.notificationId, kind: n.kind, title: n.title, link: n.link ?? null, createdAt: now.toISOString() },
          unreadCount: await notifyStore.unreadCount(tx, n.userId),
        });
      }
      if (n.channels.includes('sms')) {
        if (!user.phoneCipher) result.skipped.push({ channel: 'sms', reason: 'no_phone' });
        else {
          const phone = keyring.open(user.phoneCipher).toString('utf8');
          const body = renderSms(locale, { title: n.title, body: n.body, link });
          result.deliveries.push(await queueDelivery(tx, { notificationId: result.notificationId, channel: 'sms', to: phone, masked: maskPhone(phone), subject: null, body }));
        }
      }
      if (n.channels.includes('email')) {
        if (!user.email) result.skipped.push({ channel: 'email', reason: 'no_email' });
        else {
          const body = renderEmail(locale, { title: n.title, body: n.body, link });
          result.deliveries.push(
            await queueDelivery(tx, { notificationId: result.notificationId, channel: 'email', to: user.email, masked: maskEmail(user.email), subject: n.title, body }),
          );
        }
      }
      return result;
    },

    /** A message to an address that belongs to no account (a party not yet registered). */
    async sendMessage(tx: Executor, input: TDirectMessage) {
      const m = ZDirectMessage.parse(input);
      const masked = m.channel === 'sms' ? maskPhone(m.to) : maskEmail(m.to);
      return queueDelivery(tx, { notificationId: null, channel: m.channel, to: m.to, masked, subject: m.subject ?? null, body: m.text });
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
