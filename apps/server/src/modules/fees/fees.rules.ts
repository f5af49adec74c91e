// The litigation fee rules of 《诉讼费用交纳办法》 (State Council Decree 481, in force 1 April 2007): case
// acceptance fees (art. 13), application fees (art. 14), halving (arts. 15, 16, 18; halved once only,
// SPC Civil Procedure Interpretation art. 206) and appeals (arts. 8, 17). Pure: no I/O, no clock.
// Every line of a result cites the rule it applies; the lines add up to the fee.
import type { TFeeEstimate, TFeeEstimateRequest, TFeeLine, TFeeRef } from '@opencourt/contracts';
import { citation, decree } from './fees.basis.ts';
import { FeeErrors } from './fees.errors.ts';
import { addExact, fenExact, formatDecreeAmount, formatYuan, minExact, roundHalfUp, scaleExact, type Exact } from './fees.money.ts';
import { DECREE_RANGES, DEFAULT_FEE_SCHEDULE, type FeeSchedule } from './fees.schedule.ts';

const WAN = 1_000_000n; // 1万元 in fen
const YUAN = 100n;

/** A rule and its citation, written once. */
type Rule = { ref: TFeeRef; basis: string };
const ruleOf = (ref: TFeeRef): Rule => ({ ref, basis: citation(ref) });
const rule = (article: number, item?: number, point?: number): Rule => ruleOf(decree(article, item, point));

// ---------------------------------------------------------------------------------------------------
// Scales: "按照下列比例分段累计交纳" — each band charges its own rate on the part of the amount inside it.
// Everything about a band but the part of the amount in it is worked out once, when the module loads.

type Band = {
  fromFen: number;
  toFen: number | null;
  label: string;
  /** Basis points (1/10,000): 2.5% is 250. */
  rateBp?: number;
  rate?: bigint;
  /** A fixed fee for the whole band instead of a rate ("不超过1万元的，每件交纳50元"). */
  flat?: Exact;
};
type Scale = { rule: Rule; bands: Band[] };

const percent = (bp: number) => `${bp / 100}%`;

/** A scale from its first band and the rated bands after it, worded as the Decree words them. */
function scale(rule: Rule, first: Band, rated: [from: bigint, to: bigint | null, rateBp: number][]): Scale {
  const bands = rated.map(([from, to, rateBp]): Band => ({
    fromFen: Number(from),
    toFen: to === null ? null : Number(to),
    rateBp,
    rate: BigInt(rateBp),
    label: `超过${formatDecreeAmount(from)}${to === null ? '' : `至${formatDecreeAmount(to)}`}的部分，按照${percent(rateBp)}交纳`,
  }));
  return { rule, bands: [first, ...bands] };
}

const flatBand = (to: bigint, flatFen: bigint, label: string): Band => ({ fromFen: 0, toFen: Number(to), flat: fenExact(flatFen), label });
const freeBand = (to: bigint, label: string): Band => ({ fromFen: 0, toFen: Number(to), rateBp: 0, rate: 0n, label });

/** Art. 13(1): property cases, ten bands. */
const PROPERTY_SCALE = scale(rule(13, 1), flatBand(1n * WAN, 50n * YUAN, '不超过1万元的，每件交纳50元'), [
  [1n * WAN, 10n * WAN, 250],
  [10n * WAN, 20n * WAN, 200],
  [20n * WAN, 50n * WAN, 150],
  [50n * WAN, 100n * WAN, 100],
  [100n * WAN, 200n * WAN, 90],
  [200n * WAN, 500n * WAN, 80],
  [500n * WAN, 1000n * WAN, 70],
  [1000n * WAN, 2000n * WAN, 60],
  [2000n * WAN, null, 50],
]);

/** Art. 13(2)1: the property to be divided in a divorce, beyond the per-case fee. */
const DIVORCE_PROPERTY_SCALE = scale(rule(13, 2, 1), freeBand(20n * WAN, '涉及财产分割，财产总额不超过20万元的，不另行交纳'), [[20n * WAN, null, 50]]);

