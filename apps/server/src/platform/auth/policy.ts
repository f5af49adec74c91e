// The access policy: one place decides whether an actor may take an action on a resource. Deny by
// default: a permission not granted here is refused.
import type { MatterRole, Role } from './roles.ts';

export type Actor = {
  userId: string;
  roles: readonly Role[];
  organisationId: string | null;
  /** The court the actor's organisation belongs to (itself, for court staff). */
  courtId: string | null;
};

export type Permission =
  | 'matter.read'
  | 'matter.create'
  | 'matter.update'
  | 'matter.list'
  | 'file.upload'
  | 'file.read'
  | 'audit.read'
  | 'user.manage'
  | 'organisation.read'
  | 'notification.send'
  | 'system.operate'
  /** Open a video room for the matter (and host it). */
  | 'video_room.create'
  /** See every video room of the matter and its record, without being invited. */
  | 'video_room.oversee'
  /** Change a court's own settings (its case type codes, …). */
  | 'court.configure'
  /** Write, publish and withdraw news and legal-education articles (新闻与普法). */
  | 'news.publish'
  /** See the mediation network, the mediator pool and the routing rules of the actor's court. */
  | 'mediation.read'
  /** Edit the network, the mediator pool and the routing rules of the actor's court. */
  | 'mediation.manage'
  /** Triage disputes of the actor's court and assign mediators. */
  | 'mediation.assign'
  /** File a complaint or a preservation application online (网上立案). */
  | 'filing.submit'
  /** Review the court's filing queue: accept, ask for corrections, refuse; decide preservation applications. */
  | 'filing.review';

/** What a resource exposes to the policy: never its content, only the facts access depends on. */
export type MatterFacts = {
  type: 'matter';
  courtId: string;
  filedByOrgId: string | null;
  participants: readonly { userId: string; role: MatterRole }[];
};
/** A court, for its own settings. */
export type CourtFacts = { type: 'court'; courtId: string };
export type Resource = MatterFacts | CourtFacts | { type: 'platform' };

/** Permissions that do not depend on a particular matter. */
const ROLE_GRANTS: Record<Role, readonly Permission[]> = {
  party: ['matter.list', 'matter.create', 'file.upload', 'filing.submit'],
  agent: ['matter.list', 'matter.create', 'file.upload', 'filing.submit'],
  coordinator: ['matter.list', 'matter.create', 'file.upload', 'notification.send', 'mediation.read', 'mediation.manage', 'mediation.assign'],
  mediator: ['matter.list', 'file.upload', 'mediation.read'],
  judge: ['matter.list', 'file.upload', 'notification.send', 'mediation.read'],
  clerk: ['matter.list', 'matter.create', 'file.upload', 'notification.send', 'news.publish', 'mediation.read', 'filing.review'],
  appraiser: ['matter.list', 'file.upload'],
  integrator: ['matter.list', 'matter.create', 'file.upload'],
  analyst: [],
  tech_admin: ['system.operate', 'audit.read', 'news.publish'],
  sys_admin: ['user.manage', 'organisation.read', 'audit.read', 'system.operate'],
};

const COURT_ADMINS: readonly Role[] = ['tech_admin', 'sys_admin'];

/** Court-wide roles see every matter of their own court; the rest only where they take part. */
const COURT_WIDE: readonly Role[] = ['clerk', 'coordinator'];
type MatterAction = 'matter.read' | 'matter.update' | 'file.read' | 'video_room.create' | 'video_room.oversee';
const MATTER_ACTIONS: Record<MatterAction, readonly MatterRole[]> = {
  'matter.read': ['party', 'agent', 'coordinator', 'mediator', 'judge', 'clerk', 'appraiser'],
  'matter.update': ['coordinator', 'mediator', 'judge', 'clerk'],
  // Staff who may change the matter run its video sessions.
  'video_room.create': ['coordinator', 'mediator', 'judge', 'clerk'],
  'video_room.oversee': ['coordinator', 'mediator', 'judge', 'clerk'],
  'file.read': ['party', 'agent', 'coordinator', 'mediator', 'judge', 'clerk', 'appraiser'],
};

export function can(actor: Actor | undefined, action: Permission, resource: Resource = { type: 'platform' }): boolean {
  if (!actor) return false;
  if (resource.type === 'platform') return actor.roles.some((r) => ROLE_GRANTS[r].includes(action));
  if (resource.type === 'court') {
    // A court's administrators configure their own court, never another.
    return action === 'court.configure' && actor.courtId === resource.courtId && actor.roles.some((r) => COURT_ADMINS.includes(r));
  }
  if (!(action in MATTER_ACTIONS)) return false;
  const allowedParts = MATTER_ACTIONS[action as MatterAction];
  if (resource.participants.some((p) => p.userId === actor.userId && allowedParts.includes(p.role))) return true;
  if (actor.courtId === resource.courtId && actor.roles.some((r) => COURT_WIDE.includes(r))) return true;
  if (action === 'matter.read' && actor.roles.includes('integrator') && actor.organisationId && resource.filedByOrgId === actor.organisationId) {
    return true;
  }
  return false;
}

/**
 * The same rule as `can(actor, 'matter.read', …)`, as a scope a store turns into one SQL filter, so
 * lists are filtered in one query instead of one check per row.
 */
export type MatterScope = { participantUserId: string; courtWideCourtId: string | null; filedByOrgId: string | null };

export function matterReadScope(actor: Actor | undefined): MatterScope | null {
  if (!actor) return null;
  return {
    participantUserId: actor.userId,
    courtWideCourtId: actor.courtId && actor.roles.some((r) => COURT_WIDE.includes(r)) ? actor.courtId : null,
    filedByOrgId: actor.roles.includes('integrator') ? actor.organisationId : null,
  };
}
