export { riskRoutes } from './risk.routes.ts';
export { createRiskService, type RiskService } from './risk.service.ts';
export { MATTER_CLOSED_EVENT } from './risk.store.ts';
export { addDays, CHINA_REST_DAYS, isRestDay, nextWorkingDay, parseIsoDate, type IsoDate, type RestDayCalendar } from './calendar.ts';
