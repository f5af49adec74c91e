// What each role's interface offers. The server decides access; this only chooses what to show.
import type { TRole } from '@opencourt/contracts';

/** Roles whose work is on matters (they hold the `matter.list` permission on the server). */
const MATTER_ROLES: readonly TRole[] = ['party', 'agent', 'coordinator', 'mediator', 'judge', 'clerk', 'appraiser', 'integrator'];
const AUDIT_ROLES: readonly TRole[] = ['sys_admin', 'tech_admin'];
const API_DOC_ROLES: readonly TRole[] = ['integrator', 'tech_admin', 'sys_admin'];
/** Parties get the phone-first card layout; everyone else a dense staff console. */
const CITIZEN_ROLES: readonly TRole[] = ['party'];

const any = (roles: readonly TRole[], allowed: readonly TRole[]) => roles.some((r) => allowed.includes(r));

export const primaryRole = (roles: readonly TRole[]): TRole => roles[0] ?? 'party';
export const seesMatters = (roles: readonly TRole[]) => any(roles, MATTER_ROLES);
export const readsAudit = (roles: readonly TRole[]) => any(roles, AUDIT_ROLES);
export const readsApiDocs = (roles: readonly TRole[]) => any(roles, API_DOC_ROLES);
export const isCitizen = (roles: readonly TRole[]) => CITIZEN_ROLES.includes(primaryRole(roles));
/** Coordinators sort disputes and run the mediator pool; mediators see what they were assigned. */
export const triagesDisputes = (roles: readonly TRole[]) => roles.includes('coordinator');
export const mediates = (roles: readonly TRole[]) => roles.includes('mediator');
export const isStaff = (roles: readonly TRole[]) => roles.some((r) => !CITIZEN_ROLES.includes(r));

export type Entry = 'matters' | 'audit' | 'account' | 'apiDocs' | 'triage' | 'myMediations' | 'filings';

/** Roles that file online (parties and lawyers) or review filings (the court's clerks). */
const FILING_ROLES: readonly TRole[] = ['party', 'agent', 'clerk'];

export const ENTRY_PATHS: Record<Entry, string> = {
  matters: '/matters',
  audit: '/admin/audit',
  account: '/account',
  apiDocs: '/api/docs',
  triage: '/mediation/triage',
  myMediations: '/mediation/mine',
  filings: '/filings',
};

/** The entry points a user's home and navigation offer, in order. */
export function entriesFor(roles: readonly TRole[]): Entry[] {
  const entries: Entry[] = [];
  if (seesMatters(roles)) entries.push('matters');
  if (triagesDisputes(roles)) entries.push('triage');
  if (mediates(roles)) entries.push('myMediations');
  if (readsAudit(roles)) entries.push('audit');
  if (readsApiDocs(roles)) entries.push('apiDocs');
  entries.push('account');
  if (any(roles, FILING_ROLES)) entries.push('filings');
  return entries;
}
