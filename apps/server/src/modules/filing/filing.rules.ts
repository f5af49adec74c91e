// Pure rules of online filing and preservation: states and transitions, the correction deadline, the
// fee requests the Decree prices, and the guarantee rule of property preservation. No I/O, no clock.
import type { TFeeEstimateRequest, TFilingClaim, TFilingStatus, TGuaranteeExemption, TGuaranteeKind, TPreservationStage } from '@opencourt/contracts';
import { ZFeeEstimateRequest } from '@opencourt/contracts';
import type { FieldError } from '../../platform/http/index.ts';

export const claimsTotal = (claims: readonly Pick<TFilingClaim, 'amountFen'>[]) => claims.reduce((sum, c) => sum + (c.amountFen ?? 0), 0);

/**
 * The acceptance fee request for a complaint: a property case on the claims' total (《诉讼费用交纳办法》
 * 第十三条第一项), or a non-property case when no sum is claimed (第十三条第二项第三目).
 */
export function acceptanceFeeRequest(totalFen: number): TFeeEstimateRequest {
  return ZFeeEstimateRequest.parse(totalFen > 0 ? { kind: 'property', amountFen: totalFen } : { kind: 'non-property' });
}

/** The preservation application fee on the amount to preserve (第十四条第二项, capped at 5,000 yuan). */
export const preservationFeeRequest = (amountFen: number): TFeeEstimateRequest => ZFeeEstimateRequest.parse({ kind: 'preservation', amountFen });

export type FilingAction = 'accept' | 'correct' | 'refuse' | 'resubmit' | 'lapse';

/**
 * Which actions each state allows. A clerk decides a submitted application (accept, ask for a
 * correction, refuse: 在线诉讼规则第九条); an application awaiting correction is resubmitted by the
 * filer or lapses when its deadline passes (登记立案规定第七条). Accepted, refused and lapsed are final.
 */
const TRANSITIONS: Record<TFilingStatus, Partial<Record<FilingAction, TFilingStatus>>> = {
  submitted: { accept: 'accepted', correct: 'correction', refuse: 'refused' },
  correction: { resubmit: 'submitted', lapse: 'lapsed' },
  accepted: {},
  refused: {},
  lapsed: {},
};

export const nextStatus = (status: TFilingStatus, action: FilingAction): TFilingStatus | undefined => TRANSITIONS[status][action];

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * The end of a correction period of `days` days: periods start the day after notice and end at the end
 * of their last day (《民事诉讼法》第八十五条), in Beijing time, so a notice at 23:30 in Beijing gives the
 * same last day as one at 09:00.
 */
export function correctionDeadline(noticeAt: Date, days: number): Date {
  const beijingDay = Math.floor((noticeAt.getTime() + BEIJING_OFFSET_MS) / DAY_MS);
  return new Date((beijingDay + days + 1) * DAY_MS - BEIJING_OFFSET_MS);
}

export const isOverdue = (deadline: Date | null, now: Date) => !!deadline && now.getTime() >= deadline.getTime();

/** Whole days since submission, for the queue's age filter and the 7-day rule of art. 126. */
export const ageInDays = (submittedAt: Date, now: Date) => Math.floor((now.getTime() - submittedAt.getTime()) / DAY_MS);

/** Masks an identity number for views: the first 3 and last 4 characters stay. */
export const maskIdNumber = (n: string) => (n.length <= 7 ? '*'.repeat(n.length) : `${n.slice(0, 3)}${'*'.repeat(n.length - 7)}${n.slice(-4)}`);

export type GuaranteeInput = { kind: TGuaranteeKind; amountFen: number; exemption?: TGuaranteeExemption | undefined };

/**
 * The guarantee rule of property preservation:
 * - before litigation the applicant must give a guarantee (《民事诉讼法》第一百零四条: without one the
 *   application is rejected) equal to the amount to preserve (财产保全规定第五条第二款);
 * - in litigation the court may require one (《民事诉讼法》第一百零三条第二款) of at most 30% of the
 *   amount (财产保全规定第五条第一款), or waive it in the cases of 第九条; the applicant may offer one.
 * Returns the field problems; none means the guarantee is acceptable.
 */
export function guaranteeProblems(stage: TPreservationStage, amountFen: number, g: GuaranteeInput): FieldError[] {
  const at = (f: string, detail: string): FieldError => ({ pointer: `/body/guarantee/${f}`, detail });
  const problems: FieldError[] = [];
  if (g.kind === 'none') {
    if (g.amountFen !== 0) problems.push(at('amountFen', '未提供担保时担保数额应为 0'));
    if (stage === 'pre-litigation') problems.push(at('kind', '诉前保全必须提供担保（《民事诉讼法》第一百零四条）'));
  } else {
    if (g.amountFen <= 0) problems.push(at('amountFen', '请填写担保数额'));
    if (g.exemption) problems.push(at('exemption', '已提供担保的，无需申请免予担保'));
    if (stage === 'pre-litigation' && g.amountFen > 0 && g.amountFen < amountFen) {
      problems.push(at('amountFen', `诉前保全的担保应相当于请求保全数额 ${amountFen} 分（财产保全规定第五条第二款）`));
    }
  }
  if (stage === 'pre-litigation' && g.exemption) problems.push(at('exemption', '免予担保仅适用于诉讼中的保全（财产保全规定第九条）'));
  return problems;
}

/** The most a court may require as guarantee for an in-litigation preservation: 30% of the amount (第五条第一款), rounded up to the fen. */
export const maxRequirableGuaranteeFen = (amountFen: number) => Math.ceil((amountFen * 3) / 10);
