// The limitation period (诉讼时效) of a civil claim from the facts a party gives, under the Civil Code:
// three years from when the right-holder knew of the harm and the obligor (art. 188), four for
// international sale of goods and technology import/export contracts (art. 594); other starts for
// instalments (art. 189), claims against a legal representative (art. 190) and sexual abuse of a
// minor (art. 191); suspension in the last six months (art. 194); interruption (art. 195); claims
// with no limitation (art. 196); the twenty-year cap (art. 188 ¶2); and civil-law date arithmetic
// (arts. 200–203). Pure: every conclusion comes with the article it rests on.
import { addMonths, addYears, daysBetween, isRestDay, maxDate, minDate, nextWorkingDay, type IsoDate, type RestDayCalendar } from './calendar.ts';

export type ClaimKind =
  | 'general'
  | 'international-sale' // art. 594
  | 'technology-import-export' // art. 594
  | 'stop-infringement' // art. 196 (1)
  | 'property-return' // art. 196 (2): real rights in immovables and registered movables
  | 'support-payment' // art. 196 (3): 抚养费、赡养费、扶养费
  | 'labour-arbitration'; // 劳动争议调解仲裁法 art. 27: one year to apply for labour arbitration

export type InterruptionKind = 'demand' | 'acknowledgement' | 'suit' | 'arbitration' | 'equivalent';
export type SuspensionCause = 'force-majeure' | 'no-legal-representative' | 'inheritance-unsettled' | 'controlled' | 'other';

export type LimitationFacts = {
  claim: ClaimKind;
  /** When the right-holder knew or should have known of the harm and who the obligor is (art. 188). */
  knewOn?: IsoDate;
  /** When the right was harmed: the twenty-year cap runs from it (art. 188 ¶2). */
  harmedOn?: IsoDate;
  /** The due date of the last instalment of a debt agreed to be paid in instalments (art. 189). */
  lastInstalmentDueOn?: IsoDate;
  /** A claim of a person without full capacity against their legal representative: when that ended (art. 190). */
  representationEndedOn?: IsoDate;
  /** Damages for sexual abuse suffered as a minor: the victim's date of birth (art. 191). */
  minorVictimBornOn?: IsoDate;
  /** Demands, acknowledgements, suits, arbitrations (art. 195); for a suit or arbitration, when it ended, if it has. */
  interruptions?: readonly { on: IsoDate; kind: InterruptionKind; proceedingsEndedOn?: IsoDate }[];
  /** Obstacles to claiming (art. 194); `until` absent while the obstacle lasts. */
  obstacles?: readonly { from: IsoDate; until?: IsoDate; cause: SuspensionCause }[];
};

/** suspended: an obstacle lasts (art. 194); interrupted: a suit or arbitration is pending (art. 195). */
export type LimitationStatus = 'not-applicable' | 'running' | 'near' | 'expired' | 'suspended' | 'interrupted' | 'pending';
export type LimitationStep = { text: string; basis: string };
export type LimitationResult = {
  status: LimitationStatus;
  years: number | null;
  /** The day the period runs from (its first day is the next day, art. 201). */
  runsFrom: IsoDate | null;
  /** The period's last day, after every rule; null when none applies or while suspended. */
  lastDay: IsoDate | null;
  daysLeft: number | null;
  steps: LimitationStep[];
};

/** Warn when less than this many days remain: art. 194 makes the last six months the critical ones. */
export const NEAR_DAYS = 183;

const CODE = '《中华人民共和国民法典》';
const LABOUR = '《中华人民共和国劳动争议调解仲裁法》';
const NO_LIMITATION: Partial<Record<ClaimKind, { item: string; what: string }>> = {
  'stop-infringement': { item: '第一项', what: '请求停止侵害、排除妨碍、消除危险' },
  'property-return': { item: '第二项', what: '不动产物权和登记的动产物权的权利人请求返还财产' },
  'support-payment': { item: '第三项', what: '请求支付抚养费、赡养费或者扶养费' },
};
const INTERRUPTION_TEXT: Record<InterruptionKind, string> = {
  demand: '权利人向义务人提出履行请求',
  acknowledgement: '义务人同意履行义务',
  suit: '权利人提起诉讼',
  arbitration: '权利人申请仲裁',
  equivalent: '与提起诉讼或者申请仲裁具有同等效力的情形',
};
const INTERRUPTION_ITEM: Record<InterruptionKind, string> = { demand: '第一项', acknowledgement: '第二项', suit: '第三项', arbitration: '第三项', equivalent: '第四项' };

