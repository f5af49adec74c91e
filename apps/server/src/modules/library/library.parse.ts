// The Markdown format of the law corpus (LawRefBook, see data/laws/SOURCE.md and 法律法规模版.md):
//
//   # 中华人民共和国民法典            ← title
//   # 总则                           ← optional subtitle (a part of a split law)
//   2020年5月28日 第十三届…会议通过   ← dated history lines; other lines are notes (a case's series, its publisher)
//   2021年1月1日 施行
//   <!-- INFO END -->
//   ## 第一章 基本规定               ← ##/###/#### headings: parts, chapters, sections (a case's sections)
//   第一条 为了保护…                 ← one article per paragraph beginning 第…条; following paragraphs are its 款
//
// Documents without 第…条 articles are split at numbered items (一、…) or, failing that, into paragraphs
// grouped by heading. Pure: text in, a parsed document or the reason it is not one out.
import { CHINESE_NUMERAL, articleNumber, parseChineseNumeral } from './library.numerals.ts';

export const DOCUMENT_KINDS = ['law', 'regulation', 'interpretation', 'rule', 'case', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const PASSAGE_TYPES = ['article', 'item', 'section', 'paragraph'] as const;
export type PassageType = (typeof PASSAGE_TYPES)[number];

export type HistoryEntry = { date: string; event: string };

export type ParsedPassage = {
  type: PassageType;
  /** 第一百八十八条, 一 (an item), 基本案情 (a case's section); null for unnumbered paragraphs. */
  label: string | null;
  /** The article or item number, for ordering and lookups by number. */
  number: number | null;
  /** The headings above it: 第一编 总则 › 第九章 诉讼时效. */
  headings: string[];
  text: string;
};

export type ParsedDocument = {
  kind: DocumentKind;
  title: string;
  subtitle: string | null;
  issuingBody: string | null;
  promulgatedOn: string | null;
  effectiveOn: string | null;
  amendedOn: string | null;
  /** When this version took effect, as far as the history tells: the later of effect and last amendment. */
  inForceFrom: string | null;
  /** Given by the document itself (废止, 失效); supersession by a newer version is worked out on import. */
  status: 'repealed' | null;
  history: HistoryEntry[];
  notes: string[];
  passages: ParsedPassage[];
};

export type ParseOutcome =
  | { status: 'parsed'; document: ParsedDocument }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

const INFO_END = '<!-- INFO END -->';
const MAX_TITLE = 300;
/** Passages of running text are cut at a paragraph once they grow past this many characters. */
const MAX_PARAGRAPH_GROUP = 1500;

const ARTICLE = new RegExp(`^(第(${CHINESE_NUMERAL})条(?:之${CHINESE_NUMERAL})?)(?:[\\s\\u3000]+|$)(.*)$`, 'u');
const ITEM = new RegExp(`^(${CHINESE_NUMERAL})、\\s*(.*)$`, 'u');
const HEADING = /^(#{1,6})\s+(.*)$/;
const CN_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(.*)$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})\s*(.*)$/;
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff]/g;
const CASE_SECTION = /基本案情|案情|裁判结果|裁判要旨|裁判要点|裁判理由|判决|典型意义|案例分析|适用解析|诉讼请求|法院认为/;

/** Folder names of the corpus and what they hold. */
const KIND_BY_FOLDER: Record<string, DocumentKind> = {
  司法解释: 'interpretation',
  行政法规: 'regulation',
  部门规章: 'rule',
  案例: 'case',
  宪法: 'law',
  宪法相关法: 'law',
  民法典: 'law',
  民法商法: 'law',
  刑法: 'law',
  行政法: 'law',
  经济法: 'law',
  社会法: 'law',
  诉讼与非诉讼程序法: 'law',
  其他: 'other',
};

