// Chinese text to search tokens, the same way at import and at query time.
//
// Intl.Segmenter (ICU's dictionary) splits text into words, but not always the same way in a document
// and in a query: 人民法院 is one word, so a search for 法院 would miss it if words were all we had. So a
// passage is indexed twice: its words (weighted higher) and the character bigrams of every run of
// Chinese characters. A query is split into words by the segmenter; each Chinese word matches either
// as a whole word or as the phrase of its bigrams (诉讼时效 → 诉讼 <-> 讼时 <-> 时效), i.e. as a substring
// of the text whatever the segmenter made of the document, and a whole-word match ranks higher (民法
// the word, not the 民法 inside 人民法院).
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
// ICU is much slower on long strings (quadratic in places): segment clause by clause.
const CLAUSE_BREAK = /[\n。；;！!？?，,、：:（）()“”"「」『』《》〈〉【】\s]+/u;
// Zero-width characters and the BOM, which the corpus has between paragraphs.
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff]/g;

/** Words too common to be worth a query term on their own (they still count inside a phrase). */
export const STOP_WORDS = new Set([
  '的', '了', '是', '在', '和', '与', '及', '或', '或者', '以及', '对', '把', '被', '将', '从', '向', '由', '为', '之', '其', '这', '那',
  '吗', '呢', '吧', '啊', '怎么', '怎样', '如何', '什么', '哪些', '哪个', '是否', '可以', '能否', '能不能', '有没有', '应该', '应当', '要', '会',
  '我', '我们', '你', '他', '她', '它', '他们', '有关', '关于', '规定', '问题',
]);

/** NFKC folds full-width Latin and digits (ＡＢＣ１２３) into ASCII; lower-case for Latin. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}

/** The word-like segments of a text, in order, normalised. */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const clause of normaliseText(text).split(CLAUSE_BREAK)) {
    if (!clause) continue;
    for (const s of segmenter.segment(clause)) if (s.isWordLike) words.push(s.segment);
  }
  return words;
}

/** Overlapping character pairs of a run of Chinese characters (a single character is its own token). */
export function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

export type IndexTokens = {
  /** The segmenter's words, space-separated, for `to_tsvector('simple', words)`. */
  words: string;
  /** The bigrams of each run of Chinese characters (a run of one character is its own token). */
  bigrams: string;
};

export function indexTokens(text: string): IndexTokens {
  const normalised = normaliseText(text);
  const pairs: string[] = [];
  for (const run of normalised.match(HAN_RUN) ?? []) pairs.push(...bigrams(run));
  return { words: segmentWords(normalised).join(' '), bigrams: pairs.join(' ') };
}
