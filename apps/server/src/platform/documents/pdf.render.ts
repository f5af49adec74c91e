// A DocumentModel as an A4 PDF (pdf-lib + fontkit 2), Chinese text in an embedded, subset CJK font,
// lines broken between CJK characters, tables split across pages by row with the header repeated,
// and a footer with the verification code and page numbers on every page.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { pageLabel, verificationLabel, type DocumentBlock, type DocumentModel } from './document.model.ts';
import { loadFont } from './fonts.ts';
import { pdfFontkit } from './pdf.fontkit.ts';
import { wrapText } from './line-break.ts';
import { PDF_PAGE, PDF_TEXT } from './pdf.layout.ts';

/** A4 in points, and the text area inside the margins. */

const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.42, 0.42, 0.42);
const RULE = rgb(0.6, 0.6, 0.6);
const CELL_PAD = 4;

type Fonts = { regular: PDFFont; bold: PDFFont };

/** Writes lines top-down, starting a new page whenever the next thing does not fit. */
class Cursor {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];
  readonly width = PDF_PAGE.width - 2 * PDF_PAGE.margin;
  private readonly bottom = PDF_PAGE.margin + PDF_PAGE.footer;

  constructor(private readonly doc: PDFDocument) {
    this.newPage();
  }
  newPage() {
    this.page = this.doc.addPage([PDF_PAGE.width, PDF_PAGE.height]);
    this.pages.push(this.page);
    this.y = PDF_PAGE.height - PDF_PAGE.margin;
  }
  /** Make room for `height` points, on a new page if needed. */
  reserve(height: number) {
    if (this.y - height < this.bottom && this.y < PDF_PAGE.height - PDF_PAGE.margin) this.newPage();
  }
  text(lines: string[], font: PDFFont, size: number, color = INK, x: number = PDF_PAGE.margin) {
    const step = size * PDF_TEXT.lineGap;
    for (const line of lines) {
      this.reserve(step);
      this.y -= step;
      if (line) this.page.drawText(line, { x, y: this.y + (step - size) / 2, size, font, color });
    }
  }
}

const wrap = (text: string, font: PDFFont, size: number, width: number) => wrapText(text, width, (s) => font.widthOfTextAtSize(s, size));

function drawTable(cursor: Cursor, block: Extract<DocumentBlock, { kind: 'table' }>, fonts: Fonts) {
  const size = PDF_TEXT.body;
  const step = size * PDF_TEXT.lineGap;
  const weights = block.widths ?? block.columns.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (cursor.width * w) / total);
  const layout = (cells: string[], font: PDFFont) => {
    const lines = widths.map((w, i) => wrap(cells[i] ?? '', font, size, w - 2 * CELL_PAD));
    return { lines, height: Math.max(...lines.map((l) => l.length)) * step + 2 * CELL_PAD };
  };
  const header = layout(block.columns, fonts.bold);
  const drawRow = (row: { lines: string[][]; height: number }, font: PDFFont, shade: boolean) => {
    let x = PDF_PAGE.margin;
    const top = cursor.y;
    if (shade) cursor.page.drawRectangle({ x, y: top - row.height, width: cursor.width, height: row.height, color: rgb(0.94, 0.94, 0.94) });
    row.lines.forEach((lines, i) => {
      lines.forEach((line, n) => {
        if (line) cursor.page.drawText(line, { x: x + CELL_PAD, y: top - CELL_PAD - (n + 1) * step + (step - size) / 2, size, font, color: INK });
      });
      cursor.page.drawRectangle({ x, y: top - row.height, width: widths[i]!, height: row.height, borderColor: RULE, borderWidth: 0.5 });
      x += widths[i]!;
    });
    cursor.y -= row.height;
  };
  cursor.reserve(header.height + step);
  drawRow(header, fonts.bold, true);
  for (const cells of block.rows) {
    const row = layout(cells, fonts.regular);
    const before = cursor.pages.length;
    cursor.reserve(row.height);
    if (cursor.pages.length !== before) drawRow(header, fonts.bold, true); // the header again on the new page
    drawRow(row, fonts.regular, false);
  }
  cursor.y -= step / 2;
}

