// The evidence checklist of each kind of dispute, as data: what to have, why it matters, and the rule
// that makes it matter. The ids are the contract's (RISK_EVIDENCE); the web words them in its catalogues.
import { RISK_EVIDENCE, type TRiskDisputeKind } from '@opencourt/contracts';

export type EvidenceItem = {
  label: string;
  /** What goes wrong without it. */
  why: string;
  basis: string;
  /** Without it the claim can hardly be made at all. */
  essential: boolean;
};

const CODE = '《中华人民共和国民法典》';
const LENDING = '《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》';
const SALE = '《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》';
const LABOUR_ARBITRATION = '《中华人民共和国劳动争议调解仲裁法》';
const LABOUR_CONTRACT = '《中华人民共和国劳动合同法》';
const ROAD = '《中华人民共和国道路交通安全法》';
const ROAD_INTERPRETATION = '《最高人民法院关于审理道路交通事故损害赔偿案件适用法律若干问题的解释》';
const CPL = '《中华人民共和国民事诉讼法》';
const EVIDENCE_RULES = '《最高人民法院关于民事诉讼证据的若干规定》';

const demandRecords: EvidenceItem = {
  label: '催款记录（短信、微信聊天记录、催告函等）',
  why: '向对方主张权利会使诉讼时效中断、重新计算；聊天记录等电子数据应保存原始载体',
  basis: `${CODE}第一百九十五条第一项；${EVIDENCE_RULES}第十四条、第十五条`,
  essential: false,
};

