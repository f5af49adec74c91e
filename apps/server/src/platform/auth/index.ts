export { createAuthService, type AuthService, type AuthSettings } from './auth.service.ts';
export { authPlugin, authorize, requireActor, requireSession, SESSION_COOKIE, CSRF_COOKIE, CSRF_HEADER } from './auth.plugin.ts';
export { authRoutes } from './auth.routes.ts';
export { can, matterReadScope, type Actor, type Permission, type Resource, type MatterFacts, type MatterScope } from './policy.ts';
export { ROLES, MATTER_ROLES, ORGANISATION_KINDS, isStaff, type Role, type MatterRole, type OrganisationKind } from './roles.ts';
export { createUser, type CreateUserInput } from './users.service.ts';
export { usersStore } from './users.store.ts';
export { totpCodeAt } from './totp.ts';
