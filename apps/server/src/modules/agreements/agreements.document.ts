// The 人民调解协议书 as a document: the parties, the facts and issues, the agreed clauses, the payment
// schedule, default, when it takes effect, and each signatory's handwritten signature with the time
// they signed. A draft shows "待签署" where a signature will go.
import type { TAgreementTerms } from '@opencourt/contracts';
import type { DocumentBlock, DocumentModel } from '../../platform/documents/index.ts';
import { formatYuan } from '../fees/index.ts';

export type SignatureLine = { role: 'party' | 'mediator'; name: string; signedAt: Date | null; png: Buffer | null };

const yuan = (fen: number) => `${formatYuan(BigInt(fen))}元`;
const beijingTime = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

function signatureBlocks(s: SignatureLine): DocumentBlock[] {
  const who = `${s.role === 'mediator' ? '调解员' : '当事人'}：${s.name}`;
  if (!s.png || !s.signedAt) return [{ kind: 'paragraph', text: `${who}（待签署）` }];
  return [
    { kind: 'paragraph', text: who },
    { kind: 'image', png: s.png, width: 150, height: 60, caption: `签署时间：${beijingTime(s.signedAt)}（北京时间）` },
  ];
}

export function agreementDocument(input: { matterTitle: string; caseNumber: string | null; terms: TAgreementTerms; signatures: SignatureLine[]; draft: boolean }): DocumentModel {
  const { terms } = input;
  const parties = input.signatures.filter((s) => s.role === 'party').map((s) => s.name);
  const schedule = terms.payments.flatMap((p) => p.instalments.map((x, i) => [p.payer, p.payee, `第${i + 1}期`, x.dueOn, yuan(x.amountFen)]));
  return {
    title: input.draft ? '人民调解协议书（草稿）' : '人民调解协议书',
    meta: [
      { label: '纠纷', value: input.matterTitle },
      ...(input.caseNumber ? [{ label: '案号', value: input.caseNumber }] : []),
      { label: '当事人', value: parties.join('、') },
    ],
    sections: [
      { heading: '一、纠纷的主要事实和争议事项', blocks: [{ kind: 'paragraph', text: terms.facts }] },
      { heading: '二、经调解，各方自愿达成如下协议', blocks: terms.clauses.map((text, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. ${text}` })) },
      ...(schedule.length
        ? [{ heading: '三、给付安排', blocks: [{ kind: 'table' as const, columns: ['付款人', '收款人', '期次', '履行日期', '金额'], widths: [3, 3, 2, 3, 3], rows: schedule }] }]
        : []),
      ...(terms.onDefault ? [{ heading: '违约责任', blocks: [{ kind: 'paragraph' as const, text: terms.onDefault }] }] : []),
      {
        heading: '协议的效力',
        blocks: [
          { kind: 'paragraph', text: '本协议自各方当事人签名、调解员签名之日起生效，具有法律约束力，当事人应当按照约定履行。' },
          { kind: 'note', text: '依据：《中华人民共和国人民调解法》第二十九条、第三十一条' },
          { kind: 'paragraph', text: '各方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。' },
          { kind: 'note', text: '依据：《中华人民共和国人民调解法》第三十三条' },
        ],
      },
      { heading: '签名', blocks: input.signatures.flatMap(signatureBlocks) },
    ],
    footer: { note: input.draft ? 'OpenCourt 调解协议草稿（未生效）' : 'OpenCourt 人民调解协议书' },
  };
}
