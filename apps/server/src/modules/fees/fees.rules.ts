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

// ---------------------------------------------------------------------------------------------------
// Scales: "按照下列比例分段累计交纳" — each band charges its own rate on the part of the amount inside it.

type Band = {
  fromFen: bigint;
  toFen: bigint | null;
  /** Basis points (1/10,000): 2.5% is 250. */
  rateBp?: bigint;
  /** A fixed fee for the whole band instead of a rate ("不超过1万元的，每件交纳50元"). */
  flatFen?: bigint;
  label: string;
};
type Scale = { ref: TFeeRef; bands: Band[] };

const percent = (bp: bigint) => `${bp / 100n}${bp % 100n ? `.${String(bp % 100n).padStart(2, '0').replace(/0$/, '')}` : ''}%`;

/** A scale from its first band and the rated bands after it, worded as the Decree words them. */
function scale(ref: TFeeRef, first: Band, rated: [from: bigint, to: bigint | null, rateBp: bigint][]): Scale {
  const bands = rated.map(([fromFen, toFen, rateBp]): Band => ({
    fromFen,
    toFen,
    rateBp,
    label: `超过${formatDecreeAmount(fromFen)}${toFen === null ? '' : `至${formatDecreeAmount(toFen)}`}的部分，按照${percent(rateBp)}交纳`,
  }));
  return { ref, bands: [first, ...bands] };
}

const flatBand = (toFen: bigint, flatFen: bigint, label: string): Band => ({ fromFen: 0n, toFen, flatFen, label });
const freeBand = (toFen: bigint, label: string): Band => ({ fromFen: 0n, toFen, rateBp: 0n, label });

/** Art. 13(1): property cases, ten bands. */
export const PROPERTY_SCALE = scale(decree(13, 1), flatBand(1n * WAN, 50n * YUAN, '不超过1万元的，每件交纳50元'), [
  [1n * WAN, 10n * WAN, 250n],
  [10n * WAN, 20n * WAN, 200n],
  [20n * WAN, 50n * WAN, 150n],
  [50n * WAN, 100n * WAN, 100n],
  [100n * WAN, 200n * WAN, 90n],
  [200n * WAN, 500n * WAN, 80n],
  [500n * WAN, 1000n * WAN, 70n],
  [1000n * WAN, 2000n * WAN, 60n],
  [2000n * WAN, null, 50n],
]);

/** Art. 13(2)1: the property to be divided in a divorce, beyond the per-case fee. */
const DIVORCE_PROPERTY_SCALE = scale(decree(13, 2, 1), freeBand(20n * WAN, '涉及财产分割，财产总额不超过20万元的，不另行交纳'), [[20n * WAN, null, 50n]]);

/** Art. 13(2)2: damages claimed for a personality right, beyond the per-case fee. */
const PERSONALITY_DAMAGES_SCALE = scale(decree(13, 2, 2), freeBand(5n * WAN, '涉及损害赔偿，赔偿金额不超过5万元的，不另行交纳'), [
  [5n * WAN, 10n * WAN, 100n],
  [10n * WAN, null, 50n],
]);

/** Art. 14(1)2: execution with an amount. */
const EXECUTION_SCALE = scale(decree(14, 1, 2), flatBand(1n * WAN, 50n * YUAN, '执行金额或者价额不超过1万元的，每件交纳50元'), [
  [1n * WAN, 50n * WAN, 150n],
  [50n * WAN, 500n * WAN, 100n],
  [500n * WAN, 1000n * WAN, 50n],
  [1000n * WAN, null, 10n],
]);

/** Art. 14(2): preservation, on the property actually preserved. */
const PRESERVATION_SCALE = scale(decree(14, 2), flatBand(1000n * YUAN, 30n * YUAN, '财产数额不超过1000元或者不涉及财产数额的，每件交纳30元'), [
  [1000n * YUAN, 10n * WAN, 100n],
  [10n * WAN, null, 50n],
]);

const PRESERVATION_CAP_FEN = 5000n * YUAN; // art. 14(2)
const BANKRUPTCY_CAP_FEN = 30n * WAN; // art. 14(6)

// ---------------------------------------------------------------------------------------------------
// The breakdown: lines are rounded so that their running sum always equals the running total rounded
// half-up; the exact total is rounded once, when the fee is read.

type LineDraft = Omit<TFeeLine, 'amountFen' | 'basis'>;

function breakdown() {
  const lines: TFeeLine[] = [];
  let total: Exact = fenExact(0n);
  let shown = 0n;
  const push = (draft: LineDraft) => {
    const rounded = roundHalfUp(total);
    lines.push({ ...draft, amountFen: Number(rounded - shown), basis: citation(draft.ref) });
    shown = rounded;
  };
  return {
    lines,
    total: () => total,
    /** A line that adds an exact amount. */
    add(draft: LineDraft, amount: Exact) {
      total = addExact(total, amount);
      push(draft);
    },
    /** A line that turns the total into another (a halving, a share, a cap). */
    change(draft: LineDraft, next: Exact) {
      total = next;
      push(draft);
    },
    /** A line that states a rule without changing the amount. */
    note(draft: LineDraft) {
      push(draft);
    },
  };
}

