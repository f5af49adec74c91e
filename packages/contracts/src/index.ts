export * from './common.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './matters.ts';
export * from './files.ts';
export * from './notifications.ts';
export * from './realtime.ts';
export * from './ledger.ts';
