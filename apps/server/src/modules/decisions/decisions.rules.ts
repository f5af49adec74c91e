// When a decision takes effect, from the Civil Procedure Law (2023):
// - art. 171: a first-instance judgment may be appealed within 15 days of its service, a ruling (of the
//   kinds art. 157 para. 2 makes appealable) within 10 days; art. 158: it takes effect when the period
//   has passed without an appeal. With several parties each period runs from that party's own service,
//   so the decision takes effect the day after the last of them ends.
// - art. 85: the day of service is not counted; a period ending on a statutory rest day ends on the
//   first working day after it.
// - art. 100: a mediation statement takes effect once every party has signed for it.
// - art. 158: a ruling no one may appeal (and a judicial confirmation ruling, art. 206) takes effect on
//   service; with several parties, once served on all of them.
// An appeal recorded by the court stops the decision taking effect. The effective date is computed here,
// never typed.
import type { TDecisionEffect, TDecisionKind } from '@opencourt/contracts';
import { addDays, nextWorkingDay, type IsoDate, type RestDayCalendar } from '../risk/index.ts';

export const DECISION_KIND_NAMES: Record<TDecisionKind, string> = {
  judgment: '民事判决书',
  ruling_appealable: '民事裁定书（可上诉）',
  ruling_final: '民事裁定书（不可上诉）',
  mediation_statement: '民事调解书',
  confirmation_ruling: '民事裁定书（司法确认）',
};

/** Days to appeal (art. 171), for the kinds that may be appealed. */
export const APPEAL_DAYS: Partial<Record<TDecisionKind, number>> = { judgment: 15, ruling_appealable: 10 };

export const isAppealable = (kind: TDecisionKind) => APPEAL_DAYS[kind] !== undefined;

const BASIS: Record<TDecisionKind, string> = {
  judgment: '《中华人民共和国民事诉讼法》第八十五条、第一百五十八条、第一百七十一条第一款',
  ruling_appealable: '《中华人民共和国民事诉讼法》第八十五条、第一百五十七条第二款、第一百五十八条、第一百七十一条第二款',
  ruling_final: '《中华人民共和国民事诉讼法》第一百五十八条',
  mediation_statement: '《中华人民共和国民事诉讼法》第一百条第三款',
  confirmation_ruling: '《中华人民共和国民事诉讼法》第一百五十八条、第二百零六条',
};

export type EffectFacts = {
  kind: TDecisionKind;
  decidedOn: IsoDate;
  /** The matter's parties, each of whom must be served. */
  partyIds: readonly string[];
  /** Service dates as calendar days in China (Asia/Shanghai). */
  services: readonly { partyUserId: string; servedOn: IsoDate }[];
  appeals: readonly { partyUserId: string; filedOn: IsoDate }[];
};

/** The last day a party served on `servedOn` may appeal (art. 171 with art. 85). */
export function lastDayToAppeal(kind: TDecisionKind, servedOn: IsoDate, calendar: RestDayCalendar): IsoDate | undefined {
  const days = APPEAL_DAYS[kind];
  return days === undefined ? undefined : nextWorkingDay(addDays(servedOn, days), calendar);
}

