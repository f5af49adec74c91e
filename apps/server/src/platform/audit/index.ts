export { auditPlugin, outcomeOf, type AuditRouteConfig } from './audit.plugin.ts';
export { auditRoutes } from './audit.routes.ts';
export { auditStore } from './audit.store.ts';
