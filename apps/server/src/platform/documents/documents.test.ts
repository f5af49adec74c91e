// Render, then read back: the PDF parses, has the pages its content needs and embeds the CJK font;
// the DOCX unzips and its document.xml holds the text.
import { unzipSync, strFromU8 } from 'fflate';
import { PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { CJK_FONT_NAME, PDF_PAGE, PDF_TEXT, renderDocx, renderPdf, type DocumentModel } from './index.ts';

const sample: DocumentModel = {
  title: '诉讼风险评估报告',
  meta: [
    { label: '纠纷类型', value: '民间借贷纠纷' },
    { label: '生成时间', value: '2026-11-25' },
  ],
  sections: [
    {
      heading: '一、诉讼时效',
      blocks: [
        { kind: 'paragraph', text: '向人民法院请求保护民事权利的诉讼时效期间为三年。', strong: true },
        { kind: 'note', text: '依据：《中华人民共和国民法典》第一百八十八条第一款' },
        { kind: 'table', columns: ['证据', '依据'], rows: [['借条、借款合同', '民间借贷司法解释第二条']], widths: [2, 3] },
      ],
    },
  ],
  footer: { verificationCode: 'RR-7F3K-9QXD', note: 'OpenCourt 在线法院' },
};

/** The font dictionaries' BaseFont names and whether each has its font file embedded. */
function embeddedFonts(pdf: PDFDocument) {
  const fonts: { name: string; embedded: boolean }[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const file = obj.get(PDFName.of('FontFile3')) ?? obj.get(PDFName.of('FontFile2')) ?? obj.get(PDFName.of('FontFile'));
    fonts.push({ name: String(obj.get(PDFName.of('FontName'))), embedded: file !== undefined && pdf.context.lookup(file) instanceof PDFStream });
  }
  return fonts;
}

const docxText = (bytes: Uint8Array) => strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);

describe('PDF rendering', () => {
  it('parses with pdf-lib and embeds a subset of the CJK font', async () => {
    const bytes = await renderPdf(sample);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe('诉讼风险评估报告');
    const fonts = embeddedFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(new RegExp(`^/${CJK_FONT_NAME}-(Regular|Bold)`));
      expect(f.embedded).toBe(true);
    }
    expect(bytes.length).toBeLessThan(300_000); // subset: the whole font is 8 MB
  });

  it('starts new pages exactly when the lines no longer fit', async () => {
    // The title and the heading take the top of the first page; every page keeps the footer's room.
    const step = PDF_TEXT.body * PDF_TEXT.lineGap;
    const titleHeight = PDF_TEXT.title * PDF_TEXT.lineGap + PDF_TEXT.body;
    const headingHeight = PDF_TEXT.body * 0.8 + PDF_TEXT.heading * PDF_TEXT.lineGap;
    const usable = PDF_PAGE.height - 2 * PDF_PAGE.margin - PDF_PAGE.footer;
    const firstPage = Math.floor((usable - titleHeight - headingHeight) / step);
    const otherPages = Math.floor(usable / step);
    const lines = firstPage + 2 * otherPages + 1; // spills one line onto a fourth page
    const model: DocumentModel = {
      title: '长文档',
      meta: [],
      sections: [{ heading: '正文', blocks: Array.from({ length: lines }, (_, i) => ({ kind: 'paragraph' as const, text: `第${i + 1}行` })) }],
      footer: {},
    };
    expect((await PDFDocument.load(await renderPdf(model))).getPageCount()).toBe(4);
    model.sections[0]!.blocks.pop();
    expect((await PDFDocument.load(await renderPdf(model))).getPageCount()).toBe(3);
  });

  it('wraps long Chinese paragraphs and long tables across pages', async () => {
    const longText = '当事人应当对自己提出的主张提供证据。'.repeat(400);
    const model: DocumentModel = {
      ...sample,
      sections: [
        { heading: '长段落', blocks: [{ kind: 'paragraph', text: longText }] },
        { heading: '长表格', blocks: [{ kind: 'table', columns: ['序号', '内容'], rows: Array.from({ length: 120 }, (_, i) => [String(i + 1), `证据材料${i + 1}：借条原件及转账记录`]) }] },
      ],
    };
    const pdf = await PDFDocument.load(await renderPdf(model));
    // 7,200 characters at about 45 a line and 40 lines a page, then 120 rows: well over five pages.
    expect(pdf.getPageCount()).toBeGreaterThan(5);
  });

  it('renders a 200-section document', async () => {
    const model: DocumentModel = {
      ...sample,
      sections: Array.from({ length: 200 }, (_, i) => ({
        heading: `第${i + 1}节`,
        blocks: [
          { kind: 'paragraph' as const, text: '借款人应当按照约定的期限返还借款。对借款期限没有约定或者约定不明确的，借款人可以随时返还。' },
          { kind: 'note' as const, text: '依据：《中华人民共和国民法典》第六百七十五条' },
        ],
      })),
    };
    const bytes = await renderPdf(model);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(10);
    const docx = await renderDocx(model);
    expect(docxText(docx)).toContain('第200节');
  });
});

describe('DOCX rendering', () => {
  it('unzips into a Word package whose document.xml holds the text', async () => {
    const bytes = await renderDocx(sample);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const xml = docxText(bytes);
    for (const text of ['诉讼风险评估报告', '纠纷类型：民间借贷纠纷', '一、诉讼时效', '向人民法院请求保护民事权利的诉讼时效期间为三年。', '借条、借款合同', '民间借贷司法解释第二条']) {
      expect(xml).toContain(text);
    }
    const footers = Object.keys(files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    const footerXml = footers.map((f) => strFromU8(files[f]!)).join('');
    expect(footerXml).toContain('验证码：RR-7F3K-9QXD');
    expect(footerXml).toMatch(/PAGE/);
    expect(footerXml).toMatch(/NUMPAGES/);
  });
});

describe('images (signatures, seals, QR codes)', () => {
  const withImage = async (): Promise<DocumentModel> => ({
    title: '签名测试',
    meta: [],
    sections: [{ heading: '签名', blocks: [{ kind: 'image', png: await QRCode.toBuffer('OpenCourt', { type: 'png', width: 64 }), width: 120, height: 120, caption: '申请人签名' }] }],
    footer: {},
  });

  it('draws the PNG on the PDF page at its size, with its caption', async () => {
    const pdf = await PDFDocument.load(await renderPdf(await withImage()));
    const resources = pdf.getPage(0).node.Resources()!;
    const xObjects = resources.lookup(PDFName.of('XObject'), PDFDict);
    const images = xObjects.entries().map(([, ref]) => pdf.context.lookup(ref, PDFStream)).filter((s) => s.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
    expect(images).toHaveLength(1);
  });

  it('embeds the PNG in the Word package', async () => {
    const files = unzipSync(await renderDocx(await withImage()));
    expect(Object.keys(files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    expect(docxText(await renderDocx(await withImage()))).toContain('申请人签名');
  });
});