/** Art. 13(2)2: damages claimed for a personality right, beyond the per-case fee. */
const PERSONALITY_DAMAGES_SCALE = scale(rule(13, 2, 2), freeBand(5n * WAN, '涉及损害赔偿，赔偿金额不超过5万元的，不另行交纳'), [
  [5n * WAN, 10n * WAN, 100],
  [10n * WAN, null, 50],
]);

/** Art. 14(1)2: execution with an amount. */
const EXECUTION_SCALE = scale(rule(14, 1, 2), flatBand(1n * WAN, 50n * YUAN, '执行金额或者价额不超过1万元的，每件交纳50元'), [
  [1n * WAN, 50n * WAN, 150],
  [50n * WAN, 500n * WAN, 100],
  [500n * WAN, 1000n * WAN, 50],
  [1000n * WAN, null, 10],
]);

/** Art. 14(2): preservation, on the property actually preserved. */
const PRESERVATION_SCALE = scale(rule(14, 2), flatBand(1000n * YUAN, 30n * YUAN, '财产数额不超过1000元或者不涉及财产数额的，每件交纳30元'), [
  [1000n * YUAN, 10n * WAN, 100],
  [10n * WAN, null, 50],
]);

const PRESERVATION_CAP_FEN = 5000n * YUAN; // art. 14(2)
const BANKRUPTCY_CAP_FEN = 30n * WAN; // art. 14(6)

// ---------------------------------------------------------------------------------------------------
// The breakdown: lines are rounded so that their running sum always equals the running total rounded
// half-up; the exact total is rounded once, when the fee is read.

type LineDraft = Omit<TFeeLine, 'amountFen' | 'basis' | 'ref'> & { rule: Rule };

class Breakdown {
  readonly lines: TFeeLine[] = [];
  total: Exact = fenExact(0n);
  private shown = 0n;

  /** A line that adds an exact amount. */
  add(draft: LineDraft, amount: Exact) {
    this.total = addExact(this.total, amount);
    this.push(draft);
  }

  /** A line that turns the total into another (a halving, a share, a cap). */
  change(draft: LineDraft, next: Exact) {
    this.total = next;
    this.push(draft);
  }

  /** A line that states a rule without changing the amount. */
  note(draft: LineDraft) {
    this.push(draft);
  }

  // Built field by field: this runs on every estimate, and object rest/spread costs far more here than
  // the arithmetic. Options a line does not have are left out, as the JSON leaves them out.
  private push(draft: LineDraft) {
    const rounded = roundHalfUp(this.total);
    const line: TFeeLine = { code: draft.code, label: draft.label, amountFen: Number(rounded - this.shown), basis: draft.rule.basis, ref: draft.rule.ref };
    if (draft.portionFen !== undefined) {
      line.fromFen = draft.fromFen;
      line.toFen = draft.toFen;
      line.portionFen = draft.portionFen;
      if (draft.rateBp !== undefined) line.rateBp = draft.rateBp;
    }
    if (draft.reason !== undefined) line.reason = draft.reason;
    if (draft.numerator !== undefined) {
      line.numerator = draft.numerator;
      line.denominator = draft.denominator;
    }
    this.lines.push(line);
    this.shown = rounded;
  }
}

const TEN_THOUSAND = 10_000n;

function applyScale(b: Breakdown, s: Scale, amountFen: number) {
  for (const band of s.bands) {
    if (band.fromFen > 0 && amountFen <= band.fromFen) break;
    const top = band.toFen === null || amountFen < band.toFen ? amountFen : band.toFen;
    const portionFen = top - band.fromFen;
    const { fromFen, toFen, label, rateBp } = band;
    if (band.flat) {
      b.add({ code: 'per-case', label, rule: s.rule, fromFen, toFen, portionFen }, band.flat);
    } else {
      const worded = rateBp ? `${label}（本段${formatYuan(portionFen)}元）` : label;
      b.add({ code: 'band', label: worded, rule: s.rule, fromFen, toFen, portionFen, rateBp }, { n: BigInt(portionFen) * band.rate!, d: TEN_THOUSAND });
    }
  }
}

