// The face of mediation agreements: the service (built with the platform's services) and its routes.
export { createAgreementService, type AgreementService, type AgreementDeps, type AgreementMatters, type AgreementFacts } from './agreements.service.ts';
export { agreementsRoutes } from './agreements.routes.ts';
