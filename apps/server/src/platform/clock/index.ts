import { randomUUID } from 'node:crypto';

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

export type IdGenerator = () => string;
export const uuid: IdGenerator = () => randomUUID();
