// Pure rules of judicial confirmation of a mediation agreement (司法确认): the joint application within
// thirty days of the agreement taking effect (民事诉讼法 art. 205, 人民调解法 art. 33), the court's
// fifteen days to decide (司法确认规定 art. 5), and the grounds to refuse to accept (民诉法解释 art. 355)
// or to dismiss (art. 358). Periods count from the day after (民事诉讼法 art. 85); a last day on a rest
// day moves to the next working day.
import { addDays, nextWorkingDay, type IsoDate, type RestDayCalendar } from '../risk/index.ts';

export const APPLICATION_DAYS = 30;
export const REVIEW_DAYS = 15;
export const REVIEW_EXTENSION_DAYS = 10;

/** The last day both parties may apply: thirty days after the agreement took effect. */
export const applicationLastDay = (agreementEffectiveOn: IsoDate, calendar: RestDayCalendar): IsoDate => nextWorkingDay(addDays(agreementEffectiveOn, APPLICATION_DAYS), calendar);

/** The last day the court decides, counted from acceptance, with the president's extension when granted. */
export const reviewLastDay = (acceptedOn: IsoDate, calendar: RestDayCalendar, extended = false): IsoDate =>
  nextWorkingDay(addDays(acceptedOn, REVIEW_DAYS + (extended ? REVIEW_EXTENSION_DAYS : 0)), calendar);

export type ApplicationRefusal = 'agreement-not-in-force' | 'too-late' | 'not-a-party' | 'already-applied';

/** Why this party may not join the application now, or null. */
export function applicationRefusal(input: {
  agreementStatus: string;
  agreementEffectiveOn: IsoDate | null;
  today: IsoDate;
  calendar: RestDayCalendar;
  partyIds: readonly string[];
  appliedIds: readonly string[];
  userId: string;
}): ApplicationRefusal | null {
  if (input.agreementStatus !== 'signed' || !input.agreementEffectiveOn) return 'agreement-not-in-force';
  if (!input.partyIds.includes(input.userId)) return 'not-a-party';
  if (input.appliedIds.includes(input.userId)) return 'already-applied';
  if (input.today > applicationLastDay(input.agreementEffectiveOn, input.calendar)) return 'too-late';
  return null;
}

/** The application is joint (共同申请): it reaches the court only once every party has applied. */
export const jointlyApplied = (partyIds: readonly string[], appliedIds: readonly string[]) => partyIds.length >= 2 && partyIds.every((id) => appliedIds.includes(id));

/** 民诉法解释 art. 355: the court does not accept (or, once accepted, dismisses) these applications. */
export const NOT_ACCEPTABLE = {
  'outside-court-scope': '不属于人民法院受理范围',
  'outside-jurisdiction': '不属于收到申请的人民法院管辖',
  'status-relationship': '申请确认婚姻关系、亲子关系、收养关系等身份关系无效、有效或者解除',
  'other-special-procedure': '涉及适用其他特别程序、公示催告程序、破产程序审理',
  'title-to-property-or-ip': '调解协议内容涉及物权、知识产权确权',
} as const;

/** 民诉法解释 art. 358 (and 司法确认规定 art. 7): the grounds to dismiss after review. */
export const DISMISSAL_GROUNDS = {
  'mandatory-law': '违反法律强制性规定',
  'public-or-third-party-interest': '损害国家利益、社会公共利益、他人合法权益',
  'public-order': '违背公序良俗',
  'not-voluntary': '违反自愿原则',
  'unclear-content': '内容不明确',
  other: '其他不能进行司法确认的情形',
} as const;

export type RulingGround = keyof typeof NOT_ACCEPTABLE | keyof typeof DISMISSAL_GROUNDS;

/** The ruling's legal basis as printed on it. */
export function rulingBasis(outcome: 'confirmed' | 'dismissed', ground?: RulingGround): string {
  if (outcome === 'confirmed') return '《中华人民共和国民事诉讼法》第二百零五条、第二百零六条';
  if (ground && ground in NOT_ACCEPTABLE) return '《中华人民共和国民事诉讼法》第二百零六条，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十五条';
  return '《中华人民共和国民事诉讼法》第二百零六条，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十八条';
}