type Breakdown = ReturnType<typeof breakdown>;

function applyScale(b: Breakdown, s: Scale, amountFen: bigint) {
  for (const band of s.bands) {
    if (band.fromFen > 0n && amountFen <= band.fromFen) break;
    const top = band.toFen === null || amountFen < band.toFen ? amountFen : band.toFen;
    const portion = top - band.fromFen;
    const common = { label: band.label, ref: s.ref, fromFen: Number(band.fromFen), toFen: band.toFen === null ? null : Number(band.toFen), portionFen: Number(portion) };
    if (band.flatFen !== undefined) {
      b.add({ code: 'per-case', ...common }, fenExact(band.flatFen));
    } else {
      const rate = band.rateBp!;
      const label = rate ? `${band.label}（本段${formatYuan(portion)}元）` : band.label;
      b.add({ code: 'band', ...common, label, rateBp: Number(rate) }, scaleExact(fenExact(portion), rate, 10_000n));
    }
  }
}

/** A fixed fee per case. */
function perCase(b: Breakdown, ref: TFeeRef, label: string, fen: number) {
  b.add({ code: 'per-case', label, ref }, fenExact(BigInt(fen)));
}

/** "每件交纳50元至300元（本地标准80元）": the Decree's range and the figure in force. */
function scheduled(b: Breakdown, key: keyof FeeSchedule, subject: string, schedule: FeeSchedule) {
  const range = DECREE_RANGES[key];
  const fen = schedule[key];
  const words = `${subject}每件交纳${formatDecreeAmount(BigInt(range.minFen))}至${formatDecreeAmount(BigInt(range.maxFen))}（本地标准${formatDecreeAmount(BigInt(fen))}）`;
  perCase(b, range.ref, words, fen);
}

// ---------------------------------------------------------------------------------------------------
// Case acceptance fees (art. 13) and the rules that reduce them.

type CaseRequest = Exclude<TFeeEstimateRequest, { kind: 'execution' | 'preservation' | 'payment-order' | 'public-summons' | 'arbitration' | 'bankruptcy' }>;
type ApplicationRequest = Exclude<TFeeEstimateRequest, CaseRequest>;

const APPEAL_AMOUNT: LineDraft = {
  code: 'appeal-amount',
  label: '对财产案件提起上诉的，按照不服一审判决部分的上诉请求数额交纳案件受理费',
  ref: decree(17),
};

function caseAcceptanceFee(b: Breakdown, request: CaseRequest, amountFen: bigint, schedule: FeeSchedule) {
  const appeal = request.instance === 'appeal';
  switch (request.kind) {
    case 'property':
      if (appeal) b.note(APPEAL_AMOUNT);
      return applyScale(b, PROPERTY_SCALE, amountFen);
    case 'divorce':
      scheduled(b, 'divorceFen', '离婚案件', schedule);
      if (amountFen > 0n) applyScale(b, DIVORCE_PROPERTY_SCALE, amountFen);
      return;
    case 'personality':
      scheduled(b, 'personalityFen', '侵害姓名权、名称权、肖像权、名誉权、荣誉权以及其他人格权的案件', schedule);
      if (amountFen > 0n) applyScale(b, PERSONALITY_DAMAGES_SCALE, amountFen);
      return;
    case 'non-property':
      return scheduled(b, 'otherNonPropertyFen', '其他非财产案件', schedule);
    case 'ip':
      if (amountFen === 0n) return scheduled(b, 'ipWithoutAmountFen', '知识产权民事案件，没有争议金额或者价额的，', schedule);
      b.note({ code: 'ip-amount', label: '知识产权民事案件，有争议金额或者价额的，按照财产案件的标准交纳', ref: decree(13, 3) });
      if (appeal) b.note(APPEAL_AMOUNT);
      return applyScale(b, PROPERTY_SCALE, amountFen);
    case 'labour':
      return perCase(b, decree(13, 4), '劳动争议案件每件交纳10元', 10 * 100);
    case 'administrative':
      return request.administrativeKind === 'other'
        ? perCase(b, decree(13, 5, 2), '其他行政案件每件交纳50元', 50 * 100)
        : perCase(b, decree(13, 5, 1), '商标、专利、海事行政案件每件交纳100元', 100 * 100);
    case 'jurisdiction-objection':
      if (appeal) return b.note({ code: 'not-charged', label: '对管辖权异议裁定不服，提起上诉的案件，不交纳案件受理费', ref: decree(8, 3) });
      return scheduled(b, 'jurisdictionObjectionFen', '当事人提出案件管辖权异议，异议不成立的，', schedule);
  }
}

