import type { Actor } from './policy.ts';
import type { ResolvedSession } from './sessions.store.ts';

/** The policy's view of a signed-in user: roles, organisation and the court it belongs to. */
export function actorOf(session: ResolvedSession): Actor {
  const u = session.user;
  const courtId = u.organisationKind === 'court' ? u.organisationId : u.organisationParentId;
  return { userId: u.id, roles: u.roles, organisationId: u.organisationId, courtId };
}
