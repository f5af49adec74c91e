// Six-digit codes sent by SMS, for signing in and for confirming an act (signing an agreement, a
// transcript): how often one may be sent, how long it lives, how many guesses it allows. Kept in the
// database, so the limits hold across processes; only a hash of each code is stored.
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../db/database.ts';
import { AuthErrors } from './auth.errors.ts';
import { hashCode, oneTimeCodesStore } from './one-time-codes.store.ts';

export const CODE_TTL_MS = 5 * 60_000;
export const CODE_MIN_INTERVAL_MS = 60_000;
const CODES_PER_DAY = 10;
const CODE_MAX_ATTEMPTS = 5;

/** A new code for this phone (by its lookup hash) and purpose, or AUTH_CODE_TOO_SOON. */
export async function issueCode(db: Executor, input: { codeId: string; phoneLookup: string; purpose: string; now: Date; ip?: string }): Promise<string> {
  const { now } = input;
  const recent = await oneTimeCodesStore.sentSince(db, input.phoneLookup, input.purpose, new Date(now.getTime() - 24 * 3600_000));
  const last = recent[0];
  if (last && now.getTime() - last.createdAt.getTime() < CODE_MIN_INTERVAL_MS) {
    const wait = Math.ceil((CODE_MIN_INTERVAL_MS - (now.getTime() - last.createdAt.getTime())) / 1000);
    throw AuthErrors.AUTH_CODE_TOO_SOON(`请 ${wait} 秒后再试`, { extra: { retryAfterSeconds: wait } });
  }
  if (recent.length >= CODES_PER_DAY) throw AuthErrors.AUTH_CODE_TOO_SOON('今日验证码次数已用完');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await oneTimeCodesStore.insert(db, {
    id: input.codeId,
    phoneLookup: input.phoneLookup,
    purpose: input.purpose,
    codeHash: hashCode(input.codeId, code),
    expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    ip: input.ip,
    createdAt: now,
  });
  return code;
}

/** Whether `code` is the newest open code for this phone and purpose; consumes it if so, counts a wrong guess if not. */
export async function acceptCode(tx: Executor, input: { phoneLookup: string; purpose: string; code: string; now: Date }): Promise<boolean> {
  const open = await oneTimeCodesStore.latestOpen(tx, input.phoneLookup, input.purpose, input.now);
  if (!open || open.attempts >= CODE_MAX_ATTEMPTS) return false;
  const given = Buffer.from(hashCode(open.id, input.code));
  const expected = Buffer.from(open.codeHash);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    await oneTimeCodesStore.countAttempt(tx, open.id);
    return false;
  }
  await oneTimeCodesStore.consume(tx, open.id, input.now);
  return true;
}
