// pdf-lib's font engine. @pdf-lib/fontkit (a fork of fontkit 1) writes broken subsets of CID-keyed CFF
// fonts such as Noto Sans CJK: readers reject the embedded font and draw no Chinese. fontkit 2 subsets
// them correctly; its subsets only renamed encodeStream() to encode(), which this adapter restores.
import { Readable } from 'node:stream';
import { create, type Font } from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

// Parsing an 8 MB CJK font takes most of a render; the fonts are read once per process (fonts.ts), so
// their parses are kept too. A subset is made per document and never changes the parsed font.
const parsed = new WeakMap<Uint8Array, Font>();

export const pdfFontkit = {
  create(bytes: Uint8Array) {
    const known = parsed.get(bytes);
    if (known) return known;
    const font = create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    parsed.set(bytes, font);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      subset.encodeStream = () => Readable.from([subset.encode()]);
      return subset;
    };
    return font;
  },
} as unknown as Parameters<PDFDocument['registerFontkit']>[0];