/** Whether the decision has taken effect by `today`, when it will, or why it cannot yet be known. */
export function decisionEffect(facts: EffectFacts, today: IsoDate, calendar: RestDayCalendar): TDecisionEffect {
  const basis = BASIS[facts.kind];
  const name = DECISION_KIND_NAMES[facts.kind].replace(/（.*）$/, '');
  if (facts.appeals.length > 0) {
    return { status: 'appealed', effectiveOn: null, basis, reason: `当事人已提起上诉，该${name}尚未发生法律效力` };
  }
  const servedOn = new Map(facts.services.map((s) => [s.partyUserId, s.servedOn]));
  const unserved = facts.partyIds.filter((p) => !servedOn.has(p));
  if (facts.partyIds.length === 0 || unserved.length > 0) {
    const what = facts.kind === 'mediation_statement' ? '尚未经全部当事人签收' : '尚未送达全部当事人';
    return { status: 'unserved', effectiveOn: null, basis, reason: `该${name}${what}，尚未发生法律效力` };
  }
  const dates = facts.partyIds.map((p) => servedOn.get(p)!);
  const lastServed = dates.reduce((a, b) => (a >= b ? a : b));
  let effectiveOn: IsoDate;
  if (isAppealable(facts.kind)) {
    const lastDays = dates.map((d) => lastDayToAppeal(facts.kind, d, calendar)!);
    effectiveOn = addDays(lastDays.reduce((a, b) => (a >= b ? a : b)), 1);
  } else {
    effectiveOn = lastServed;
  }
  if (effectiveOn <= today) return { status: 'effective', effectiveOn, basis, reason: null };
  return { status: 'appeal_period', effectiveOn, basis, reason: `上诉期尚未届满，预计 ${effectiveOn} 生效` };
}

export type ServiceProblem = 'before-decision' | 'in-future' | 'not-a-party' | 'already-served' | 'duplicate';

/** What is wrong with recording a service of the decision on a party, if anything. */
export function serviceProblem(
  s: { partyUserId: string; servedOn: IsoDate },
  ctx: { decidedOn: IsoDate; today: IsoDate; partyIds: readonly string[]; servedPartyIds: ReadonlySet<string> },
): ServiceProblem | undefined {
  if (!ctx.partyIds.includes(s.partyUserId)) return 'not-a-party';
  if (ctx.servedPartyIds.has(s.partyUserId)) return 'already-served';
  if (s.servedOn < ctx.decidedOn) return 'before-decision';
  if (s.servedOn > ctx.today) return 'in-future';
  return undefined;
}

export const SERVICE_PROBLEM_TEXT: Record<ServiceProblem, string> = {
  'before-decision': '送达日期不能早于文书作出日期',
  'in-future': '送达时间不能晚于当前时间',
  'not-a-party': '该用户不是本案当事人',
  'already-served': '已记录过对该当事人的送达',
  duplicate: '同一当事人只能填写一条送达记录',
};

export type AppealProblem = 'not-appealable' | 'not-a-party' | 'not-served' | 'before-service' | 'period-over' | 'in-future';

/** Art. 171: only appealable decisions, by a party served with it, within that party's period. */
export function appealProblem(
  a: { partyUserId: string; filedOn: IsoDate },
  ctx: { kind: TDecisionKind; today: IsoDate; partyIds: readonly string[]; servedOn: IsoDate | undefined },
  calendar: RestDayCalendar,
): AppealProblem | undefined {
  if (!isAppealable(ctx.kind)) return 'not-appealable';
  if (!ctx.partyIds.includes(a.partyUserId)) return 'not-a-party';
  if (a.filedOn > ctx.today) return 'in-future';
  if (!ctx.servedOn) return 'not-served';
  if (a.filedOn < ctx.servedOn) return 'before-service';
  if (a.filedOn > lastDayToAppeal(ctx.kind, ctx.servedOn, calendar)!) return 'period-over';
  return undefined;
}

export const APPEAL_PROBLEM_TEXT: Record<AppealProblem, string> = {
  'not-appealable': '该文书依法不准上诉（调解书、不可上诉的裁定书和司法确认裁定书送达即生效）',
  'not-a-party': '该用户不是本案当事人',
  'not-served': '该文书尚未送达该当事人',
  'before-service': '上诉日期不能早于送达日期',
  'period-over': '上诉日期已超过该当事人的上诉期间（《民事诉讼法》第一百七十一条）',
  'in-future': '上诉日期不能晚于今天',
};

/** A calendar day in China for an instant (service dates are counted in China's days). */
export { chinaDate } from '../../platform/clock/index.ts';
