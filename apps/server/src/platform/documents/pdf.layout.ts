// The PDF page and type sizes (A4, in points), apart from the renderer so callers and tests read them
// without loading pdf-lib.
export const PDF_PAGE = { width: 595.28, height: 841.89, margin: 56, footer: 36 } as const;
export const PDF_TEXT = { title: 18, heading: 13, body: 10.5, note: 8.5, lineGap: 1.55 } as const;
