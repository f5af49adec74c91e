// Who may do what with filing and preservation applications (permissions in platform/auth/policy.ts).
import { can, type Actor } from '../../platform/auth/index.ts';

/** A party or their lawyer files (《民事诉讼法》第一百二十二条、在线诉讼规则第九条). */
export const mayFile = (actor: Actor) => can(actor, 'filing.submit');

/** A filing clerk decides applications made to their own court, never another's. */
export const mayReview = (actor: Actor, courtId: string) => can(actor, 'filing.review') && actor.courtId === courtId;

/** The filer, and the clerks of the court it was filed with, see an application; nobody else. */
export const mayRead = (actor: Actor, app: { filerId: string; courtId: string }) => actor.userId === app.filerId || mayReview(actor, app.courtId);

/** As what the filer takes part in the matter: a lawyer as agent, anyone else as party. */
export const filerRoleOf = (actor: Actor): 'party' | 'agent' => (actor.roles.includes('agent') ? 'agent' : 'party');
