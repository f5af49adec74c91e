// The CJK font for PDFs: Noto Sans CJK SC (OFL-1.1) as shipped in the @embedpdf/fonts-sc npm package,
// so nothing is fetched at run time. Read once per process; each PDF embeds only the glyphs it uses.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export type FontWeight = 'regular' | 'bold';
const FILES: Record<FontWeight, string> = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' };
/** The name the embedded fonts carry (PDF BaseFont, with a subset prefix). */
export const CJK_FONT_NAME = 'NotoSansHans';

// The package exports only its font list, so its files are found beside its entry point.
const fontDir = path.resolve(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '../fonts');
const loaded = new Map<FontWeight, Promise<Uint8Array>>();

export function loadFont(weight: FontWeight): Promise<Uint8Array> {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = readFile(path.join(fontDir, FILES[weight]));
    bytes.catch(() => loaded.delete(weight));
    loaded.set(weight, bytes);
  }
  return bytes;
}
