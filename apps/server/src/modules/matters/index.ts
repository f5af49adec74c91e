export { createMatterService, type MatterService, type MatterServiceDeps } from './matters.service.ts';
export { mattersRoutes } from './matters.routes.ts';
export { createCaseNumbers, filingYear, type CaseNumbers } from './case-numbers.service.ts';
export { formatCaseNumber, parseCaseNumber, DEFAULT_CASE_TYPES } from './case-number.rules.ts';
export { addMatterParticipants } from './participants.add.ts';
export { checkAreaCode, type AreaCheck } from './areas.rules.ts';
export { maskIdNumber } from './parties.rules.ts';
export { createOverdueJob, OVERDUE_JOB, OVERDUE_SCHEDULE } from './matters.jobs.ts';
export { PARTY_TIMELINE_EVENTS } from './matters.views.ts';
