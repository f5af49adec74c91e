// From a party's answers to the intake questionnaire, the parts of a 民事起诉状 or 调解申请书 that
// depend on the kind of dispute: the cause of action, the requests (each with its amount in fen), the
// facts in plain sentences, and what the party should know before submitting, each with its basis.
// Pure: no I/O, same answers → same text.
import type { TIntakeAnswers, TIntakeDocumentKind, TIntakeRequest } from '@opencourt/contracts';
import { formatYuan } from '../fees/index.ts';

export type IntakeNotice = {
  code: string;
  /** `block`: the chosen document cannot be made from these answers (the party may choose the other). */
  level: 'block' | 'warn' | 'info';
  text: string;
  basis: string;
};

export type ComposedIntake = {
  /** The cause of action's name in the civil cause catalogue (民事案件案由规定). */
  cause: string;
  requests: TIntakeRequest[];
  facts: string[];
  notices: IntakeNotice[];
  /** What the requests ask for in money, for the fee estimate. */
  totalFen: number;
};

export type ComposeInput = {
  answers: TIntakeAnswers;
  document: TIntakeDocumentKind;
  /** How the document names each side: 原告/被告 or 申请人/被申请人 come from `document`. */
  applicantName: string;
  respondentName: string;
};

const yuan = (fen: number) => `${formatYuan(BigInt(fen))}元`;
/** 2026-03-02 → 2026年3月2日, as court documents write dates. */
export const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const LIABILITY: Record<Extract<TIntakeAnswers, { kind: 'traffic-accident' }>['liability'], string> = {
  full: '全部责任',
  main: '主要责任',
  equal: '同等责任',
  minor: '次要责任',
  none: '无责任',
  undetermined: '（尚未认定）',
};

const FAMILY_CAUSE = {
  divorce: '离婚纠纷',
  'child-support': '抚养费纠纷',
  'elder-support': '赡养费纠纷',
  custody: '变更抚养关系纠纷',
  'property-division': '离婚后财产纠纷',
} as const;

const moneyRequest = (text: string, amountFen: number): TIntakeRequest => ({ text, amountFen });

/** The sides' names as the chosen document calls them. */
export const sideNames = (document: TIntakeDocumentKind) =>
  document === 'complaint' ? { applicant: '原告', respondent: '被告' } : { applicant: '申请人', respondent: '被申请人' };

