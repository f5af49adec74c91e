// One description of a document's content, rendered to both PDF and DOCX: modules (rulings,
// certificates, receipts, reports) describe what a document says once and never lay out pages.

export type DocumentBlock =
  | { kind: 'paragraph'; text: string; strong?: boolean }
  /** A small grey line under a paragraph, e.g. the rule a statement rests on. */
  | { kind: 'note'; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][]; /** Relative column widths; equal when absent. */ widths?: number[] }
  /** A PNG (a handwritten signature, a seal, a QR code) at a size in points, with a line under it. */
  | { kind: 'image'; png: Uint8Array; width: number; height: number; caption?: string };

export type DocumentSection = { heading: string; blocks: DocumentBlock[] };

export type DocumentModel = {
  title: string;
  /** Lines under the title: "label：value". */
  meta: { label: string; value: string }[];
  sections: DocumentSection[];
  footer: {
    /** Printed on every page, so a reader can check the document on the verification page. */
    verificationCode?: string;
    /** A short line on every page, e.g. the issuing platform. */
    note?: string;
  };
};

/** "第 3 页 / 共 7 页": page numbers in the footer, in both formats. */
export const pageLabel = (page: number, pages: number) => `第 ${page} 页 / 共 ${pages} 页`;
export const verificationLabel = (code: string) => `验证码：${code}`;