/** Where the period starts running, by the most specific rule the facts give. */
function startOf(facts: LimitationFacts): { runsFrom: IsoDate; step: LimitationStep } | undefined {
  if (facts.minorVictimBornOn) {
    const adult = addYears(facts.minorVictimBornOn, 18);
    return { runsFrom: adult, step: { text: `未成年人遭受性侵害的损害赔偿请求权，自受害人年满十八周岁之日（${adult}）起计算`, basis: `${CODE}第一百九十一条` } };
  }
  if (facts.representationEndedOn) {
    return { runsFrom: facts.representationEndedOn, step: { text: `对法定代理人的请求权，自法定代理终止之日（${facts.representationEndedOn}）起计算`, basis: `${CODE}第一百九十条` } };
  }
  if (facts.lastInstalmentDueOn) {
    return { runsFrom: facts.lastInstalmentDueOn, step: { text: `同一债务分期履行，自最后一期履行期限届满之日（${facts.lastInstalmentDueOn}）起计算`, basis: `${CODE}第一百八十九条` } };
  }
  if (facts.knewOn) {
    return { runsFrom: facts.knewOn, step: { text: `自权利人知道或者应当知道权利受到损害以及义务人之日（${facts.knewOn}）起计算`, basis: `${CODE}第一百八十八条第二款` } };
  }
  return undefined;
}

