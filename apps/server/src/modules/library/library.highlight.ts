// Highlighted snippets as data, not markup: a list of text segments, each marked as a hit or not, which
// the web renders as text nodes and <mark> elements. Nothing from the database is ever HTML.
export type Segment = { text: string; hit: boolean };

/** Code-unit index moved off the second half of a surrogate pair, so a cut never splits a character. */
const onBoundary = (text: string, i: number) => (i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]!) ? i - 1 : i);

/** Which characters of the text belong to an occurrence of any needle (case-insensitive for Latin). */
export function hitMask(text: string, needles: string[]): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  const haystack = text.toLowerCase();
  for (const needle of [...new Set(needles.map((n) => n.toLowerCase()).filter(Boolean))]) {
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      mask.fill(true, at, at + needle.length);
    }
  }
  return mask;
}

function segmentsOf(text: string, mask: boolean[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let start = from;
  for (let i = from + 1; i <= to; i++) {
    if (i === to || mask[i] !== mask[start]) {
      out.push({ text: text.slice(start, i), hit: !!mask[start] });
      start = i;
    }
  }
  return out;
}

/**
 * The window of at most `maxLength` characters with the most highlighted characters (the whole text
 * when it fits), cut with an ellipsis where it was shortened.
 */
export function highlight(text: string, needles: string[], maxLength = Infinity): Segment[] {
  if (!text) return [];
  const mask = hitMask(text, needles);
  if (text.length <= maxLength) return segmentsOf(text, mask, 0, text.length);
  // Prefix sums of hit characters let every candidate window be scored in O(1).
  const sums = new Array<number>(text.length + 1).fill(0);
  for (let i = 0; i < text.length; i++) sums[i + 1] = sums[i]! + (mask[i] ? 1 : 0);
  const lead = Math.min(20, Math.floor(maxLength / 4));
  let bestStart = 0;
  let bestScore = -1;
  for (let i = 0; i < text.length; i++) {
    if (!mask[i] || (i > 0 && mask[i - 1])) continue; // each hit's first character
    const start = Math.max(0, Math.min(i - lead, text.length - maxLength));
    const score = sums[start + maxLength]! - sums[start]!;
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
    }
  }
  const from = onBoundary(text, bestStart);
  const to = onBoundary(text, Math.min(text.length, from + maxLength));
  const segments = segmentsOf(text, mask, from, to);
  if (from > 0) segments.unshift({ text: '…', hit: false });
  if (to < text.length) segments.push({ text: '…', hit: false });
  return segments;
}
