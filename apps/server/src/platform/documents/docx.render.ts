// A DocumentModel as a Word document (docx): the same title, meta lines, headed sections, tables and
// footer as the PDF, with Word's own page fields for the page numbers. Fonts are named, not embedded:
// Word picks the reader's Chinese font (SimSun/宋体 by default) for East Asian text.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { verificationLabel, type DocumentBlock, type DocumentModel } from './document.model.ts';

const FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '宋体', cs: 'Arial' };
const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' };
const GREY = '6B6B6B';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

function table(block: Extract<DocumentBlock, { kind: 'table' }>): Table {
  const weights = block.widths ?? block.columns.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: Math.round((weights[i]! / total) * 100), type: WidthType.PERCENTAGE },
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
      shading: header ? { type: ShadingType.CLEAR, fill: 'F0F0F0', color: 'auto' } : undefined,
      children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, font: FONT, size: 21 })] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c, i, true)) }),
      ...block.rows.map((r) => new TableRow({ cantSplit: true, children: block.columns.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
  });
}

function blocks(block: DocumentBlock): (Paragraph | Table)[] {
  if (block.kind === 'table') return [table(block), new Paragraph({})];
  if (block.kind === 'image') {
    // Points to pixels at Word's 96 dpi.
    const size = { width: Math.round((block.width * 96) / 72), height: Math.round((block.height * 96) / 72) };
    return [
      new Paragraph({ children: [new ImageRun({ type: 'png', data: block.png, transformation: size })] }),
      ...(block.caption ? [new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: block.caption, font: FONT, size: 17, color: GREY })] })] : []),
    ];
  }
  if (block.kind === 'note') return [new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: block.text, font: FONT, size: 17, color: GREY })] })];
  return [new Paragraph({ spacing: { after: 60, line: 360 }, children: [new TextRun({ text: block.text, bold: block.strong, font: FONT, size: 21 })] })];
}

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const footerParts = [model.footer.note, model.footer.verificationCode ? verificationLabel(model.footer.verificationCode) : undefined].filter(Boolean);
  const small = { font: FONT, size: 17, color: GREY };
  const doc = new Document({
    title: model.title,
    creator: 'OpenCourt',
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, // A4, 2 cm
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: footerParts.length ? `${footerParts.join('　　')}　　` : '', ...small }),
                  new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'], ...small }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: model.title, bold: true, font: HEADING_FONT, size: 36 })] }),
          ...model.meta.map((m) => new Paragraph({ children: [new TextRun({ text: `${m.label}：${m.value}`, ...small, size: 20 })] })),
          ...model.sections.flatMap((s) => [
            new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, keepNext: true, children: [new TextRun({ text: s.heading, bold: true, font: HEADING_FONT, size: 26, color: '000000' })] }),
            ...s.blocks.flatMap(blocks),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
