// Confirming an act with a code sent to the user's own phone (signing an agreement or a transcript):
// the code is bound to the user and to the act (`purpose`), so it cannot confirm anything else.
// Sent straight to the SMS driver, like sign-in codes: the code never rests in a delivery record.
import type { Clock, IdGenerator } from '../clock/index.ts';
import { maskPhone, type Keyring } from '../crypto/index.ts';
import type { Db, Executor } from '../db/database.ts';
import type { SmsDriver } from '../notify/sms.ts';
import { AuthErrors } from './auth.errors.ts';
import { acceptCode, CODE_MIN_INTERVAL_MS, CODE_TTL_MS, issueCode } from './one-time-codes.ts';
import { usersStore } from './users.store.ts';

export type ConfirmationSent = { sentTo: string; expiresInSeconds: number; resendAfterSeconds: number };

export function createConfirmations(deps: { db: Db; keyring: Keyring; clock: Clock; id: IdGenerator; sms: SmsDriver }) {
  const { db, keyring, clock } = deps;
  const phoneOf = async (tx: Executor, userId: string) => {
    const user = await usersStore.findUserById(tx, userId);
    if (!user?.phoneLookup || !user.phoneCipher || user.status !== 'active') throw AuthErrors.AUTH_NO_PHONE();
    return { lookup: user.phoneLookup, phone: keyring.open(user.phoneCipher).toString('utf8') };
  };
  return {
    /** Sends a code for `purpose` to the user's phone; `text` words the message around it. */
    async send(userId: string, purpose: string, text: (code: string) => string, ip?: string): Promise<ConfirmationSent> {
      const { lookup, phone } = await phoneOf(db, userId);
      const code = await issueCode(db, { codeId: deps.id(), phoneLookup: lookup, purpose, now: clock.now(), ip });
      await deps.sms.send({ to: phone, text: text(code) });
      return { sentTo: maskPhone(phone), expiresInSeconds: CODE_TTL_MS / 1000, resendAfterSeconds: CODE_MIN_INTERVAL_MS / 1000 };
    },
    /** Inside the caller's transaction: whether `code` confirms `purpose` for this user (consumed if so). */
    async accept(tx: Executor, userId: string, purpose: string, code: string): Promise<boolean> {
      const { lookup } = await phoneOf(tx, userId);
      return acceptCode(tx, { phoneLookup: lookup, purpose, code, now: clock.now() });
    },
  };
}

export type Confirmations = ReturnType<typeof createConfirmations>;
