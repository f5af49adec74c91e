// Which questions each kind of fee asks, following 《诉讼费用交纳办法》: amounts where the fee depends on
// one, and the halving, appeal and counterclaim options only for case acceptance fees.
import type { TFeeKind } from '@opencourt/contracts';

export const CASE_KINDS = ['property', 'divorce', 'personality', 'ip', 'labour', 'administrative', 'non-property', 'jurisdiction-objection'] as const satisfies readonly TFeeKind[];
export const APPLICATION_KINDS = ['execution', 'preservation', 'payment-order', 'public-summons', 'arbitration', 'bankruptcy'] as const satisfies readonly TFeeKind[];

// Every kind is in exactly one list (checked by the compiler).
type Missing = Exclude<TFeeKind, (typeof CASE_KINDS)[number] | (typeof APPLICATION_KINDS)[number]>;
const complete: Missing extends never ? true : never = true;
void complete;

/** Kinds whose fee depends on an amount; `required` where the Decree needs one (a property claim, a payment order). */
export const AMOUNT = {
  property: { required: true },
  divorce: { required: false },
  personality: { required: false },
  ip: { required: false },
  execution: { required: false },
  preservation: { required: false },
  'payment-order': { required: true },
  bankruptcy: { required: false },
} as const satisfies Partial<Record<TFeeKind, { required: boolean }>>;
export type AmountKind = keyof typeof AMOUNT;
export const isAmountKind = (kind: TFeeKind): kind is AmountKind => kind in AMOUNT;

/** Simplified procedure, mediation and withdrawal halve case acceptance fees (arts. 15, 16), not a jurisdiction objection's. */
export const hasProcedure = (kind: TFeeKind) => (CASE_KINDS as readonly string[]).includes(kind) && kind !== 'jurisdiction-objection';
export const hasAppeal = (kind: TFeeKind) => (CASE_KINDS as readonly string[]).includes(kind);
/** Art. 18: a counterclaim or an independent third-party claim; administrative cases have neither. */
export const hasCounterclaim = (kind: TFeeKind) => hasProcedure(kind) && kind !== 'administrative';
