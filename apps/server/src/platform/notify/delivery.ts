// The job that sends one delivery (SMS or e-mail) and records the outcome of every try: attempts,
// the provider's message id, the last error, and `failed` once the job has no tries left.
import { z } from 'zod';
import type { Clock } from '../clock/index.ts';
import type { Keyring } from '../crypto/index.ts';
import type { Db } from '../db/database.ts';
import { PermanentJobError, type JobDefinition } from '../jobs/index.ts';
import type { EmailDriver } from './email.ts';
import { notifyStore } from './notify.store.ts';
import type { SmsDriver } from './sms.ts';

export const DELIVER_JOB = 'notify.deliver';

export function createDeliveryJob(deps: { db: Db; keyring: Keyring; clock: Clock; sms: SmsDriver; email: EmailDriver }): JobDefinition<{ deliveryId: string }> {
  const { db, keyring, clock } = deps;
  return {
    name: DELIVER_JOB,
    payload: z.object({ deliveryId: z.uuid() }),
    // A provider outage is retried after about 30 s, 1, 2 and 4 minutes.
    backoff: { baseMs: 30_000, maxMs: 3_600_000 },
    async handler({ deliveryId }, ctx) {
      const d = await notifyStore.findDelivery(db, deliveryId);
      if (!d) throw new PermanentJobError(`delivery ${deliveryId} does not exist`);
      if (d.status !== 'queued') return; // sent or failed already: this is a re-run after a crash
      const to = keyring.open(d.recipientCipher).toString('utf8');
      try {
        const sent =
          d.channel === 'sms'
            ? await deps.sms.send({ to, text: d.body })
            : await deps.email.send({ to, subject: d.subject ?? '', text: d.body, date: clock.now() });
        await notifyStore.markSent(db, d.id, sent.providerMessageId, clock.now());
      } catch (err) {
        const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
        await notifyStore.recordFailure(db, d.id, message, ctx.lastAttempt || err instanceof PermanentJobError);
        throw err;
      }
    },
  };
}
