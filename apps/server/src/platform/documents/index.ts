// Document rendering: one DocumentModel, rendered to PDF (embedded CJK font) and DOCX.
export { pageLabel, verificationLabel, type DocumentBlock, type DocumentModel, type DocumentSection } from './document.model.ts';
export { renderPdf, PDF_PAGE, PDF_TEXT } from './pdf.render.ts';
export { renderDocx } from './docx.render.ts';
export { breakUnits, wrapText } from './line-break.ts';
export { CJK_FONT_NAME } from './fonts.ts';
