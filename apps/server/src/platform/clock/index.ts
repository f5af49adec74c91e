import { randomUUID } from 'node:crypto';

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

export type IdGenerator = () => string;
export const uuid: IdGenerator = () => randomUUID();

/**
 * The calendar day (YYYY-MM-DD) a moment falls on in China (UTC+8 all year, no daylight saving): the
 * day courts count periods from and documents are dated by.
 */
export const chinaDate = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
