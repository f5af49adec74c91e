import { authenticator } from 'otplib';

authenticator.options = { window: 1, step: 30, digits: 6 };

export const generateTotpSecret = () => authenticator.generateSecret(20);

export const totpUri = (secret: string, account: string) => authenticator.keyuri(account, 'OpenCourt', secret);

/** The 30-second step the code matches (within ±1 step), or null. */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = Math.floor(now.getTime() / 30_000);
  for (const step of [current, current - 1, current + 1]) {
    const expected = authenticator.clone({ epoch: step * 30_000, window: 0 }).generate(secret);
    if (expected === code) return step;
  }
  return null;
}

export const totpCodeAt = (secret: string, at: Date) => authenticator.clone({ epoch: at.getTime(), window: 0 }).generate(secret);
