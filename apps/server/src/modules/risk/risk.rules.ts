// The risk report from the questionnaire: pure, every statement with the rule it rests on. The fee
// comes from the fee rules, the limitation period from limitation.rules.ts, the checklists from
// risk.evidence.ts; the comparable outcomes are counted by the caller from this platform's records.
import { ZFeeEstimateRequest, type TFeeEstimate, type TRiskDisputeKind, type TRiskLevel, type TRiskOutcome, type TRiskReport, type TRiskReportRequest, type TRiskStatement } from '@opencourt/contracts';
import { estimateFee, formatYuan, type FeeSchedule } from '../fees/index.ts';
import type { IsoDate, RestDayCalendar } from './calendar.ts';
import { assessLimitation, type ClaimKind } from './limitation.rules.ts';
import { EVIDENCE_CHECKLISTS } from './risk.evidence.ts';

/** Below this many ended matters of a kind, their outcomes are counted but not drawn on. */
export const COMPARABLE_MINIMUM = 10;

const CODE = '《中华人民共和国民法典》';
const CPL = '《中华人民共和国民事诉讼法》';
const CPL_INTERPRETATION = '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》';
const DECREE = '《诉讼费用交纳办法》';
const LABOUR_ARBITRATION = '《中华人民共和国劳动争议调解仲裁法》';

export const DISPUTE_NAMES: Record<TRiskDisputeKind, string> = {
  'private-lending': '民间借贷纠纷',
  'sale-contract': '买卖合同纠纷',
  labour: '劳动争议',
  'property-service': '物业服务合同纠纷',
  'traffic-accident': '机动车交通事故责任纠纷',
  divorce: '离婚纠纷',
};

export const OUTCOME_NAMES: Record<TRiskOutcome, string> = {
  won: '胜诉',
  'partly-won': '部分胜诉',
  lost: '败诉',
  mediated: '调解结案',
  withdrawn: '撤诉',
  other: '其他方式结案',
};

export type RiskContext = {
  today: IsoDate;
  calendar: RestDayCalendar;
  schedule: FeeSchedule;
  /** Ended matters of this kind on this platform, by outcome. */
  outcomes: Partial<Record<TRiskOutcome, number>>;
};

const yuan = (fen: number) => `${formatYuan(fen)}元`;

function feeOf(request: TRiskReportRequest, schedule: FeeSchedule): TFeeEstimate {
  const input =
    request.kind === 'labour'
      ? { kind: 'labour' as const }
      : request.kind === 'divorce'
        ? { kind: 'divorce' as const, amountFen: request.amountFen }
        : { kind: 'property' as const, amountFen: request.amountFen };
  return estimateFee(ZFeeEstimateRequest.parse(input), schedule);
}

function feeSection(request: TRiskReportRequest, fee: TFeeEstimate): TRiskReport['fee'] {
  const statements: TRiskStatement[] = fee.lines.map((l) => ({ text: `${l.label}：${yuan(l.amountFen)}`, basis: l.basis }));
  statements.push(
    { text: `按普通程序，预计案件受理费 ${yuan(fee.feeFen)}，由原告起诉时预交`, basis: `${DECREE}第二十条第一款` },
    { text: '以调解方式结案或者申请撤诉的，减半交纳案件受理费；适用简易程序审理的，减半交纳', basis: `${DECREE}第十五条、第十六条` },
    { text: '诉讼费用由败诉方负担，胜诉方自愿承担的除外', basis: `${DECREE}第二十九条` },
  );
  if (request.kind === 'labour') statements.push({ text: '劳动争议申请仲裁不收费；对仲裁裁决不服再起诉的，每件交纳 10 元', basis: `${LABOUR_ARBITRATION}第五十三条；${DECREE}第十三条第四项` });
  return { estimate: fee, statements };
}

function limitationSection(request: TRiskReportRequest, ctx: RiskContext): TRiskReport['limitation'] {
  if (request.kind === 'divorce') {
    return {
      status: 'not-applicable',
      years: null,
      lastDay: null,
      daysLeft: null,
      warning: null,
      steps: [
        { text: '诉讼时效抗辩针对的是债权请求权；请求离婚解除的是身份关系，不受诉讼时效期间的限制', basis: '《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第一条' },
        { text: '夫妻一方要求离婚的，可以直接向人民法院提起离婚诉讼', basis: `${CODE}第一千零七十九条第一款` },
        { text: '请求支付抚养费的，不适用诉讼时效的规定', basis: `${CODE}第一百九十六条第三项` },
        { text: '离婚后发现对方隐藏、转移夫妻共同财产，请求再次分割的，诉讼时效期间为三年，从发现之日起计算', basis: '《最高人民法院关于适用〈中华人民共和国民法典〉婚姻家庭编的解释（一）》第八十四条' },
      ],
    };
  }
  const claim: ClaimKind = request.kind === 'labour' ? 'labour-arbitration' : request.international ? 'international-sale' : 'general';
  const result = assessLimitation(
    { claim, knewOn: request.knewOn, lastInstalmentDueOn: request.lastInstalmentDueOn, interruptions: request.interruptions },
    ctx.today,
    ctx.calendar,
  );
  const steps = [...result.steps];
  if (request.kind === 'labour') {
    steps.push({ text: '劳动关系存续期间因拖欠劳动报酬发生争议的，申请仲裁不受一年期限的限制；但劳动关系终止的，应当自终止之日起一年内提出', basis: `${LABOUR_ARBITRATION}第二十七条第四款` });
  }
  const warning = result.status === 'near' || result.status === 'expired' ? result.status : null;
  return { status: result.status, years: result.years, lastDay: result.lastDay, daysLeft: result.daysLeft, warning, steps };
}

