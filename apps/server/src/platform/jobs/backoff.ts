// Retry delays: exponential back-off with "equal jitter", so retries of many jobs that failed together
// (a provider outage) spread out instead of hammering the provider in step.
export type BackoffPolicy = { baseMs: number; maxMs: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 3_600_000 };

/** Delay before the next try after `attempt` (1-based) failed: between half and all of base·2^(attempt-1), capped. */
export function retryDelayMs(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 40)));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
