// Who may do what with a matter's fees, beyond reading the matter (matter.read, platform/auth/policy.ts).
import type { Actor, MatterFacts } from '../../platform/auth/index.ts';

const takesPart = (actor: Actor, facts: MatterFacts, roles: readonly string[]) => facts.participants.some((p) => p.userId === actor.userId && roles.includes(p.role));

/** Who pays: the matter's parties and their agents (《诉讼费用交纳办法》第二十条: the party who brings the claim or application prepays). */
export const mayPay = (actor: Actor, facts: MatterFacts) => takesPart(actor, facts, ['party', 'agent']);

/** Who decides refunds: the clerk or judge of the matter, or a clerk of its court (court-wide, as for matters). */
export const mayDecideRefund = (actor: Actor, facts: MatterFacts) =>
  takesPart(actor, facts, ['clerk', 'judge']) || (actor.roles.includes('clerk') && actor.courtId === facts.courtId);

/** Who asks for a refund: whoever may pay, or staff who may decide it. */
export const mayRequestRefund = (actor: Actor, facts: MatterFacts) => mayPay(actor, facts) || mayDecideRefund(actor, facts);