function evidenceSection(request: TRiskReportRequest): TRiskReport['evidence'] {
  const checklist = EVIDENCE_CHECKLISTS[request.kind];
  const held = new Set(request.evidence);
  const items = Object.entries(checklist);
  const missing = items.filter(([id]) => !held.has(id)).map(([id, item]) => ({ id, label: item.label, why: item.why, basis: item.basis, essential: item.essential }));
  const statements: TRiskStatement[] = [{ text: '当事人对自己提出的主张，有责任提供证据；证据不足以证明的，由负有举证证明责任的当事人承担不利的后果', basis: `${CPL}第六十七条第一款；${CPL_INTERPRETATION}第九十条` }];
  const essentialMissing = missing.filter((m) => m.essential);
  if (essentialMissing.length) {
    statements.push({ text: `缺少关键证据：${essentialMissing.map((m) => m.label).join('；')}。起诉前请尽量补齐，否则诉讼请求可能得不到支持`, basis: `${CPL_INTERPRETATION}第九十条第二款` });
  } else if (missing.length) {
    statements.push({ text: '关键证据已具备，其余证据可以补强您的主张', basis: `${CPL}第六十七条第一款` });
  } else {
    statements.push({ text: '清单所列证据均已具备', basis: `${CPL}第六十七条第一款` });
  }
  statements.push({ text: '向法院提交证据应当提供原件或者原物；确有困难的，可以提供经法院核对无异的复制件', basis: '《最高人民法院关于民事诉讼证据的若干规定》第十一条' });
  if (request.kind === 'labour') {
    statements.push({ text: '劳动争议应当先向劳动争议仲裁委员会申请仲裁；对仲裁裁决不服的，才可以向人民法院提起诉讼', basis: `${LABOUR_ARBITRATION}第五条` });
  }
  return { held: items.filter(([id]) => held.has(id)).map(([id, item]) => ({ id, label: item.label, basis: item.basis })), missing, statements };
}

const LEVELS: TRiskLevel[] = ['low', 'medium', 'high'];
const LEVEL_NAMES: Record<TRiskLevel, string> = { low: '较低', medium: '中等', high: '较高' };

function enforcementSection(request: TRiskReportRequest): TRiskReport['enforcement'] {
  const side = request.otherSide;
  const statements: TRiskStatement[] = [];
  let level = 0;
  const raise = (to: number) => (level = Math.max(level, to));

  if (side.type === 'company' && side.companyStatus === 'deregistered') {
    raise(2);
    statements.push({ text: '对方公司已注销：法人完成清算、注销登记即终止，只能另行向清算义务人或股东主张，执行难度大', basis: `${CODE}第六十八条第一款` });
  } else if (side.type === 'company' && side.companyStatus === 'abnormal') {
    raise(1);
    statements.push({ text: '对方公司经营异常：被吊销营业执照的，法人解散并进入清算，清算期间不得从事与清算无关的活动，偿债能力存疑', basis: `${CODE}第六十九条第四项、第七十二条第一款` });
  } else if (side.type === 'company' && side.companyStatus === 'operating') {
    statements.push({ text: '对方公司仍在经营，有持续的收入来源可供执行', basis: `${CPL}第二百五十三条第一款` });
  }
  if (side.reachable === 'no') {
    raise(1);
    statements.push({ text: '联系不上对方：下落不明的可以公告送达，公告期三十日，审理时间会延长', basis: `${CPL}第九十五条第一款` });
  }
  if (side.assets === 'no') {
    raise(2);
    statements.push({ text: '对方没有已知的财产或收入：即使胜诉，法院经财产调查未发现可供执行财产的，可以裁定终结本次执行程序', basis: `${CPL_INTERPRETATION}第五百一十七条第一款` });
  } else if (side.assets === 'unknown') {
    raise(1);
    statements.push({ text: '不清楚对方的财产状况：执行阶段，被执行人应当报告财产，法院也可以查询其存款、不动产等', basis: `${CPL}第二百五十二条、第二百五十三条第一款` });
  } else {
    statements.push({ text: '对方有已知的财产或收入，胜诉后可以申请执行', basis: `${CPL}第二百四十七条第一款` });
  }
  if (side.otherDebts === 'yes') {
    raise(2);
    statements.push({ text: '对方还欠着别人的钱、已有其他案件在执行：财产可能不足以清偿全部债务', basis: `${CPL}第二百五十三条第一款` });
  }
  if (side.assets !== 'no' && level >= 1) {
    statements.push({
      text: '可能使判决难以执行的，可以申请财产保全，法院可以责令提供担保',
      basis: `${CPL}第一百零三条第一款、第一百零四条第一款；${CPL_INTERPRETATION}第一百五十二条`,
    });
  }
  const name = LEVELS[level]!;
  statements.unshift({ text: `执行风险${LEVEL_NAMES[name]}`, basis: statements[0]?.basis ?? `${CPL}第二百五十三条第一款` });
  return { level: name, statements };
}

