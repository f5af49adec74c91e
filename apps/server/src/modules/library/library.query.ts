// A user's query → the full-text query. The query is split into runs (between spaces and punctuation)
// and each run into words by the segmenter; stop words are dropped and consecutive lone characters
// joined (承|揽 → 承揽, a word the dictionary lacks). Every word must occur: a two-character word as that
// bigram, a longer one as all of its bigrams (诉讼时效 → 诉讼 & 讼时 & 时效), so 法院 is found inside 人民法院
// whatever the segmenter made of the document. There is no phrase operator: PostgreSQL would recheck
// every candidate against its stored vector and ts_rank_cd would slow down several times, while cover
// density already ranks the words standing together (the phrase as typed) above the same words
// scattered. Article labels in the query (第188条, 第一百八十八条) become a filter. When nothing matches
// every word, the service relaxes to any of them (see anyOf).
import { normaliseArticleLabel } from './library.numerals.ts';
import { bigrams, HAN, normaliseText, segmentWords, STOP_WORDS } from './library.segment.ts';

export type SearchPlan = {
  /** Article labels named in the query, as the laws write them. */
  labels: string[];
  /** Every word must match; null when the query is only a label. */
  all: string | null;
  /** Each word's query and the lexemes it needs (the relaxed search picks among them). */
  words: { text: string; query: string; lexemes: string[] }[];
  /** What the highlighter marks: the runs as typed and their words. */
  needles: string[];
  /** The words searched for, to show the user. */
  terms: string[];
};

const LABEL_IN_QUERY = /第\s*([零〇一二三四五六七八九十百千万两]+|\d{1,5})\s*条(?:\s*之\s*([零〇一二三四五六七八九十]+|\d{1,2}))?/gu;
const RUN_BREAK = /[\s。；;！!？?，,、：:（）()“”"'「」『』《》〈〉【】\[\]{}<>\\/|&*+=~`^$#@%-]+/u;

const isHan = (text: string) => HAN.test(text);
const length = (text: string) => [...text].length;

/** A lexeme quoted for to_tsquery: tokens are word-like, but nothing a user typed is trusted. */
const lexeme = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A Chinese word as its bigrams, all required; a lone character as a prefix (债 → 债权, 债务…). */
function hanTerm(text: string): string {
  if (length(text) === 1) return `${lexeme(text)}:*`;
  const pairs = bigrams(text);
  return pairs.length === 1 ? lexeme(pairs[0]!) : `(${pairs.map(lexeme).join(' & ')})`;
}

const wordTerm = (word: string) => (isHan(word) ? hanTerm(word) : lexeme(word));
// (A word is all Chinese or has none: the segmenter splits 4倍 into 4 and 倍.)

/** Joins consecutive lone Chinese characters: the segmenter splits words its dictionary lacks. */
function joinLoneCharacters(words: string[]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const w of words) {
    if (isHan(w) && length(w) === 1 && !STOP_WORDS.has(w)) {
      pending += w;
      continue;
    }
    if (pending) out.push(pending);
    pending = '';
    out.push(w);
  }
  if (pending) out.push(pending);
  return out;
}

export function planQuery(query: string): SearchPlan {
  const normalised = normaliseText(query);
  const labels = [...normalised.matchAll(LABEL_IN_QUERY)].map((m) => normaliseArticleLabel(m[0]));
  const rest = normalised.replace(LABEL_IN_QUERY, ' ');
  const runs: { text: string; words: string[] }[] = [];
  for (const text of rest.split(RUN_BREAK)) {
    const words = segmentWords(text);
    if (!words.length) continue;
    // Stop words (的, 怎么) say nothing; a character standing alone matters only when it is all there is.
    const content = joinLoneCharacters(words).filter((w) => !STOP_WORDS.has(w) && (!isHan(w) || length(w) > 1));
    runs.push({ text: words.join(''), words: content });
  }
  const meaningful = runs.filter((r) => r.words.length);
  // Nothing but stop words or single characters (债, 的): search them as they are.
  const used = meaningful.length ? meaningful : runs.map((r) => ({ text: r.text, words: [r.text] }));
  // A Chinese run with one word in it (民法典 → 民法 + 典) is looked for as typed, not as that word (人民法院).
  const terms = [...new Set(used.flatMap((r) => (r.words.length === 1 && /^\p{Script=Han}+$/u.test(r.text) ? [r.text] : r.words)))];
  return {
    labels: [...new Set(labels)],
    all: terms.length ? terms.map(wordTerm).join(' & ') : null,
    words: terms.map((t) => ({ text: t, query: wordTerm(t), lexemes: isHan(t) && length(t) > 1 ? bigrams(t) : [t] })),
    needles: [...new Set([...used.map((r) => r.text), ...terms])],
    terms,
  };
}

/**
 * The relaxed query: any of the words, leaving out those in more than `maxShare` of the articles
 * (公司, 纠纷: reading their index entries costs more than they tell), unless nothing else is left.
 */
export function anyOf(plan: SearchPlan, frequency: (lexeme: string) => number, maxShare = 0.1): string | null {
  if (!plan.words.length) return null;
  const share = (w: SearchPlan['words'][number]) => Math.min(...w.lexemes.map(frequency));
  const telling = plan.words.filter((w) => share(w) <= maxShare);
  const chosen = telling.length ? telling : [plan.words.reduce((a, b) => (share(b) < share(a) ? b : a))];
  return chosen.map((w) => w.query).join(' | ');
}
