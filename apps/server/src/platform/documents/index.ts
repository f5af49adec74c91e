// Document rendering: one DocumentModel, rendered to PDF (embedded CJK font) and DOCX. The renderers
// (pdf-lib, fontkit, docx: most of a second to load) are imported on first use, so processes and
// commands that render nothing do not pay for them.
import type { DocumentModel } from './document.model.ts';

export { pageLabel, verificationLabel, type DocumentBlock, type DocumentModel, type DocumentSection } from './document.model.ts';
export { PDF_PAGE, PDF_TEXT } from './pdf.layout.ts';
export { breakUnits, wrapText } from './line-break.ts';
export { CJK_FONT_NAME } from './fonts.ts';

export async function renderPdf(model: DocumentModel): Promise<Uint8Array> {
  return (await import('./pdf.render.ts')).renderPdf(model);
}

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  return (await import('./docx.render.ts')).renderDocx(model);
}
