// The documents of online filing, described once and rendered by platform/documents: the complaint
// (民事起诉状, with the elements of 《民事诉讼法》第一百二十四条), the ruling refusing to accept
// (不予受理裁定, 第一百二十六条) and the notice to pay the acceptance fee (交纳诉讼费用通知书,
// 在线诉讼规则第九条第一项).
import type { TFilingParty } from '@opencourt/contracts';
import type { DocumentModel } from '../../platform/documents/index.ts';
import { formatYuan } from '../fees/index.ts';

export type ComplaintData = {
  courtName: string;
  cause: string;
  parties: TFilingParty[];
  claims: { description: string; amountFen: number | null }[];
  facts: string;
  evidence: string;
  materials: string[];
  submittedAt: Date;
};

const SIDE_NAMES = { plaintiff: '原告', defendant: '被告', 'third-party': '第三人' } as const;
const SEX_NAMES = { male: '男', female: '女' } as const;
const yuan = (fen: number) => `${formatYuan(fen)}元`;
const beijingDate = (d: Date) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(d);

function partyLine(p: TFilingParty): string {
  const bits: string[] = [`${SIDE_NAMES[p.side]}：${p.name}`];
  if (p.kind === 'person') {
    if (p.sex) bits.push(SEX_NAMES[p.sex]);
    if (p.birthDate) bits.push(`${p.birthDate}出生`);
    if (p.ethnicity) bits.push(p.ethnicity);
    if (p.occupation) bits.push(p.occupation);
    if (p.workplace) bits.push(`工作单位：${p.workplace}`);
    if (p.idNumber) bits.push(`身份证件号码：${p.idNumber}`);
    bits.push(`住所：${p.address}`);
  } else {
    if (p.uscc) bits.push(`统一社会信用代码：${p.uscc}`);
    bits.push(`住所：${p.address}`);
    if (p.representative) bits.push(`法定代表人：${p.representative}${p.representativeTitle ? `，${p.representativeTitle}` : ''}`);
  }
  if (p.phone) bits.push(`联系电话：${p.phone}`);
  return bits.join('，');
}

export function complaintDocument(d: ComplaintData): DocumentModel {
  const plaintiffs = d.parties.filter((p) => p.side === 'plaintiff').map((p) => p.name);
  return {
    title: '民事起诉状',
    meta: [
      { label: '案由', value: d.cause },
      { label: '提交时间', value: beijingDate(d.submittedAt) },
    ],
    sections: [
      { heading: '当事人', blocks: d.parties.map((p) => ({ kind: 'paragraph' as const, text: partyLine(p) })) },
      {
        heading: '诉讼请求',
        blocks: d.claims.map((c, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. ${c.description}${c.amountFen ? `（${yuan(c.amountFen)}）` : ''}` })),
      },
      { heading: '事实与理由', blocks: d.facts.split(/\n+/).map((t) => ({ kind: 'paragraph' as const, text: t })) },
      {
        heading: '证据和证据来源',
        blocks: [
          ...d.evidence.split(/\n+/).map((t) => ({ kind: 'paragraph' as const, text: t })),
          ...(d.materials.length ? [{ kind: 'note' as const, text: `附：${d.materials.join('、')}` }] : []),
        ],
      },
      {
        heading: '',
        blocks: [
          { kind: 'paragraph', text: `此致\n${d.courtName}` },
          { kind: 'paragraph', text: `起诉人：${plaintiffs.join('、')}` },
          { kind: 'paragraph', text: beijingDate(d.submittedAt) },
        ],
      },
    ],
    footer: { note: '依《中华人民共和国民事诉讼法》第一百二十四条生成 · OpenCourt 网上立案' },
  };
}

export function refusalRulingDocument(d: { courtName: string; cause: string; plaintiffs: string[]; defendants: string[]; submittedAt: Date; reasons: string; decidedAt: Date }): DocumentModel {
  return {
    title: '民事裁定书',
    meta: [{ label: '法院', value: d.courtName }],
    sections: [
      { heading: '当事人', blocks: [{ kind: 'paragraph', text: `起诉人：${d.plaintiffs.join('、')}` }] },
      {
        heading: '',
        blocks: [
          { kind: 'paragraph', text: `${beijingDate(d.submittedAt)}，本院通过网上立案收到起诉人对${d.defendants.join('、')}提起的${d.cause}起诉。经审查，${d.reasons}` },
          { kind: 'paragraph', text: '依照《中华人民共和国民事诉讼法》第一百二十二条、第一百二十六条之规定，裁定如下：' },
          { kind: 'paragraph', text: '对起诉人的起诉，本院不予受理。', strong: true },
          { kind: 'paragraph', text: '如不服本裁定，可以在裁定书送达之日起十日内，向本院递交上诉状，上诉于上一级人民法院。' },
          { kind: 'paragraph', text: `${d.courtName}\n${beijingDate(d.decidedAt)}` },
        ],
      },
    ],
    footer: { note: 'OpenCourt 网上立案' },
  };
}

export function feeNoticeDocument(d: { courtName: string; caseNumber: string; cause: string; payer: string; baseFen: number; feeFen: number; acceptedAt: Date; rule: string }): DocumentModel {
  return {
    title: '交纳诉讼费用通知书',
    meta: [
      { label: '案号', value: d.caseNumber },
      { label: '法院', value: d.courtName },
    ],
    sections: [
      {
        heading: '',
        blocks: [
          { kind: 'paragraph', text: `${d.payer}：` },
          { kind: 'paragraph', text: `你（单位）起诉的${d.cause}一案，本院已于${beijingDate(d.acceptedAt)}登记立案。依照《诉讼费用交纳办法》第二十条、第二十二条的规定，请于接到本通知次日起七日内预交案件受理费。` },
          { kind: 'table', columns: ['项目', '计算基数', '金额'], rows: [['案件受理费', d.baseFen > 0 ? yuan(d.baseFen) : '按件', yuan(d.feeFen)]], widths: [2, 2, 2] },
          { kind: 'note', text: d.rule },
          { kind: 'paragraph', text: '可在 OpenCourt “我的立案” 页面在线缴纳。逾期不交纳又未提出缓交、减交、免交申请的，按撤诉处理。' },
        ],
      },
    ],
    footer: { note: 'OpenCourt 网上立案' },
  };
}