/** A fixed fee per case. */
function perCase(b: Breakdown, rule: Rule, label: string, fen: number) {
  b.add({ code: 'per-case', label, rule }, fenExact(BigInt(fen)));
}

const SCHEDULED_RULES = Object.fromEntries(Object.entries(DECREE_RANGES).map(([key, range]) => [key, ruleOf(range.ref)])) as Record<keyof FeeSchedule, Rule>;

/** "每件交纳50元至300元（本地标准80元）": the Decree's range and the figure in force. */
function scheduled(b: Breakdown, key: keyof FeeSchedule, subject: string, schedule: FeeSchedule) {
  const range = DECREE_RANGES[key];
  const fen = schedule[key];
  const words = `${subject}每件交纳${formatDecreeAmount(BigInt(range.minFen))}至${formatDecreeAmount(BigInt(range.maxFen))}（本地标准${formatDecreeAmount(BigInt(fen))}）`;
  perCase(b, SCHEDULED_RULES[key], words, fen);
}

// ---------------------------------------------------------------------------------------------------
// Case acceptance fees (art. 13) and the rules that reduce them.

type CaseRequest = Exclude<TFeeEstimateRequest, { kind: 'execution' | 'preservation' | 'payment-order' | 'public-summons' | 'arbitration' | 'bankruptcy' }>;
type ApplicationRequest = Exclude<TFeeEstimateRequest, CaseRequest>;

/** Art. 17: a property appeal pays on the part of the judgment it contests (the amount given). */
const APPEAL_AMOUNT: LineDraft = {
  code: 'appeal-amount',
  label: '对财产案件提起上诉的，按照不服一审判决部分的上诉请求数额交纳案件受理费',
  rule: rule(17),
};
/** Art. 13(3): an IP case with an amount in dispute pays as a property case. */
const IP_AMOUNT: LineDraft = { code: 'ip-amount', label: '知识产权民事案件，有争议金额或者价额的，按照财产案件的标准交纳', rule: rule(13, 3) };
/** Art. 8(3): no case fee for an appeal against a ruling on jurisdiction. */
const JURISDICTION_APPEAL: LineDraft = { code: 'not-charged', label: '对管辖权异议裁定不服，提起上诉的案件，不交纳案件受理费', rule: rule(8, 3) };
const LABOUR = rule(13, 4); // art. 13(4): labour disputes, 10 yuan per case
// Art. 13(5): trademark, patent and maritime administrative cases 100 yuan; other administrative cases 50 yuan.
const ADMINISTRATIVE_LISTED = rule(13, 5, 1);
const ADMINISTRATIVE_OTHER = rule(13, 5, 2);

function caseAcceptanceFee(b: Breakdown, request: CaseRequest, amountFen: number, schedule: FeeSchedule) {
  const appeal = request.instance === 'appeal';
  switch (request.kind) {
    case 'property':
      if (appeal) b.note(APPEAL_AMOUNT);
      return applyScale(b, PROPERTY_SCALE, amountFen);
    case 'divorce':
      scheduled(b, 'divorceFen', '离婚案件', schedule);
      if (amountFen > 0) applyScale(b, DIVORCE_PROPERTY_SCALE, amountFen);
      return;
    case 'personality':
      scheduled(b, 'personalityFen', '侵害姓名权、名称权、肖像权、名誉权、荣誉权以及其他人格权的案件', schedule);
      if (amountFen > 0) applyScale(b, PERSONALITY_DAMAGES_SCALE, amountFen);
      return;
    case 'non-property':
      return scheduled(b, 'otherNonPropertyFen', '其他非财产案件', schedule);
    case 'ip':
      if (amountFen === 0) return scheduled(b, 'ipWithoutAmountFen', '知识产权民事案件，没有争议金额或者价额的，', schedule);
      b.note(IP_AMOUNT);
      if (appeal) b.note(APPEAL_AMOUNT);
      return applyScale(b, PROPERTY_SCALE, amountFen);
    case 'labour':
      return perCase(b, LABOUR, '劳动争议案件每件交纳10元', 10 * 100);
    case 'administrative':
      return request.administrativeKind === 'other'
        ? perCase(b, ADMINISTRATIVE_OTHER, '其他行政案件每件交纳50元', 50 * 100)
        : perCase(b, ADMINISTRATIVE_LISTED, '商标、专利、海事行政案件每件交纳100元', 100 * 100);
    case 'jurisdiction-objection':
      if (appeal) return b.note(JURISDICTION_APPEAL);
      return scheduled(b, 'jurisdictionObjectionFen', '当事人提出案件管辖权异议，异议不成立的，', schedule);
  }
}

