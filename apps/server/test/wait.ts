import { pino } from 'pino';

// Waiting for something another process or connection does, without fixed sleeps.
export async function waitFor<T>(check: () => T | Promise<T>, opts: { timeoutMs?: number; everyMs?: number; what?: string } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${opts.what ?? 'a condition'}`);
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 10));
  }
}

/** A logger for platform parts tested outside an app; LOG_LEVEL=debug shows what they say. */
export const testLog = () => pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
