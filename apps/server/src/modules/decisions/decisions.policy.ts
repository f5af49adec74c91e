// Who may do what with a matter's decisions, beyond reading the matter (matter.read, platform/auth/policy.ts).
import { can, type Actor, type MatterFacts } from '../../platform/auth/index.ts';

const takesPart = (actor: Actor, facts: MatterFacts, role: string) => facts.participants.some((p) => p.userId === actor.userId && p.role === role);

/** The court's judge or clerk who may change the matter records its decisions, their service and appeals. */
export const mayRecordDecision = (actor: Actor, facts: MatterFacts) =>
  can(actor, 'matter.update', facts) && actor.roles.some((r) => r === 'judge' || r === 'clerk');

/** A party of the matter issues a certificate to themselves. */
export const mayIssueCertificate = (actor: Actor, facts: MatterFacts) => takesPart(actor, facts, 'party');

/** Staff who record decisions see every certificate issued; a party sees their own. */
export const maySeeCertificate = (actor: Actor, facts: MatterFacts, issuedTo: string) => issuedTo === actor.userId || mayRecordDecision(actor, facts);