function isoDate(y: string, m: string, d: string): string | undefined {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2200 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** 第一编 总 则 → 第一编 总则: the corpus spaces out short headings. */
export function normaliseHeading(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const m = /^(第\S+?(?:分编|编|章|节|部分|卷|目))\s*(.*)$/u.exec(t);
  const squeeze = (s: string) => s.replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1');
  return m ? [m[1], squeeze(m[2]!)].filter(Boolean).join(' ') : squeeze(t);
}

const stripComments = (text: string) => text.replace(/<!--[\s\S]*?-->/g, '');
const cleanLine = (line: string) => line.replace(INVISIBLE, '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

/** Front matter (`---` … `---`) and whether it hides the page (the template, section indexes). */
function splitFrontMatter(text: string): { hidden: boolean; rest: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---+\s*(?:\r?\n|$)/.exec(text);
  if (!m) return { hidden: false, rest: text };
  return { hidden: /^\s*bookHidden\s*:\s*true\s*$/m.test(m[1]!), rest: text.slice(m[0].length) };
}

/** The body that issued a document, from a history line: 第十三届全国人民代表大会第三次会议通过 → 全国人民代表大会. */
export function issuingBodyOf(event: string): string | null {
  let e = event.replace(/^[由经]/, '').replace(/^中华人民共和国/, '');
  e = e.replace(/^第[^届\s]{1,4}届/, '');
  const cut = /第[\d一二三四五六七八九十百零〇]+[次号届]|\d{4}年|令|常务会议|会议|公告|发布|公布|通过|批准|印发|修订|修正|决定|以|〔|\(|（/.exec(e);
  let body = (cut ? e.slice(0, cut.index) : e).trim();
  body = body.replace(/(审判委员会|检察委员会)$/, '').replace(/^中华人民共和国/, '');
  if (!body || /^[《〈]/.test(body) || /^(施行|执行|实施|生效|起)/.test(body) || body.length > 60) return null;
  return body;
}

/** 最高人民法院、最高人民检察院关于… → 最高人民法院、最高人民检察院 (when no history line names the issuer). */
function issuerInTitle(title: string): string | null {
  const m = /^(.{2,40}?(?:院|部|委员会|总局|局|署|办公室))\s*关于/.exec(title);
  return m ? m[1]!.replace(/\s+/g, '、') : null;
}

function datesOf(history: HistoryEntry[]) {
  // 《关于废止和修改部分行政法规的决定》第一次修订 is an amendment, not a repeal: titles quoted in an event don't count.
  const events = history.map((h) => ({ date: h.date, event: h.event.replace(/《[^》]*》/g, '') }));
  const last = (re: RegExp, not?: RegExp) => [...events].reverse().find((h) => re.test(h.event) && !not?.test(h.event))?.date ?? null;
  const first = (re: RegExp) => events.find((h) => re.test(h.event))?.date ?? null;
  return {
    effectiveOn: last(/施行|生效|实施|执行/, /停止|废止|失效/),
    promulgatedOn: first(/公布|发布|印发|公告/) ?? first(/通过|批准/) ?? events[0]?.date ?? null,
    // The Constitution lists its amendments as 通过的《中华人民共和国宪法修正案》.
    amendedOn: [...history].reverse().find((h) => /修正|修订|修改/.test(h.event.replace(/《[^》]*》/g, '')) || /修正案》/.test(h.event))?.date ?? null,
    repealedOn: last(/废止|失效|停止施行/),
  };
}

/** The version date some file names carry: 民事诉讼法(2023-09-01).md. */
function dateInFileName(sourcePath: string): string | null {
  const m = /\((\d{4})-(\d{2})-(\d{2})\)\.md$/i.exec(sourcePath);
  return (m && isoDate(m[1]!, m[2]!, m[3]!)) ?? null;
}

function kindFromPath(sourcePath: string): DocumentKind | undefined {
  for (const part of sourcePath.split(/[\\/]/)) {
    const kind = KIND_BY_FOLDER[part];
    if (kind) return kind;
  }
  return undefined;
}

function kindFromContent(title: string, body: string | null, headings: string[], hasArticles: boolean): DocumentKind {
  if (!hasArticles && headings.some((h) => CASE_SECTION.test(h))) return 'case';
  if (body && /最高人民法院|最高人民检察院/.test(body)) return 'interpretation';
  if (/^最高人民(法院|检察院)/.test(title)) return 'interpretation';
  if (body && /^(国务院|国务院、)/.test(body)) return 'regulation';
  if (body && /全国人民代表大会/.test(body)) return 'law';
  if (/法$/.test(title) || /^中华人民共和国.+法/.test(title)) return 'law';
  if (/(条例|办法|规定|细则)$/.test(title)) return 'regulation';
  return 'other';
}

type Line = { kind: 'heading'; level: number; text: string } | { kind: 'text'; text: string } | { kind: 'blank' };

function bodyLines(body: string): Line[] {
  return stripComments(body)
    .split(/\r?\n/)
    .map((raw): Line => {
      const line = cleanLine(raw);
      if (!line) return { kind: 'blank' };
      const h = HEADING.exec(line);
      if (h) return { kind: 'heading', level: h[1]!.length, text: normaliseHeading(h[2]!) };
      return { kind: 'text', text: line };
    });
}

/**
 * Passages of a body: articles (第…条) when it has them, else numbered items (一、), else paragraphs;
 * a case's sections by heading. Text outside articles or items is kept as paragraphs, grouped under
 * its heading.
 */
function passagesOf(lines: Line[], mode: 'article' | 'item' | 'section' | 'paragraph'): { passages: ParsedPassage[]; caseName: string | null } {
  const passages: ParsedPassage[] = [];
  const headings: string[] = [];
  const headingLevels: number[] = [];
  let current: { passage: ParsedPassage; paragraphs: string[] } | null = null;
  let caseName: string | null = null;
  let sectionHasText = false;

  const flush = () => {
    if (current && current.paragraphs.length) {
      current.passage.text = current.paragraphs.join('\n');
      passages.push(current.passage);
    }
    current = null;
  };
  const open = (type: PassageType, label: string | null, number: number | null, first?: string) => {
    flush();
    current = { passage: { type, label, number, headings: [...headings], text: '' }, paragraphs: first ? [first] : [] };
  };

  for (const line of lines) {
    if (line.kind === 'blank') continue;
    if (line.kind === 'heading') {
      if (mode === 'section') {
        // A case's heading with nothing under it before the next one names the case.
        const previous = headings[headings.length - 1];
        if (previous !== undefined && !sectionHasText && caseName === null && passages.length === 0) caseName = previous;
        flush();
        headings.length = 0;
        headings.push(line.text);
        sectionHasText = false;
        continue;
      }
      flush();
      while (headingLevels.length && headingLevels[headingLevels.length - 1]! >= line.level) {
        headingLevels.pop();
        headings.pop();
      }
      headingLevels.push(line.level);
      headings.push(line.text);
      continue;
    }
    const text = line.text;
    if (mode === 'article') {
      const m = ARTICLE.exec(text);
      if (m) {
        open('article', m[1]!, articleNumber(m[1]!) ?? null, m[3] || undefined);
        continue;
      }
    } else if (mode === 'item') {
      const m = ITEM.exec(text);
      if (m) {
        open('item', m[1]!, parseChineseNumeral(m[1]!) ?? null, m[2] || undefined);
        continue;
      }
    } else if (mode === 'section') {
      sectionHasText = true;
      const section = headings[0] ?? null;
      const cur = current as { passage: ParsedPassage; paragraphs: string[] } | null;
      if (!cur || cur.passage.label !== section || cur.paragraphs.join('').length > MAX_PARAGRAPH_GROUP) open('section', section, null);
      current!.paragraphs.push(text);
      continue;
    }
    // Running text: the current article's next paragraph, or a paragraph of its own.
    const cur = current as { passage: ParsedPassage; paragraphs: string[] } | null;
    if (cur && (cur.passage.type !== 'paragraph' || cur.paragraphs.join('').length <= MAX_PARAGRAPH_GROUP)) {
      cur.paragraphs.push(text);
    } else {
      open('paragraph', null, null, text);
    }
  }
  flush();
  return { passages, caseName };
}

/** Parses one Markdown document of the corpus. `sourcePath` (relative) only informs the kind. */
export function parseLawMarkdown(source: string, sourcePath = ''): ParseOutcome {
  if (source.includes('\u0000')) return { status: 'failed', reason: '不是文本文件（含 NUL 字符）' };
  const { hidden, rest } = splitFrontMatter(source.replace(/^\ufeff/, ''));
  if (hidden) return { status: 'skipped', reason: '隐藏页（bookHidden），如模板' };
  // The marker stands on a line of its own (a README may quote it inside a sentence).
  const marker = /^[ \t]*<!-- INFO END -->[ \t]*$/m.exec(rest);
  const split = marker ? marker.index : -1;
  if (split < 0) {
    if (!stripComments(rest).trim()) return { status: 'skipped', reason: '目录页，没有正文' };
    return { status: 'failed', reason: `缺少 ${INFO_END} 标记（标题和日期之后必须有这一行）` };
  }
  const head = stripComments(rest.slice(0, split)).split(/\r?\n/).map(cleanLine).filter(Boolean);
  const titles: string[] = [];
  const history: HistoryEntry[] = [];
  const notes: string[] = [];
  for (const raw of head) {
    // (2014年11月1日第十二届全国人民代表大会常务委员会第十一次会议通过)
    const line = /^[(（].*\d{4}\s*年.*[)）]$/.test(raw) ? raw.slice(1, -1) : raw;
    const h = HEADING.exec(line);
    if (h) {
      if (h[1] !== '#') return { status: 'failed', reason: `信息区只能有一级标题：${line.slice(0, 40)}` };
      titles.push(h[2]!.trim());
      continue;
    }
    const d = CN_DATE.exec(line) ?? ISO_DATE.exec(line);
    if (d) {
      const date = isoDate(d[1]!, d[2]!, d[3]!);
      if (!date) return { status: 'failed', reason: `日期无效：${line.slice(0, 40)}` };
      history.push({ date, event: d[4]!.replace(/[)）]$/, '').trim() });
      continue;
    }
    notes.push(line);
  }
  const title = titles[0];
  if (!title) return { status: 'failed', reason: '缺少标题（第一行应为「# 标题」）' };
  if (title.length > MAX_TITLE) return { status: 'failed', reason: `标题过长（${title.length} 字）` };
  if (titles.length > 2) return { status: 'failed', reason: `信息区有 ${titles.length} 个一级标题，最多两个（标题和副标题）` };

  const lines = bodyLines(rest.slice(split + marker![0].length));
  const texts = lines.filter((l): l is Extract<Line, { kind: 'text' }> => l.kind === 'text').map((l) => l.text);
  if (!texts.length) return { status: 'failed', reason: '正文为空' };
  const headingTexts = lines.filter((l): l is Extract<Line, { kind: 'heading' }> => l.kind === 'heading').map((l) => l.text);
  const hasArticles = texts.some((t) => ARTICLE.test(t));
  const publisher = notes.map((n) => /^(.+?)(发布|公布|印发)$/.exec(n)?.[1]).find(Boolean) ?? null;
  const ranked = [...history.filter((h) => /通过/.test(h.event)), ...history.filter((h) => /公布|发布|印发|批准/.test(h.event)), ...history];
  const issuingBody = ranked.map((h) => issuingBodyOf(h.event)).find(Boolean) ?? publisher ?? issuerInTitle(title);
  const kind = kindFromPath(sourcePath) ?? kindFromContent(title, issuingBody, headingTexts, hasArticles);
  // 行政法规 are the State Council's by definition, whether or not the file says so.
  const issuer = issuingBody ?? (kind === 'regulation' ? '国务院' : null);

  const mode = kind === 'case' ? 'section' : hasArticles ? 'article' : texts.some((t) => ITEM.test(t)) ? 'item' : 'paragraph';
  const { passages, caseName } = passagesOf(lines, mode);
  if (!passages.length) return { status: 'failed', reason: '正文没有可检索的内容' };

  const dates = datesOf(history);
  const inForceFrom = [dates.effectiveOn, dates.amendedOn].filter((d): d is string => !!d).sort().pop() ?? dates.promulgatedOn ?? dateInFileName(sourcePath);
  return {
    status: 'parsed',
    document: {
      kind,
      title,
      subtitle: titles[1] ?? caseName,
      issuingBody: issuer,
      promulgatedOn: dates.promulgatedOn,
      effectiveOn: dates.effectiveOn,
      amendedOn: dates.amendedOn,
      inForceFrom,
      status: dates.repealedOn ? 'repealed' : null,
      history,
      notes,
      passages,
    },
  };
}
