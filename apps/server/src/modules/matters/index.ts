export { createMatterService, type MatterService } from './matters.service.ts';
export { mattersRoutes } from './matters.routes.ts';
