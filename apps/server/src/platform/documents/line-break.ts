// Line breaking for mixed Chinese and Latin text: a line may break between any two CJK characters,
// and between Latin words at spaces; closing punctuation never starts a line and opening punctuation
// never ends one (the common 禁则 of Chinese typesetting). Pure: widths come from the caller.

const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;
/** Never at the start of a line. */
const CLOSING = new Set([...'，。、；：？！）》」』”’】〕〉…—,.;:?!)]}%']);
/** Never at the end of a line. */
const OPENING = new Set([...'（《「『“‘【〔〈([{']);

/** Units that may not be split: a CJK character, a Latin word with its trailing spaces, with punctuation glued on. */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  let word = '';
  const flushWord = () => {
    if (word) units.push(word);
    word = '';
  };
  for (const ch of text) {
    if (CJK.test(ch) || ch === ' ') {
      if (ch === ' ') {
        word += ch;
        flushWord();
        continue;
      }
      flushWord();
      units.push(ch);
    } else {
      word += ch;
    }
  }
  flushWord();
  // Glue closing punctuation to the unit before it, and opening punctuation to the unit after it.
  const glued: string[] = [];
  let pendingOpen = '';
  for (const u of units) {
    if (CLOSING.has(u[0]!) && glued.length && !pendingOpen) {
      glued[glued.length - 1] += u;
    } else if (u.length === 1 && OPENING.has(u)) {
      pendingOpen += u;
    } else {
      glued.push(pendingOpen + u);
      pendingOpen = '';
    }
  }
  if (pendingOpen) glued.push(pendingOpen);
  return glued;
}

/** Lines no wider than `maxWidth` (a unit wider than a whole line is split by character). */
export function wrapText(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraphLine of text.split('\n')) {
    let line = '';
    for (const unit of breakUnits(paragraphLine)) {
      if (widthOf(line + unit) <= maxWidth) {
        line += unit;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      if (widthOf(unit) <= maxWidth) {
        line = unit;
        continue;
      }
      for (const ch of unit) {
        if (line && widthOf(line + ch) > maxWidth) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