export const EVIDENCE_CHECKLISTS: Record<TRiskDisputeKind, Record<string, EvidenceItem>> = {
  'private-lending': {
    iou: { label: '借条、欠条、收据或借款合同', why: '起诉民间借贷应当提供债权凭证', basis: `${LENDING}第二条第一款`, essential: true },
    'transfer-records': {
      label: '转账记录或收款凭证',
      why: '自然人之间的借款合同自提供借款时成立；只有借条而对方否认收到款项的，需证明款项已实际交付',
      basis: `${CODE}第六百七十九条；${LENDING}第十五条第二款`,
      essential: true,
    },
    'interest-agreement': { label: '利息约定（借条或聊天记录中的约定）', why: '没有约定利息的，主张利息不予支持', basis: `${LENDING}第二十四条第一款`, essential: false },
    'demand-records': demandRecords,
    'borrower-identity': { label: '借款人的身份信息（姓名、身份证号、住址）', why: '起诉须有明确的被告', basis: `${CPL}第一百二十二条第二项`, essential: false },
  },
  'sale-contract': {
    contract: { label: '书面买卖合同或订单', why: '证明买卖合同关系及约定的价款、交付和付款期限', basis: `${CODE}第五百九十五条；${CPL}第六十七条第一款`, essential: true },
    'delivery-notes': { label: '送货单、收货单、结算单', why: '没有书面合同时，可以用送货单、收货单、结算单等证明买卖关系', basis: `${SALE}第一条第一款`, essential: true },
    invoices: { label: '发票', why: '仅凭增值税专用发票证明已交货，对方不认可的，还须提供其他交付证据', basis: `${SALE}第五条第一款`, essential: false },
    'payment-records': { label: '付款记录、对账单', why: '证明已付和尚欠的金额', basis: `${CPL}第六十七条第一款`, essential: false },
    'demand-records': demandRecords,
  },
  labour: {
    'labour-contract': { label: '劳动合同', why: '证明劳动关系；用人单位未订立书面劳动合同的，劳动者可主张二倍工资', basis: `${LABOUR_CONTRACT}第十条第一款、第八十二条第一款`, essential: false },
    'wage-records': { label: '工资条、工资银行流水', why: '证明工资标准和拖欠数额', basis: `${LABOUR_ARBITRATION}第六条`, essential: true },
    attendance: { label: '考勤记录、工作证、社保缴费记录', why: '证明劳动关系和工作时间；由用人单位掌握管理的证据，用人单位应当提供，不提供的承担不利后果', basis: `${LABOUR_ARBITRATION}第六条`, essential: false },
    'termination-notice': { label: '解除或终止劳动合同的通知、证明', why: '用人单位应当出具解除或者终止劳动合同的证明，证明解除的时间和理由', basis: `${LABOUR_CONTRACT}第五十条第一款`, essential: false },
    'arbitration-award': {
      label: '劳动仲裁裁决书或不予受理通知书',
      why: '劳动争议须先申请劳动仲裁，对仲裁裁决不服的才可以向人民法院提起诉讼',
      basis: `${LABOUR_ARBITRATION}第五条`,
      essential: true,
    },
  },
  'property-service': {
    'service-contract': { label: '物业服务合同或前期物业服务合同', why: '证明物业服务关系及约定的服务内容和收费', basis: `${CODE}第九百三十七条第一款、第九百三十九条`, essential: true },
    'fee-standard': { label: '物业费收费标准及公示材料', why: '业主应当按照约定支付物业费；擅自提高标准的部分业主可以拒付', basis: `${CODE}第九百四十四条第一款；《最高人民法院关于审理物业服务纠纷案件适用法律若干问题的解释》第二条`, essential: true },
    'service-records': { label: '物业服务履行记录（保洁、维修、安保记录）', why: '物业服务人已按约定提供服务的，业主不得以未接受服务为由拒付物业费', basis: `${CODE}第九百四十四条第一款`, essential: false },
    'arrears-statement': { label: '欠费明细', why: '证明欠费期间和数额', basis: `${CPL}第六十七条第一款`, essential: false },
    'demand-records': { ...demandRecords, why: '业主逾期不支付物业费的，物业服务人可以催告其在合理期限内支付；催告也使诉讼时效中断', basis: `${CODE}第九百四十四条第二款、第一百九十五条第一项` },
  },
  'traffic-accident': {
    'accident-report': { label: '交通事故认定书', why: '公安机关交通管理部门制作的交通事故认定书是处理交通事故的证据，载明各方责任', basis: `${ROAD}第七十三条`, essential: true },
    'medical-records': { label: '病历、诊断证明、医疗费票据', why: '人身损害应当赔偿医疗费等为治疗和康复支出的合理费用，须有票据证明', basis: `${CODE}第一千一百七十九条`, essential: true },
    'loss-evidence': { label: '误工、护理、交通费等损失证明', why: '误工费、护理费、交通费等按实际损失赔偿', basis: `${CODE}第一千一百七十九条`, essential: false },
    insurance: { label: '对方车辆的交强险和商业险保单信息', why: '先由保险公司在交强险责任限额内赔偿；承保交强险的保险公司应列为共同被告', basis: `${ROAD}第七十六条第一款；${ROAD_INTERPRETATION}第二十二条第一款`, essential: false },
    appraisal: { label: '伤残等级或车辆损失鉴定意见', why: '造成残疾的，还应当赔偿辅助器具费和残疾赔偿金', basis: `${CODE}第一千一百七十九条`, essential: false },
  },
  divorce: {
    'marriage-certificate': { label: '结婚证', why: '完成结婚登记，即确立婚姻关系', basis: `${CODE}第一千零四十九条`, essential: true },
    'breakdown-evidence': { label: '感情确已破裂的证据（分居、家庭暴力、恶习等）', why: '感情确已破裂、调解无效的，应当准予离婚；法律列举了重婚、家庭暴力、分居满二年等情形', basis: `${CODE}第一千零七十九条第三款`, essential: true },
    'property-evidence': { label: '夫妻共同财产的证明（房产、存款、车辆等）', why: '离婚时共同财产协议不成的，由人民法院判决分割', basis: `${CODE}第一千零六十二条、第一千零八十七条第一款`, essential: false },
    'children-evidence': { label: '子女抚养情况的证明', why: '离婚后子女的抚养由双方协议，协议不成的由人民法院按照最有利于未成年子女的原则判决', basis: `${CODE}第一千零八十四条第三款`, essential: false },
    'debt-evidence': { label: '夫妻共同债务的证明', why: '夫妻共同签名或事后追认的债务等属于共同债务', basis: `${CODE}第一千零六十四条`, essential: false },
  },
};

// The data and the contract name the same items, in the same order.
for (const kind of Object.keys(RISK_EVIDENCE) as TRiskDisputeKind[]) {
  if (Object.keys(EVIDENCE_CHECKLISTS[kind]).join() !== RISK_EVIDENCE[kind].join()) throw new Error(`evidence checklist of ${kind} differs from the contract`);
}