export function assessLimitation(facts: LimitationFacts, today: IsoDate, calendar: RestDayCalendar): LimitationResult {
  const steps: LimitationStep[] = [];
  const none = (status: LimitationStatus): LimitationResult => ({ status, years: null, runsFrom: null, lastDay: null, daysLeft: null, steps });

  const exempt = NO_LIMITATION[facts.claim];
  if (exempt) {
    steps.push({ text: `${exempt.what}，不适用诉讼时效的规定`, basis: `${CODE}第一百九十六条${exempt.item}` });
    return none('not-applicable');
  }
  const labour = facts.claim === 'labour-arbitration';
  const years = facts.claim === 'international-sale' || facts.claim === 'technology-import-export' ? 4 : labour ? 1 : 3;
  steps.push(
    labour
      ? { text: '劳动争议申请仲裁的时效期间为一年，从当事人知道或者应当知道其权利被侵害之日起计算', basis: `${LABOUR}第二十七条第一款` }
      : years === 4
      ? { text: `因${facts.claim === 'international-sale' ? '国际货物买卖合同' : '技术进出口合同'}争议提起诉讼的时效期间为四年`, basis: `${CODE}第五百九十四条` }
      : { text: '向人民法院请求保护民事权利的诉讼时效期间为三年', basis: `${CODE}第一百八十八条第一款` },
  );
  const start = startOf(facts);
  if (!start) {
    steps.push({ text: '尚未知道权利受到损害或者义务人，诉讼时效期间尚未开始计算', basis: `${CODE}第一百八十八条第二款` });
    return { ...none('pending'), years };
  }
  steps.push(start.step, { text: '开始的当日不计入，自下一日开始计算；到期年的对应日为期间的最后一日', basis: `${CODE}第二百零一条、第二百零二条` });

  let runsFrom = start.runsFrom;
  let lastDay = addYears(runsFrom, years);
  // Interruptions while the period runs restart it (from the end of the proceedings for a suit or arbitration).
  for (const i of [...(facts.interruptions ?? [])].sort((a, b) => (a.on < b.on ? -1 : 1))) {
    if (i.on <= runsFrom) continue;
    // Labour arbitration has its own interruption rule (art. 27 ¶2) with the same grounds.
    const basis = labour ? `${LABOUR}第二十七条第二款` : `${CODE}第一百九十五条${INTERRUPTION_ITEM[i.kind]}`;
    if (i.on > lastDay) {
      steps.push({ text: `${i.on}${INTERRUPTION_TEXT[i.kind]}，但此时诉讼时效期间已于 ${lastDay} 届满，不发生中断`, basis });
      if (i.kind === 'acknowledgement') {
        steps.push({ text: '诉讼时效期间届满后义务人同意履行的，不得以诉讼时效期间届满为由抗辩', basis: `${CODE}第一百九十二条第二款` });
      }
      continue;
    }
    const inProceedings = i.kind === 'suit' || i.kind === 'arbitration' || i.kind === 'equivalent';
    if (inProceedings && !i.proceedingsEndedOn) {
      steps.push({ text: `${i.on}${INTERRUPTION_TEXT[i.kind]}，诉讼时效中断；有关程序尚未终结，终结后重新计算`, basis });
      return { status: 'interrupted', years, runsFrom, lastDay: null, daysLeft: null, steps };
    }
    runsFrom = inProceedings ? maxDate(i.proceedingsEndedOn!, i.on) : i.on;
    lastDay = addYears(runsFrom, years);
    steps.push({ text: `${i.on}${INTERRUPTION_TEXT[i.kind]}，诉讼时效中断，自${inProceedings ? `有关程序终结之日（${runsFrom}）` : '中断时'}起重新计算，至 ${lastDay}`, basis });
  }

  // An obstacle in the last six months suspends the period: it ends six months after the obstacle goes.
  for (const o of [...(facts.obstacles ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    const lastSixMonthsFrom = addMonths(lastDay, -6);
    const overlaps = o.from <= lastDay && (o.until ?? '9999-12-31') >= lastSixMonthsFrom;
    if (!overlaps) continue;
    if (!o.until) {
      steps.push({ text: `${maxDate(o.from, lastSixMonthsFrom)}起诉讼时效期间的最后六个月内存在不能行使请求权的障碍，诉讼时效中止；障碍消除之日起满六个月届满`, basis: labour ? `${LABOUR}第二十七条第三款` : `${CODE}第一百九十四条` });
      return { status: 'suspended', years, runsFrom, lastDay: null, daysLeft: null, steps };
    }
    lastDay = maxDate(lastDay, addMonths(o.until, 6));
    steps.push({ text: `诉讼时效期间的最后六个月内存在不能行使请求权的障碍，诉讼时效中止；自障碍消除之日（${o.until}）起满六个月，即 ${lastDay} 届满`, basis: `${CODE}第一百九十四条` });
  }

  // The twenty-year cap is not suspended or interrupted; a court may extend it on application.
  if (facts.harmedOn) {
    const cap = addYears(facts.harmedOn, 20);
    if (cap < lastDay) {
      lastDay = minDate(lastDay, cap);
      steps.push({ text: `自权利受到损害之日（${facts.harmedOn}）起超过二十年的，人民法院不予保护，期间最迟至 ${cap}（有特殊情况的，可以申请延长）`, basis: `${CODE}第一百八十八条第二款` });
    }
  }

  if (isRestDay(lastDay, calendar)) {
    const moved = nextWorkingDay(lastDay, calendar);
    steps.push({ text: `期间的最后一日 ${lastDay} 是法定休假日，以休假日结束的次日 ${moved} 为最后一日`, basis: `${CODE}第二百零三条第一款` });
    lastDay = moved;
  }
  if (!calendar.years.has(Number(lastDay.slice(0, 4)))) {
    steps.push({ text: `${lastDay.slice(0, 4)} 年的法定节假日安排未载入本系统，上述日期只按周末调整，请以国务院公布的安排为准`, basis: `${CODE}第二百零三条第一款` });
  }

  const daysLeft = daysBetween(today, lastDay);
  const status: LimitationStatus = daysLeft < 0 ? 'expired' : daysLeft <= NEAR_DAYS ? 'near' : 'running';
  if (status === 'expired') {
    steps.push({ text: `诉讼时效期间已于 ${lastDay} 届满：义务人可以提出不履行义务的抗辩（人民法院不主动适用诉讼时效）`, basis: `${CODE}第一百九十二条第一款、第一百九十三条` });
  } else if (status === 'near') {
    steps.push({ text: `距诉讼时效期间届满仅剩 ${daysLeft} 天，请尽快向义务人主张权利或者起诉`, basis: `${CODE}第一百九十五条` });
  }
  return { status, years, runsFrom, lastDay, daysLeft, steps };
}