async function drawImage(doc: PDFDocument, cursor: Cursor, block: Extract<DocumentBlock, { kind: 'image' }>, fonts: Fonts) {
  const image = await doc.embedPng(block.png);
  const width = Math.min(block.width, cursor.width);
  const height = (block.height * width) / block.width;
  cursor.reserve(height + (block.caption ? PDF_TEXT.note * PDF_TEXT.lineGap : 0));
  cursor.y -= height;
  cursor.page.drawImage(image, { x: PDF_PAGE.margin, y: cursor.y, width, height });
  if (block.caption) cursor.text(wrap(block.caption, fonts.regular, PDF_TEXT.note, cursor.width), fonts.regular, PDF_TEXT.note, GREY);
}

export async function renderPdf(model: DocumentModel): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(pdfFontkit);
  doc.setTitle(model.title);
  doc.setProducer('OpenCourt');
  doc.setCreator('OpenCourt');
  const [regular, bold] = await Promise.all([loadFont('regular'), loadFont('bold')]);
  const fonts: Fonts = { regular: await doc.embedFont(regular, { subset: true }), bold: await doc.embedFont(bold, { subset: true }) };
  const cursor = new Cursor(doc);

  // The title, centred line by line.
  for (const line of wrap(model.title, fonts.bold, PDF_TEXT.title, cursor.width)) {
    const x = PDF_PAGE.margin + (cursor.width - fonts.bold.widthOfTextAtSize(line, PDF_TEXT.title)) / 2;
    cursor.text([line], fonts.bold, PDF_TEXT.title, INK, x);
  }
  cursor.y -= PDF_TEXT.body;
  for (const m of model.meta) cursor.text(wrap(`${m.label}：${m.value}`, fonts.regular, PDF_TEXT.body, cursor.width), fonts.regular, PDF_TEXT.body, GREY);

  for (const section of model.sections) {
    cursor.y -= PDF_TEXT.body * 0.8;
    // A heading never ends a page alone: keep room for it and the first line after it.
    cursor.reserve(PDF_TEXT.heading * PDF_TEXT.lineGap + PDF_TEXT.body * PDF_TEXT.lineGap);
    cursor.text(wrap(section.heading, fonts.bold, PDF_TEXT.heading, cursor.width), fonts.bold, PDF_TEXT.heading);
    for (const block of section.blocks) {
      if (block.kind === 'table') drawTable(cursor, block, fonts);
      else if (block.kind === 'image') await drawImage(doc, cursor, block, fonts);
      else if (block.kind === 'note') cursor.text(wrap(block.text, fonts.regular, PDF_TEXT.note, cursor.width), fonts.regular, PDF_TEXT.note, GREY);
      else {
        const font = block.strong ? fonts.bold : fonts.regular;
        cursor.text(wrap(block.text, font, PDF_TEXT.body, cursor.width), font, PDF_TEXT.body);
      }
    }
  }

  // The footer, once the page count is known.
  const pages = cursor.pages.length;
  cursor.pages.forEach((page, i) => {
    const parts = [model.footer.note, model.footer.verificationCode ? verificationLabel(model.footer.verificationCode) : undefined, pageLabel(i + 1, pages)];
    const line = parts.filter(Boolean).join('　　');
    const size = PDF_TEXT.note;
    const x = (PDF_PAGE.width - fonts.regular.widthOfTextAtSize(line, size)) / 2;
    page.drawLine({ start: { x: PDF_PAGE.margin, y: PDF_PAGE.margin + size * 2 }, end: { x: PDF_PAGE.width - PDF_PAGE.margin, y: PDF_PAGE.margin + size * 2 }, thickness: 0.5, color: RULE });
    page.drawText(line, { x: Math.max(PDF_PAGE.margin, x), y: PDF_PAGE.margin, size, font: fonts.regular, color: GREY });
  });
  return doc.save();
}