type HalvingReason = 'simplified' | 'mediated' | 'withdrawn' | 'counterclaim';

const HALVING_LABELS: Record<HalvingReason, string> = {
  simplified: '适用简易程序审理的案件减半交纳案件受理费',
  mediated: '以调解方式结案的，减半交纳案件受理费',
  withdrawn: '当事人申请撤诉的，减半交纳案件受理费',
  counterclaim: '被告提起反诉、有独立请求权的第三人提出与本案有关的诉讼请求，合并审理的，减半交纳案件受理费',
};
const HALVING_RULES: Record<HalvingReason, Rule> = { simplified: rule(16), mediated: rule(15), withdrawn: rule(15), counterclaim: rule(18) };
const HALVED: Record<HalvingReason, LineDraft> = mapReasons((reason) => ({ code: 'halved', reason, label: HALVING_LABELS[reason], rule: HALVING_RULES[reason] }));
// SPC Interpretation of the Civil Procedure Law (2022), art. 206: "减半收取案件受理费的，只能减半一次".
const HALVED_ONCE_RULE = ruleOf({ law: 'civil-procedure-interpretation', article: 206 });
const HALVED_ONCE: Record<HalvingReason, LineDraft> = mapReasons((reason) => ({
  code: 'halved-once',
  reason,
  label: `${HALVING_LABELS[reason]}；但减半只能一次，不再减半`,
  rule: HALVED_ONCE_RULE,
}));

function mapReasons(line: (reason: HalvingReason) => LineDraft): Record<HalvingReason, LineDraft> {
  const reasons: HalvingReason[] = ['simplified', 'mediated', 'withdrawn', 'counterclaim'];
  return Object.fromEntries(reasons.map((reason) => [reason, line(reason)])) as Record<HalvingReason, LineDraft>;
}

/** Arts. 15, 16 and 18 each halve the fee; when several apply it is still halved only once (Interpretation art. 206). */
function applyHalving(b: Breakdown, request: CaseRequest) {
  const counterclaim = 'counterclaim' in request && request.counterclaim;
  const first: HalvingReason | undefined = request.procedure !== 'ordinary' ? request.procedure : counterclaim ? 'counterclaim' : undefined;
  if (!first) return;
  b.change(HALVED[first], scaleExact(b.total, 1n, 2n));
  if (counterclaim && first !== 'counterclaim') b.note(HALVED_ONCE.counterclaim);
}

// ---------------------------------------------------------------------------------------------------
// Application fees (art. 14): never halved.

