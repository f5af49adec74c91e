export { createMatterService, type MatterService } from './matters.service.ts';
export { mattersRoutes } from './matters.routes.ts';
export { createCaseNumbers, filingYear, type CaseNumbers } from './case-numbers.service.ts';
export { formatCaseNumber, parseCaseNumber, DEFAULT_CASE_TYPES } from './case-number.rules.ts';
export { addMatterParticipants } from './participants.add.ts';