type HalvingReason = 'simplified' | 'mediated' | 'withdrawn' | 'counterclaim';

const HALVING: Record<HalvingReason, { label: string; ref: TFeeRef }> = {
  simplified: { label: '适用简易程序审理的案件减半交纳案件受理费', ref: decree(16) },
  mediated: { label: '以调解方式结案的，减半交纳案件受理费', ref: decree(15) },
  withdrawn: { label: '当事人申请撤诉的，减半交纳案件受理费', ref: decree(15) },
  counterclaim: { label: '被告提起反诉、有独立请求权的第三人提出与本案有关的诉讼请求，合并审理的，减半交纳案件受理费', ref: decree(18) },
};

const HALVED_ONCE_REF: TFeeRef = { law: 'civil-procedure-interpretation', article: 206 };

/** Arts. 15, 16 and 18 each halve the fee; when several apply it is still halved only once (Interpretation art. 206). */
function applyHalving(b: Breakdown, request: CaseRequest) {
  const reasons: HalvingReason[] = [];
  if (request.procedure !== 'ordinary') reasons.push(request.procedure);
  if ('counterclaim' in request && request.counterclaim) reasons.push('counterclaim');
  const [first, ...others] = reasons;
  if (!first) return;
  b.change({ code: 'halved', reason: first, ...HALVING[first] }, scaleExact(b.total(), 1n, 2n));
  for (const reason of others) {
    b.note({ code: 'halved-once', reason, label: `${HALVING[reason].label}；但减半只能一次，不再减半`, ref: HALVED_ONCE_REF });
  }
}

// ---------------------------------------------------------------------------------------------------
// Application fees (art. 14): never halved.

function applicationFee(b: Breakdown, request: ApplicationRequest, amountFen: bigint, schedule: FeeSchedule) {
  switch (request.kind) {
    case 'execution':
      if (amountFen === 0n) return scheduled(b, 'executionWithoutAmountFen', '申请执行，没有执行金额或者价额的，', schedule);
      return applyScale(b, EXECUTION_SCALE, amountFen);
    case 'preservation':
      applyScale(b, PRESERVATION_SCALE, amountFen);
      return capAt(b, PRESERVATION_CAP_FEN, { code: 'cap', label: '当事人申请保全措施交纳的费用最多不超过5000元', ref: decree(14, 2) });
    case 'payment-order':
      applyScale(b, PROPERTY_SCALE, amountFen);
      return b.change(
        { code: 'fraction', label: '依法申请支付令的，比照财产案件受理费标准的1/3交纳', ref: decree(14, 3), numerator: 1, denominator: 3 },
        scaleExact(b.total(), 1n, 3n),
      );
    case 'public-summons':
      return perCase(b, decree(14, 4), '依法申请公示催告的，每件交纳100元', 100 * 100);
    case 'arbitration':
      return perCase(b, decree(14, 5), '申请撤销仲裁裁决或者认定仲裁协议效力的，每件交纳400元', 400 * 100);
    case 'bankruptcy':
      applyScale(b, PROPERTY_SCALE, amountFen);
      b.change(
        { code: 'fraction', label: '破产案件依据破产财产总额计算，按照财产案件受理费标准减半交纳', ref: decree(14, 6), numerator: 1, denominator: 2 },
        scaleExact(b.total(), 1n, 2n),
      );
      return capAt(b, BANKRUPTCY_CAP_FEN, { code: 'cap', label: '破产案件申请费最高不超过30万元', ref: decree(14, 6) });
  }
}

function capAt(b: Breakdown, capFen: bigint, draft: LineDraft) {
  const capped = minExact(b.total(), capFen);
  if (capped !== b.total()) b.change(draft, capped);
}

// ---------------------------------------------------------------------------------------------------

const APPLICATION_KINDS = new Set<string>(['execution', 'preservation', 'payment-order', 'public-summons', 'arbitration', 'bankruptcy']);
const isApplication = (r: TFeeEstimateRequest): r is ApplicationRequest => APPLICATION_KINDS.has(r.kind);

/**
 * The fee for a request the contract has accepted (ZFeeEstimateRequest). What the schema cannot
 * express across fields (an appeal heard by simplified procedure) is refused here as well.
 */
export function estimateFee(request: TFeeEstimateRequest, schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE): TFeeEstimate {
  if (!Number.isSafeInteger(request.amountFen) || request.amountFen < 0) {
    throw FeeErrors.FEE_INVALID_REQUEST('金额应为非负的整数（分）', { fields: [{ pointer: '/amountFen', detail: '金额应为非负的整数（分）' }] });
  }
  const amountFen = BigInt(request.amountFen);
  const b = breakdown();
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
    amountFen: request.amountFen,
    feeFen: Number(roundHalfUp(b.total())),
    procedure: request.procedure,
    instance: isApplication(request) ? 'first' : request.instance,
    lines: b.lines,
  };
}
