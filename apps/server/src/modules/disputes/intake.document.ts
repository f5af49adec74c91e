// The 民事起诉状 or 调解申请书 a party reviews before submitting: who the parties are (民事诉讼法
// art. 124: name, sex, birth date, address and contact of a person; name, address and legal
// representative of an organisation), the requests, the facts and reasons, the evidence and its
// source, the addressee, the signature line and the date. One model; PDF and DOCX render it.
import { checkIdNumber, type TIntakeDocumentKind, type TIntakeRequest } from '@opencourt/contracts';
import type { DocumentModel } from '../../platform/documents/index.ts';
import { day, sideNames } from './intake.compose.ts';

export type DocumentParty =
  | { kind: 'person'; name: string; idNumber: string; idLabel: string; phone?: string; address?: string }
  | { kind: 'organisation'; name: string; uscc: string; legalRepresentative: string; phone?: string; address?: string };

export type IntakeDocumentInput = {
  document: TIntakeDocumentKind;
  applicants: DocumentParty[];
  respondents: DocumentParty[];
  cause: string;
  requests: TIntakeRequest[];
  facts: string[];
  evidence: { title: string; source: string }[];
  /** 此致: the court, or the mediation organisation when one is chosen. */
  addressee: string;
  /** YYYY-MM-DD, the day the document is made. */
  madeOn: string;
};

function partyLine(role: string, p: DocumentParty): string {
  if (p.kind === 'organisation') {
    return [`${role}：${p.name}`, `统一社会信用代码：${p.uscc}`, p.address && `住所：${p.address}`, `法定代表人：${p.legalRepresentative}`, p.phone && `联系电话：${p.phone}`]
      .filter(Boolean)
      .join('，');
  }
  // A mainland ID states sex and birth date; other documents do not, and nothing is guessed.
  const id = checkIdNumber(p.idNumber);
  const sex = id.sex ? (id.sex === 'male' ? '男' : '女') : undefined;
  const born = id.birthDate ? `${day(id.birthDate)}出生` : undefined;
  return [`${role}：${p.name}`, sex, born, `${p.idLabel}：${p.idNumber}`, p.address && `住址：${p.address}`, p.phone && `联系电话：${p.phone}`].filter(Boolean).join('，');
}

const numbered = (items: string[]) => items.map((text, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. ${text}` }));

export function intakeDocument(input: IntakeDocumentInput): DocumentModel {
  const side = sideNames(input.document);
  const complaint = input.document === 'complaint';
  const signer = input.applicants.map((p) => p.name).join('、');
  return {
    title: complaint ? '民事起诉状' : '调解申请书',
    meta: [{ label: '案由', value: input.cause }],
    sections: [
      {
        heading: '当事人',
        blocks: [
          ...input.applicants.map((p) => ({ kind: 'paragraph' as const, text: partyLine(side.applicant, p) })),
          ...input.respondents.map((p) => ({ kind: 'paragraph' as const, text: partyLine(side.respondent, p) })),
        ],
      },
      { heading: complaint ? '诉讼请求' : '请求事项', blocks: numbered(input.requests.map((r) => r.text)) },
      { heading: '事实与理由', blocks: input.facts.map((text) => ({ kind: 'paragraph' as const, text })) },
      {
        heading: '证据和证据来源',
        blocks: input.evidence.length
          ? [{ kind: 'table', columns: ['序号', '证据名称', '来源'], widths: [1, 5, 3], rows: input.evidence.map((e, i) => [String(i + 1), e.title, e.source]) }]
          : [{ kind: 'paragraph', text: '（尚未提交证据）' }],
      },
      {
        heading: '',
        blocks: [
          { kind: 'paragraph', text: '此致' },
          { kind: 'paragraph', text: input.addressee, strong: true },
          { kind: 'paragraph', text: `${complaint ? '具状人' : '申请人'}：${signer}` },
          { kind: 'paragraph', text: day(input.madeOn) },
          ...(complaint ? [{ kind: 'note' as const, text: `附：本起诉状副本${input.respondents.length}份` }] : []),
        ],
      },
    ],
    footer: { note: complaint ? 'OpenCourt 在线生成的民事起诉状' : 'OpenCourt 在线生成的调解申请书' },
  };
}
