export { riskRoutes } from './risk.routes.ts';
export { createRiskService, type RiskService } from './risk.service.ts';
export { MATTER_CLOSED_EVENT } from './risk.store.ts';
