// The certificate that a decision has taken effect (生效证明): what it says, as one document model, and
// the PDF with the QR code of its public verification link drawn in the corner of the first page.
import QRCode from 'qrcode';
import type { TDecisionKind } from '@opencourt/contracts';
import { PDF_PAGE, renderPdf, type DocumentModel } from '../../platform/documents/index.ts';
import { DECISION_KIND_NAMES } from './decisions.rules.ts';

export type CertificateFacts = {
  court: string;
  caseNumber: string;
  kind: TDecisionKind;
  decidedOn: string;
  effectiveOn: string;
  basis: string;
  parties: string[];
  issuedTo: string;
  issuedAt: Date;
  code: string;
  verifyUrl: string;
};

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const shanghai = (d: Date) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'medium', hour12: false }).format(d);

export function certificateModel(f: CertificateFacts): DocumentModel {
  const kindName = DECISION_KIND_NAMES[f.kind].replace(/（.*）$/, '');
  return {
    title: '生效证明',
    meta: [
      { label: '法院', value: f.court },
      { label: '案号', value: f.caseNumber },
      { label: '文书', value: DECISION_KIND_NAMES[f.kind] },
      { label: '作出日期', value: chineseDate(f.decidedOn) },
      { label: '当事人', value: f.parties.join('、') },
      { label: '生效日期', value: chineseDate(f.effectiveOn) },
      { label: '申请人', value: f.issuedTo },
      { label: '出具时间', value: shanghai(f.issuedAt) },
    ],
    sections: [
      {
        heading: '证明事项',
        blocks: [
          { kind: 'paragraph', text: `${f.court}${f.caseNumber}${kindName}已于${chineseDate(f.effectiveOn)}发生法律效力。`, strong: true },
          { kind: 'note', text: `依据：${f.basis}` },
        ],
      },
      {
        heading: '核验',
        blocks: [
          { kind: 'paragraph', text: `扫描右上角二维码，或打开 ${f.verifyUrl} 核验本证明；也可在核验页输入验证码 ${f.code}。` },
          { kind: 'note', text: '本证明由当事人在 OpenCourt 平台自助出具，其出具记录与文件指纹已载入法院证据账本。' },
        ],
      },
    ],
    footer: { verificationCode: f.code, note: 'OpenCourt 生效证明（当事人自助出具）' },
  };
}

/** The rendered certificate: the document, then its verification link as a QR code drawn as vector squares. */
export async function certificatePdf(f: CertificateFacts): Promise<Uint8Array> {
  const bytes = await renderPdf(certificateModel(f));
  const { PDFDocument, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.load(bytes);
  const page = pdf.getPage(0);
  const qr = QRCode.create(f.verifyUrl, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const size = 64;
  const cell = size / n;
  const left = PDF_PAGE.width - 16 - size;
  const top = PDF_PAGE.height - 16;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) page.drawRectangle({ x: left + col * cell, y: top - (row + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }
  }
  return pdf.save();
}