/** Art. 14(1)1: execution without an amount, per case within 50–500 yuan (the schedule's figure). */
const EXECUTION_WITHOUT_AMOUNT_SUBJECT = '申请执行，没有执行金额或者价额的，';
const PRESERVATION_CAP: LineDraft = { code: 'cap', label: '当事人申请保全措施交纳的费用最多不超过5000元', rule: rule(14, 2) };
// Art. 14(3)–(6): payment orders a third of the property scale, public summons 100 yuan, arbitration
// applications 400 yuan, bankruptcy half the property scale up to 300,000 yuan.
const PAYMENT_ORDER_SHARE: LineDraft = { code: 'fraction', label: '依法申请支付令的，比照财产案件受理费标准的1/3交纳', rule: rule(14, 3), numerator: 1, denominator: 3 };
const PUBLIC_SUMMONS = rule(14, 4);
const ARBITRATION = rule(14, 5);
const BANKRUPTCY_SHARE: LineDraft = { code: 'fraction', label: '破产案件依据破产财产总额计算，按照财产案件受理费标准减半交纳', rule: rule(14, 6), numerator: 1, denominator: 2 };
const BANKRUPTCY_CAP: LineDraft = { code: 'cap', label: '破产案件申请费最高不超过30万元', rule: rule(14, 6) };

function applicationFee(b: Breakdown, request: ApplicationRequest, amountFen: number, schedule: FeeSchedule) {
  switch (request.kind) {
    case 'execution':
      if (amountFen === 0) return scheduled(b, 'executionWithoutAmountFen', EXECUTION_WITHOUT_AMOUNT_SUBJECT, schedule);
      return applyScale(b, EXECUTION_SCALE, amountFen);
    case 'preservation':
      applyScale(b, PRESERVATION_SCALE, amountFen);
      return capAt(b, PRESERVATION_CAP_FEN, PRESERVATION_CAP);
    case 'payment-order':
      applyScale(b, PROPERTY_SCALE, amountFen);
      return b.change(PAYMENT_ORDER_SHARE, scaleExact(b.total, 1n, 3n));
    case 'public-summons':
      return perCase(b, PUBLIC_SUMMONS, '依法申请公示催告的，每件交纳100元', 100 * 100);
    case 'arbitration':
      return perCase(b, ARBITRATION, '申请撤销仲裁裁决或者认定仲裁协议效力的，每件交纳400元', 400 * 100);
    case 'bankruptcy':
      applyScale(b, PROPERTY_SCALE, amountFen);
      b.change(BANKRUPTCY_SHARE, scaleExact(b.total, 1n, 2n));
      return capAt(b, BANKRUPTCY_CAP_FEN, BANKRUPTCY_CAP);
  }
}

/** A cap line only when the cap cuts something. */
function capAt(b: Breakdown, capFen: bigint, draft: LineDraft) {
  const capped = minExact(b.total, capFen);
  if (capped !== b.total) b.change(draft, capped);
}

// ---------------------------------------------------------------------------------------------------

const APPLICATION_KINDS = new Set<string>(['execution', 'preservation', 'payment-order', 'public-summons', 'arbitration', 'bankruptcy']);
const isApplication = (r: TFeeEstimateRequest): r is ApplicationRequest => APPLICATION_KINDS.has(r.kind);

/**
 * The fee for a request the contract has accepted (ZFeeEstimateRequest). What the schema cannot
 * express across fields (an appeal heard by simplified procedure) is refused here as well.
 */
export function estimateFee(request: TFeeEstimateRequest, schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE): TFeeEstimate {
  const { amountFen } = request;
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) {
    throw FeeErrors.FEE_INVALID_REQUEST('金额应为非负的整数（分）', { fields: [{ pointer: '/amountFen', detail: '金额应为非负的整数（分）' }] });
  }
  const b = new Breakdown();
  if (isApplication(request)) {
    applicationFee(b, request, amountFen, schedule);
  } else {
    if (request.instance === 'appeal' && request.procedure === 'simplified') {
      throw FeeErrors.FEE_INVALID_REQUEST('第二审案件不适用简易程序', { fields: [{ pointer: '/procedure', detail: '第二审案件不适用简易程序' }] });
    }
    caseAcceptanceFee(b, request, amountFen, schedule);
    applyHalving(b, request);
  }
  return {
    kind: request.kind,
    amountFen,
    feeFen: Number(roundHalfUp(b.total)),
    procedure: request.procedure,
    instance: isApplication(request) ? 'first' : request.instance,
    lines: b.lines,
  };
}
