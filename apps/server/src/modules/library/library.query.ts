// A user's query → the full-text query. Each run of text the user typed (between spaces or
// punctuation) must match, either as typed (a phrase of bigrams: 诉讼时效 as a substring) or as its
// words anywhere in the passage (离婚后财产怎么分割 → 离婚 & 财产 & 分割, stop words dropped); ts_rank_cd's
// cover density then ranks the phrase above scattered words. Article labels in the query (第188条,
// 第一百八十八条) become a filter. When nothing matches every run, the service relaxes to any word.
import { normaliseArticleLabel } from './library.numerals.ts';
import { bigrams, HAN, normaliseText, segmentWords, STOP_WORDS } from './library.segment.ts';

export type SearchPlan = {
  /** Article labels named in the query, as the laws write them. */
  labels: string[];
  /** Every run must match; null when the query is only a label. */
  all: string | null;
  /** Any of the words (the relaxed search). */
  any: string | null;
  /** What the highlighter marks: the runs as typed and their words. */
  needles: string[];
  /** The words searched for, to show the user. */
  terms: string[];
};

const LABEL_IN_QUERY = /第\s*([零〇一二三四五六七八九十百千万两]+|\d{1,5})\s*条(?:\s*之\s*([零〇一二三四五六七八九十]+|\d{1,2}))?/gu;
const RUN_BREAK = /[\s。；;！!？?，,、：:（）()“”"'「」『』《》〈〉【】\[\]{}<>\\/|&*+=~`^$#@%-]+/u;
/** Longer runs are sentences, not keywords: only their words are searched for. */
const MAX_PHRASE_CHARS = 12;

const isHan = (text: string) => HAN.test(text);
const isAllHan = (text: string) => /^\p{Script=Han}+$/u.test(text);
const length = (text: string) => [...text].length;

/** A lexeme quoted for to_tsquery: tokens are word-like, but nothing a user typed is trusted. */
const lexeme = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** Chinese text as a whole word or as the phrase of its bigrams; a lone character as a prefix. */
function hanTerm(text: string): string {
  const pairs = bigrams(text);
  if (length(text) === 1) return `${lexeme(text)}:*`;
  if (pairs.length === 1) return lexeme(pairs[0]!);
  return `(${lexeme(text)} | ${pairs.map(lexeme).join(' <-> ')})`;
}

const wordTerm = (word: string) => (isHan(word) ? hanTerm(word) : lexeme(word));

type Run = { text: string; words: string[] };

function runQuery(run: Run): string {
  const words = run.words.length ? run.words : [run.text];
  if (isAllHan(run.text) && (words.length === 1 || length(run.text) <= 2)) return hanTerm(run.text);
  const all = words.length === 1 ? wordTerm(words[0]!) : `(${words.map(wordTerm).join(' & ')})`;
  if (!isAllHan(run.text) || length(run.text) > MAX_PHRASE_CHARS) return all;
  return `(${hanTerm(run.text)} | ${all})`;
}

export function planQuery(query: string): SearchPlan {
  const normalised = normaliseText(query);
  const labels = [...normalised.matchAll(LABEL_IN_QUERY)].map((m) => normaliseArticleLabel(m[0]));
  const rest = normalised.replace(LABEL_IN_QUERY, ' ');
  const runs: Run[] = [];
  for (const text of rest.split(RUN_BREAK)) {
    const words = segmentWords(text);
    if (!words.length) continue;
    // A run of stop words only (的, 怎么) says nothing; single characters matter only when alone.
    const content = words.filter((w) => !STOP_WORDS.has(w) && (!isHan(w) || length(w) > 1));
    runs.push({ text: words.join(''), words: content });
  }
  const meaningful = runs.filter((r) => r.words.length);
  // Nothing but stop words or single characters (债, 的): search them as they are.
  const used = meaningful.length ? meaningful : runs.map((r) => ({ text: r.text, words: [] }));
  const words = [...new Set(used.flatMap((r) => (r.words.length ? r.words : [r.text])))];
  // A run with one word in it (民法典 → 民法 + 典) is looked for as typed, not as that word (人民法院).
  const shown = [...new Set(used.flatMap((r) => (r.words.length > 1 ? r.words : [r.text])))];
  return {
    labels: [...new Set(labels)],
    all: used.length ? used.map(runQuery).join(' & ') : null,
    any: words.length ? words.map(wordTerm).join(' | ') : null,
    needles: [...new Set([...used.map((r) => r.text), ...shown])],
    terms: shown,
  };
}
