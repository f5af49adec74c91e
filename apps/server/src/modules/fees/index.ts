export { feesRoutes } from './fees.routes.ts';
export { estimateFee } from './fees.rules.ts';
export { formatYuan, parseYuan } from './fees.money.ts';
export { createFeeSchedule, DEFAULT_FEE_SCHEDULE, type FeeSchedule } from './fees.schedule.ts';