function costsSection(request: TRiskReportRequest, fee: TFeeEstimate, preservation: TFeeEstimate | null, enforcement: TRiskLevel): TRiskReport['costs'] {
  const totalFen = fee.feeFen + (preservation?.feeFen ?? 0);
  const shareBp = request.amountFen > 0 ? Math.round((totalFen * 10_000) / request.amountFen) : null;
  const statements: TRiskStatement[] = [{ text: `案件受理费 ${yuan(fee.feeFen)}`, basis: fee.lines[0]?.basis ?? DECREE }];
  if (preservation) statements.push({ text: `财产保全申请费 ${yuan(preservation.feeFen)}`, basis: preservation.lines[0]?.basis ?? `${DECREE}第十四条第二项` });
  if (shareBp !== null) {
    statements.push({ text: `预交费用合计 ${yuan(totalFen)}，约为请求金额 ${yuan(request.amountFen)} 的 ${(shareBp / 100).toFixed(2)}%；胜诉的，由败诉方负担`, basis: `${DECREE}第二十条第一款、第二十九条` });
  } else {
    statements.push({ text: `预交费用合计 ${yuan(totalFen)}`, basis: `${DECREE}第二十条第一款` });
  }
  if (enforcement === 'high') {
    statements.push({ text: '执行风险较高：胜诉后如对方无财产可供执行，请求金额可能无法实际收回，已预交的费用也难以由对方负担', basis: `${CPL_INTERPRETATION}第五百一十七条第一款；${DECREE}第二十九条` });
  }
  return { caseFeeFen: fee.feeFen, preservation, totalFen, shareBp, statements };
}

function comparablesSection(kind: TRiskDisputeKind, counts: RiskContext['outcomes']): TRiskReport['comparables'] {
  const outcomes = (Object.keys(OUTCOME_NAMES) as TRiskOutcome[]).map((outcome) => ({ outcome, count: counts[outcome] ?? 0 })).filter((o) => o.count > 0);
  const total = outcomes.reduce((a, o) => a + o.count, 0);
  const enough = total >= COMPARABLE_MINIMUM;
  const basis = '本平台已结案件的结案方式统计（不构成对本案结果的预测）';
  const text = enough
    ? `本平台已结的${DISPUTE_NAMES[kind]} ${total} 件中：${outcomes.map((o) => `${OUTCOME_NAMES[o.outcome]} ${o.count} 件（${Math.round((o.count * 100) / total)}%）`).join('，')}`
    : `本平台已结的${DISPUTE_NAMES[kind]}只有 ${total} 件，少于 ${COMPARABLE_MINIMUM} 件，数量太少，不足以说明同类案件的结果`;
  return { total, minimum: COMPARABLE_MINIMUM, enough, outcomes, statement: { text, basis } };
}

export function buildRiskReport(request: TRiskReportRequest, ctx: RiskContext): TRiskReport {
  const fee = feeOf(request, ctx.schedule);
  const preservation = request.preservation ? estimateFee(ZFeeEstimateRequest.parse({ kind: 'preservation', amountFen: request.preservation.amountFen }), ctx.schedule) : null;
  const enforcement = enforcementSection(request);
  return {
    kind: request.kind,
    madeOn: ctx.today,
    summary: request.summary,
    amountFen: request.amountFen,
    fee: feeSection(request, fee),
    limitation: limitationSection(request, ctx),
    evidence: evidenceSection(request),
    enforcement,
    costs: costsSection(request, fee, preservation, enforcement.level),
    comparables: comparablesSection(request.kind, ctx.outcomes),
    disclaimer: { text: '本报告根据您填写的情况，按上列规定逐项自动生成，仅供参考，不构成法律意见，也不代表法院对案件的判断', basis: '上列各项所引法律、法规和司法解释' },
  };
}
