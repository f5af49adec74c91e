// The face of judicial confirmation: the parties' joint application (the judge's review follows).
export { createConfirmationService, type ConfirmationService } from './confirmation.service.ts';
export { confirmationRoutes } from './confirmation.routes.ts';