export function composeIntake(input: ComposeInput): ComposedIntake {
  const { answers: a, document } = input;
  const side = sideNames(document);
  const me = `${side.applicant}${input.applicantName}`;
  const them = `${side.respondent}${input.respondentName}`;
  const requests: TIntakeRequest[] = [];
  const facts: string[] = [];
  const notices: IntakeNotice[] = [];
  let cause: string;

  switch (a.kind) {
    case 'traffic-accident': {
      cause = '机动车交通事故责任纠纷';
      const losses = [
        ['医疗费', a.medicalFen],
        ['误工费', a.lostIncomeFen],
        ['车辆损失', a.vehicleLossFen],
        ['其他损失', a.otherLossFen],
      ] as const;
      const total = losses.reduce((s, [, v]) => s + v, 0);
      const listed = losses.filter(([, v]) => v > 0).map(([label, v]) => `${label}${yuan(v)}`);
      facts.push(
        `${day(a.accidentOn)}，${me}与${them}在${a.place}发生交通事故。` +
          (a.liability === 'undetermined' ? '事故责任尚待公安机关交通管理部门认定。' : `经公安机关交通管理部门认定，${them}负事故${LIABILITY[a.liability]}。`),
      );
      if (listed.length) facts.push(`事故造成${me}损失共计${yuan(total)}，其中${listed.join('、')}。`);
      if (a.insurer) facts.push(`肇事车辆在${a.insurer}投保，保险公司应在保险责任范围内先行赔偿（《中华人民共和国民法典》第一千二百一十三条）。`);
      if (total > 0) requests.push(moneyRequest(`${them}赔偿${me}各项损失共计${yuan(total)}`, total));
      if (a.liability === 'none')
        notices.push({
          code: 'traffic-no-liability',
          level: 'warn',
          text: '交警认定对方无责任，对方通常只在机动车交通事故责任强制保险的无责赔偿限额内承担赔偿责任。',
          basis: '《中华人民共和国道路交通安全法》第七十六条',
        });
      if (a.liability === 'undetermined')
        notices.push({ code: 'traffic-no-determination', level: 'info', text: '建议取得道路交通事故认定书后一并提交，以便确定赔偿比例。', basis: '《中华人民共和国道路交通安全法》第七十三条' });
      break;
    }
    case 'property-service': {
      cause = '物业服务合同纠纷';
      if (a.applicantRole === 'company') {
        const total = a.unpaidFen + a.lateFeeFen;
        const period = a.unpaidFrom && a.unpaidTo ? `自${day(a.unpaidFrom)}至${day(a.unpaidTo)}期间` : '';
        facts.push(`${me}为${a.propertyAddress}提供物业服务，${them}为该房屋业主，${period}未缴纳物业费${yuan(a.unpaidFen)}，经催告仍未支付。`);
        if (a.unpaidFen > 0) requests.push(moneyRequest(`${them}支付${period}物业费${yuan(a.unpaidFen)}`, a.unpaidFen));
        if (a.lateFeeFen > 0) requests.push(moneyRequest(`${them}支付违约金${yuan(a.lateFeeFen)}`, a.lateFeeFen));
        if (total === 0) notices.push({ code: 'property-no-amount', level: 'warn', text: '未填写欠缴金额，请补充，否则无法计算请求数额。', basis: '《中华人民共和国民法典》第九百四十四条' });
        notices.push({ code: 'property-demand', level: 'info', text: '业主逾期不缴物业费的，物业服务人应先催告，可以提起诉讼或者申请仲裁；不得以停水停电等方式催交。', basis: '《中华人民共和国民法典》第九百四十四条' });
      } else {
        facts.push(`${me}系${a.propertyAddress}业主，${them}为该小区物业服务人。${a.serviceIssues ?? ''}`.trim());
        requests.push({ text: `${them}按照物业服务合同的约定履行物业服务义务` });
        notices.push({ code: 'property-service-duty', level: 'info', text: '物业服务人应按约定和物业的使用性质妥善维修、养护、清洁、绿化和经营管理物业服务区域内的业主共有部分。', basis: '《中华人民共和国民法典》第九百四十二条' });
      }
      break;
    }
    case 'family': {
      cause = FAMILY_CAUSE[a.request];
      if (a.marriedOn) facts.push(`${me}与${them}于${day(a.marriedOn)}登记结婚${a.children ? `，育有子女${a.children}人` : ''}。`);
      if (a.request === 'divorce') {
        requests.push({ text: `${me}与${them}离婚` });
        if (a.propertyFen > 0) requests.push(moneyRequest(`依法分割夫妻共同财产（价值约${yuan(a.propertyFen)}）`, a.propertyFen));
        facts.push('双方感情确已破裂，无和好可能。');
        if (document === 'complaint')
          notices.push({ code: 'divorce-mediation', level: 'info', text: '人民法院审理离婚案件，应当进行调解。', basis: '《中华人民共和国民法典》第一千零七十九条' });
      } else if (a.request === 'child-support' || a.request === 'elder-support') {
        const who = a.request === 'child-support' ? '抚养费' : '赡养费';
        // A periodic payment has no single amount: the request carries none.
        requests.push({ text: a.monthlySupportFen > 0 ? `${them}每月支付${who}${yuan(a.monthlySupportFen)}` : `${them}支付${who}` });
        notices.push({
          code: 'support-duty',
          level: 'info',
          text: a.request === 'child-support' ? '父母不履行抚养义务的，未成年子女有要求父母给付抚养费的权利。' : '成年子女不履行赡养义务的，缺乏劳动能力或者生活困难的父母有要求成年子女给付赡养费的权利。',
          basis: '《中华人民共和国民法典》第一千零六十七条',
        });
      } else if (a.request === 'custody') {
        requests.push({ text: '变更子女的抚养关系，子女由' + me + '直接抚养' });
      } else {
        requests.push(moneyRequest(`依法分割离婚时未处理的夫妻共同财产（价值约${yuan(a.propertyFen)}）`, a.propertyFen));
      }
      break;
    }
    case 'labour': {
      cause = a.unpaidWagesFen > 0 ? '追索劳动报酬纠纷' : a.compensationFen > 0 ? '经济补偿金纠纷' : '劳动合同纠纷';
      facts.push(`${me}于${day(a.startedOn)}入职${them}，月工资${yuan(a.monthlyWageFen)}${a.endedOn ? `，于${day(a.endedOn)}离职` : ''}。`);
      if (!a.writtenContract) facts.push(`${them}未与${me}订立书面劳动合同。`);
      if (a.unpaidWagesFen > 0) requests.push(moneyRequest(`${them}支付拖欠的工资${yuan(a.unpaidWagesFen)}`, a.unpaidWagesFen));
      if (a.compensationFen > 0) requests.push(moneyRequest(`${them}支付解除劳动合同的经济补偿金${yuan(a.compensationFen)}`, a.compensationFen));
      if (!a.writtenContract)
        notices.push({ code: 'labour-no-contract', level: 'info', text: '用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。', basis: '《中华人民共和国劳动合同法》第八十二条' });
      if (document === 'complaint' && !a.arbitrated)
        notices.push({
          code: 'labour-arbitration-first',
          level: 'block',
          text: '劳动争议须先申请劳动争议仲裁，对仲裁裁决不服的才可以向人民法院起诉。可以先申请调解。',
          basis: '《中华人民共和国劳动争议调解仲裁法》第五条',
        });
      break;
    }
    case 'private-lending': {
      cause = '民间借贷纠纷';
      const owed = Math.max(0, a.principalFen - a.repaidFen);
      facts.push(
        `${day(a.lentOn)}，${them}向${me}借款${yuan(a.principalFen)}` +
          (a.annualRateBp ? `，约定年利率${formatRate(a.annualRateBp)}` : '，未约定利息') +
          (a.dueOn ? `，约定于${day(a.dueOn)}前归还` : '') +
          `。${a.repaidFen > 0 ? `${them}已归还${yuan(a.repaidFen)}，` : ''}尚欠本金${yuan(owed)}，经${me}催讨未还。`,
      );
      requests.push(moneyRequest(`${them}偿还借款本金${yuan(owed)}`, owed));
      if (a.annualRateBp)
        requests.push({
          text: `${them}支付利息（以${yuan(owed)}为基数，自${day(a.lentOn)}起按年利率${formatRate(a.annualRateBp)}计算至实际清偿之日止，以不超过合同成立时一年期贷款市场报价利率四倍为限）`,
        });
      if (owed === 0) notices.push({ code: 'lending-repaid', level: 'block', text: '已还金额不少于本金，没有可以请求偿还的本金。', basis: '《中华人民共和国民法典》第六百七十五条' });
      if (a.annualRateBp)
        notices.push({
          code: 'lending-rate-cap',
          level: 'info',
          text: '约定的利率超过合同成立时一年期贷款市场报价利率四倍的部分，人民法院不予支持。',
          basis: '《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条',
        });
      if (!a.hasIou)
        notices.push({ code: 'lending-no-iou', level: 'warn', text: '没有借条的，请准备转账记录、聊天记录等能证明借贷关系和款项交付的证据。', basis: '《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二条' });
      break;
    }
    case 'sale-contract': {
      cause = '买卖合同纠纷';
      const unpaid = Math.max(0, a.priceFen - a.paidFen);
      facts.push(`${day(a.contractOn)}，${me}与${them}订立买卖合同，约定${a.goods}的价款为${yuan(a.priceFen)}，已付${yuan(a.paidFen)}。`);
      if (a.problem === 'unpaid') {
        facts.push(`${me}已按约交付货物，${them}尚欠货款${yuan(unpaid)}未付。`);
        requests.push(moneyRequest(`${them}支付货款${yuan(unpaid)}`, unpaid));
      } else if (a.problem === 'undelivered') {
        facts.push(`${me}已付款${yuan(a.paidFen)}，${them}未按约交付货物。`);
        requests.push({ text: `${them}交付${a.goods}，或者返还已付价款${yuan(a.paidFen)}`, amountFen: a.paidFen });
      } else {
        facts.push(`${them}交付的${a.goods}不符合约定的质量要求。`);
        requests.push({ text: `${them}承担修理、更换、退货或者减少价款等违约责任` });
        notices.push({ code: 'sale-inspection', level: 'info', text: '买受人应在约定或者合理的检验期限内将质量不符的情形通知出卖人，否则视为标的物符合约定。', basis: '《中华人民共和国民法典》第六百二十一条' });
      }
      break;
    }
    case 'other': {
      cause = a.subject;
      if (a.amountFen > 0) requests.push(moneyRequest(`${them}支付${yuan(a.amountFen)}`, a.amountFen));
      break;
    }
  }
  if (document === 'complaint') requests.push({ text: `本案诉讼费用由${them}承担` });
  const totalFen = requests.reduce((s, r) => s + (r.amountFen ?? 0), 0);
  return { cause, requests, facts, notices, totalFen };
}

/** 1,500 bp → 15%, 385 bp → 3.85%. */
export const formatRate = (bp: number) => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
