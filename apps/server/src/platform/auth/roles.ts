export const ROLES = [
  'party',
  'agent',
  'coordinator',
  'mediator',
  'judge',
  'clerk',
  'appraiser',
  'integrator',
  'analyst',
  'tech_admin',
  'sys_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Parties sign in with a phone and a one-time code; everyone else is staff, with a password and TOTP. */
export const PARTY_ROLES: readonly Role[] = ['party'];
export const isStaff = (roles: readonly Role[]) => roles.some((r) => !PARTY_ROLES.includes(r));

export const ORGANISATION_KINDS = ['court', 'mediation_org', 'law_firm', 'institution', 'appraisal_institution', 'partner_agency'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The part a user plays in one matter. */
export const MATTER_ROLES = ['party', 'agent', 'coordinator', 'mediator', 'judge', 'clerk', 'appraiser'] as const;
export type MatterRole = (typeof MATTER_ROLES)[number];
