// All of the library's SQL. Dates come back as 'YYYY-MM-DD' text (cast in SQL), never as JS Dates.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import type { CauseLinks } from './library.causes.ts';
import type { DocumentKind, ParsedDocument, PassageType } from './library.parse.ts';

/** A stored document: what the parser read of it, less its passages, plus what storage adds. */
export type DocumentRow = Omit<ParsedDocument, 'passages'> & {
  id: string;
  supersededOn: string | null;
  sourcePath: string;
  contentHash: string;
  articleCount: number;
};

export type NewDocument = Omit<DocumentRow, 'supersededOn'>;

export type ArticleRow = {
  id: number;
  documentId: string;
  ordinal: number;
  type: PassageType;
  label: string | null;
  number: number | null;
  headings: string[];
  text: string;
};

export type NewArticle = Omit<ArticleRow, 'id'> & {
  titleTokens: string;
  headingTokens: string;
  tokens: string;
  bigramTokens: string;
  kind: DocumentKind;
  inForceFrom: string | null;
};

export type SearchFilters = {
  kind?: DocumentKind;
  documentId?: string;
  label?: string;
  /** Versions in force on this day; by default the current version of each document. */
  effectiveOn?: string;
};

export type SearchRow = ArticleRow & {
  score: number;
  title: string;
  subtitle: string | null;
  kind: DocumentKind;
  inForceFrom: string | null;
  supersededOn: string | null;
};

const DOCUMENT_COLUMNS = sql`d.id, d.kind, d.title, d.subtitle, d.issuing_body as "issuingBody", d.promulgated_on::text as "promulgatedOn",
  d.effective_on::text as "effectiveOn", d.amended_on::text as "amendedOn", d.in_force_from::text as "inForceFrom",
  d.superseded_on::text as "supersededOn", d.status, d.history, d.notes, d.source_path as "sourcePath",
  d.content_hash as "contentHash", d.article_count as "articleCount"`;

const ARTICLE_COLUMNS = sql`a.id, a.document_id as "documentId", a.ordinal, a.type, a.label, a.number, a.headings, a.text`;

/**
 * ts_rank_cd's weights for D (bigrams), C (whole words), B (headings), A (title). A chapter heading
 * (第九章 诉讼时效) says more about its articles than a document's title says about each of its hundreds
 * of articles, so B outweighs A: tuned on the corpus so that 诉讼时效 ranks the Civil Code's limitation
 * chapter first rather than every article of an interpretation with 诉讼时效 in its title.
 */
const RANK_WEIGHTS = '{0.1, 0.2, 1.0, 0.4}';
/** Laws above regulations above interpretations and rules, above cases and other texts (法律位阶). */
const KIND_BOOST = sql.raw(`case c.kind when 'law' then 2.0 when 'regulation' then 1.3 when 'interpretation' then 1.0 when 'rule' then 0.9 else 0.8 end`);

/** A JS array as one parameter (Drizzle would otherwise spread it into a list). */
const array = (values: unknown[]) => sql.param(values);

/** Rows of one insert: unnest takes one array per column, so a batch is one statement whatever its size. */
const ARTICLE_BATCH = 2000;

function filterSql(f: SearchFilters): SQL {
  const parts: SQL[] = [
    f.effectiveOn
      ? sql`a.in_force_from <= ${f.effectiveOn}::date and (a.superseded_on is null or a.superseded_on > ${f.effectiveOn}::date)`
      : sql`a.superseded_on is null`,
  ];
  if (f.kind) parts.push(sql`a.kind = ${f.kind}`);
  if (f.documentId) parts.push(sql`a.document_id = ${f.documentId}::uuid`);
  if (f.label) parts.push(sql`a.label = ${f.label}`);
  return sql.join(parts, sql` and `);
}

export const libraryStore = {
  /** Documents already imported from these paths. */
  async documentsAtPaths(db: Executor, paths: string[]): Promise<Map<string, { id: string; title: string; contentHash: string }>> {
    if (!paths.length) return new Map();
    const { rows } = await db.execute<{ id: string; title: string; sourcePath: string; contentHash: string }>(
      sql`select id, title, source_path as "sourcePath", content_hash as "contentHash" from library_document where source_path = any(${array(paths)}::text[])`,
    );
    return new Map(rows.map((r) => [r.sourcePath, { id: r.id, title: r.title, contentHash: r.contentHash }]));
  },

  /** For each hash, the path of a document with exactly that content. */
  async pathsWithHashes(db: Executor, hashes: string[]): Promise<Map<string, string>> {
    if (!hashes.length) return new Map();
    const { rows } = await db.execute<{ sourcePath: string; contentHash: string }>(
      sql`select source_path as "sourcePath", content_hash as "contentHash" from library_document where content_hash = any(${array(hashes)}::text[])`,
    );
    return new Map(rows.map((r) => [r.contentHash, r.sourcePath]));
  },

  /** Inserts the documents, or replaces those from the same paths (keeping their ids). */
  async upsertDocuments(db: Executor, docs: NewDocument[]): Promise<void> {
    if (!docs.length) return;
    const col = <K extends keyof NewDocument>(k: K) => array(docs.map((d) => d[k]));
    const json = (k: 'history' | 'notes') => array(docs.map((d) => JSON.stringify(d[k])));
    await db.execute(sql`
      insert into library_document (id, kind, title, subtitle, issuing_body, promulgated_on, effective_on, amended_on, in_force_from,
        status, history, notes, source_path, content_hash, article_count, imported_at)
      select u.id, u.kind, u.title, u.subtitle, u.issuing_body, u.promulgated_on, u.effective_on, u.amended_on, u.in_force_from,
        u.status, u.history::jsonb, u.notes::jsonb, u.source_path, u.content_hash, u.article_count, now()
      from unnest(${col('id')}::uuid[], ${col('kind')}::text[], ${col('title')}::text[], ${col('subtitle')}::text[],
        ${col('issuingBody')}::text[], ${col('promulgatedOn')}::date[], ${col('effectiveOn')}::date[], ${col('amendedOn')}::date[],
        ${col('inForceFrom')}::date[], ${col('status')}::text[], ${json('history')}::text[], ${json('notes')}::text[],
        ${col('sourcePath')}::text[], ${col('contentHash')}::text[], ${col('articleCount')}::int[])
        as u(id, kind, title, subtitle, issuing_body, promulgated_on, effective_on, amended_on, in_force_from, status, history, notes,
          source_path, content_hash, article_count)
      on conflict (source_path) do update set kind = excluded.kind, title = excluded.title, subtitle = excluded.subtitle,
        issuing_body = excluded.issuing_body, promulgated_on = excluded.promulgated_on, effective_on = excluded.effective_on,
        amended_on = excluded.amended_on, in_force_from = excluded.in_force_from, status = excluded.status,
        history = excluded.history, notes = excluded.notes, content_hash = excluded.content_hash,
        article_count = excluded.article_count, imported_at = excluded.imported_at`);
  },

  async deleteArticlesOf(db: Executor, documentIds: string[]): Promise<void> {
    if (documentIds.length) await db.execute(sql`delete from library_article where document_id = any(${array(documentIds)}::uuid[])`);
  },

  async insertArticles(db: Executor, rows: NewArticle[]): Promise<void> {
    for (let i = 0; i < rows.length; i += ARTICLE_BATCH) {
      const batch = rows.slice(i, i + ARTICLE_BATCH);
      const col = <K extends keyof NewArticle>(k: K) => batch.map((r) => r[k]);
      await db.execute(sql`
        insert into library_article (document_id, ordinal, type, label, number, headings, text, title_tokens, heading_tokens, tokens,
          bigram_tokens, kind, in_force_from)
        select u.document_id, u.ordinal, u.type, u.label, u.number,
          array(select jsonb_array_elements_text(u.headings::jsonb)), u.text, u.title_tokens, u.heading_tokens, u.tokens,
          u.bigram_tokens, u.kind, u.in_force_from
        from unnest(${array(col('documentId'))}::uuid[], ${array(col('ordinal'))}::int[], ${array(col('type'))}::text[], ${array(col('label'))}::text[],
          ${array(col('number'))}::int[], ${array(batch.map((r) => JSON.stringify(r.headings)))}::text[], ${array(col('text'))}::text[],
          ${array(col('titleTokens'))}::text[], ${array(col('headingTokens'))}::text[], ${array(col('tokens'))}::text[], ${array(col('bigramTokens'))}::text[],
          ${array(col('kind'))}::text[], ${array(col('inForceFrom'))}::date[])
          as u(document_id, ordinal, type, label, number, headings, text, title_tokens, heading_tokens, tokens, bigram_tokens, kind, in_force_from)`);
    }
  },

  /**
   * Versions: among documents of the same kind, title and subtitle, each is superseded when the next
   * newer one took effect. Cases are never versions of each other (many share a title such as
   * 张某诉某公司买卖合同纠纷案). Recomputed for the given titles; the articles carry the same date.
   */
  async relinkVersions(db: Executor, titles: string[]): Promise<void> {
    if (!titles.length) return;
    await db.execute(sql`
      with target as (
        select d.id, (select min(o.in_force_from) from library_document o
                       where o.title = d.title and o.subtitle is not distinct from d.subtitle and o.kind = d.kind
                         and o.in_force_from > d.in_force_from and d.kind <> 'case') as next
        from library_document d where d.title = any(${array(titles)}::text[])
      )
      update library_document d set superseded_on = t.next from target t where d.id = t.id and d.superseded_on is distinct from t.next`);
    await db.execute(sql`
      update library_article a set superseded_on = d.superseded_on, in_force_from = d.in_force_from, kind = d.kind
      from library_document d
      where d.title = any(${array(titles)}::text[]) and a.document_id = d.id
        and (a.superseded_on is distinct from d.superseded_on or a.in_force_from is distinct from d.in_force_from or a.kind <> d.kind)`);
  },

  /** After a bulk import: merge the GIN index's pending entries and refresh the planner's statistics. */
  async tidyAfterImport(db: Executor): Promise<void> {
    await db.execute(sql`select gin_clean_pending_list('library_article_search_text_idx'::regclass), gin_clean_pending_list('library_article_search_case_idx'::regclass)`);
    await db.execute(sql`analyze library_document, library_article`);
  },

  /**
   * Ranked hits. Ranking needs each candidate's stored vector, so the candidates are capped: at most
   * `caps.texts` matching laws, regulations, interpretations and other texts, and `caps.cases` matching
   * cases, each found through its own partial index (so cases, however many, never crowd the laws out).
   * Among them ts_rank_cd orders by cover density (length-normalised) and the law's rank among sources
   * of law (see KIND_BOOST).
   */
  async search(
    db: Executor,
    q: { tsquery: string; rankQuery?: string; filters: SearchFilters; limit: number; offset: number; caps: { texts: number; cases: number } },
  ): Promise<SearchRow[]> {
    const filters = filterSql(q.filters);
    const wantTexts = q.filters.kind !== 'case';
    const wantCases = !q.filters.kind || q.filters.kind === 'case';
    // Each branch repeats its index's predicate literally, so the planner picks that partial index.
    const branches: SQL[] = [];
    if (wantTexts) {
      branches.push(sql`(select a.id, a.kind, a.search_vector from library_article a, query
        where a.kind <> 'case' and a.search_vector @@ query.q and ${filters} limit ${q.caps.texts})`);
    }
    if (wantCases) {
      branches.push(sql`(select a.id, a.kind, a.search_vector from library_article a, query
        where a.kind = 'case' and a.search_vector @@ query.q and ${filters} limit ${q.caps.cases})`);
    }
    const { rows } = await db.execute<SearchRow>(sql`
      with query as (select to_tsquery('simple', ${q.tsquery}) as q, to_tsquery('simple', ${q.rankQuery ?? q.tsquery}) as r),
      candidates as (${sql.join(branches, sql` union all `)}),
      ranked as (
        select c.id, ts_rank_cd(${RANK_WEIGHTS}::float4[], c.search_vector, query.r, 1) * ${KIND_BOOST} as score
        from candidates c, query
        order by score desc, c.id
        limit ${q.limit} offset ${q.offset}
      )
      select ${ARTICLE_COLUMNS}, r.score, d.title, d.subtitle, d.kind, d.in_force_from::text as "inForceFrom", d.superseded_on::text as "supersededOn"
      from ranked r join library_article a on a.id = r.id join library_document d on d.id = a.document_id
      order by r.score desc, r.id`);
    return rows.map((r) => ({ ...r, score: Number(r.score) }));
  },

  /**
   * How often the most common lexemes occur (share of articles), from the statistics ANALYZE keeps
   * for the search vector (most_common_elems); a lexeme not listed is rarer than any listed one.
   */
  async lexemeFrequencies(db: Executor): Promise<Map<string, number>> {
    const { rows } = await db.execute<{ lexeme: string; frequency: number }>(sql`
      select u.lexeme, u.frequency from pg_stats s,
        unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as u(lexeme, frequency)
      where s.schemaname = current_schema() and s.tablename = 'library_article' and s.attname = 'search_vector' and u.lexeme is not null`);
    return new Map(rows.map((r) => [r.lexeme, Number(r.frequency)]));
  },

  /** Articles with a given label (a query that is only 第…条), the newest documents first. */
  async byLabel(db: Executor, q: { filters: SearchFilters & { label: string }; limit: number; offset: number }): Promise<SearchRow[]> {
    const { rows } = await db.execute<SearchRow>(sql`
      select ${ARTICLE_COLUMNS}, 1::float8 as score, d.title, d.subtitle, d.kind, d.in_force_from::text as "inForceFrom",
        d.superseded_on::text as "supersededOn"
      from library_article a join library_document d on d.id = a.document_id
      where ${filterSql(q.filters)}
      order by d.in_force_from desc nulls last, a.id
      limit ${q.limit} offset ${q.offset}`);
    return rows.map((r) => ({ ...r, score: Number(r.score) }));
  },

  async document(db: Executor, id: string): Promise<DocumentRow | undefined> {
    const { rows } = await db.execute<DocumentRow>(sql`select ${DOCUMENT_COLUMNS} from library_document d where d.id = ${id}::uuid`);
    return rows[0];
  },

  async articlesOf(db: Executor, documentId: string): Promise<ArticleRow[]> {
    const { rows } = await db.execute<ArticleRow>(
      sql`select ${ARTICLE_COLUMNS} from library_article a where a.document_id = ${documentId}::uuid order by a.ordinal`,
    );
    return rows;
  },

  /** The first article with this label in the document (labels repeat only in a few malformed texts). */
  async articleByLabel(db: Executor, documentId: string, label: string): Promise<ArticleRow | undefined> {
    const { rows } = await db.execute<ArticleRow>(
      sql`select ${ARTICLE_COLUMNS} from library_article a where a.document_id = ${documentId}::uuid and a.label = ${label} order by a.ordinal limit 1`,
    );
    return rows[0];
  },

  /** Neighbouring articles, for a page's previous/next links. */
  async neighbours(db: Executor, documentId: string, ordinal: number): Promise<{ previous: string | null; next: string | null }> {
    const { rows } = await db.execute<{ previous: string | null; next: string | null }>(sql`
      select (select label from library_article where document_id = ${documentId}::uuid and ordinal < ${ordinal} and label is not null order by ordinal desc limit 1) as previous,
             (select label from library_article where document_id = ${documentId}::uuid and ordinal > ${ordinal} and label is not null order by ordinal limit 1) as next`);
    return rows[0] ?? { previous: null, next: null };
  },

  /**
   * Adds the causes the table does not have yet, with their links; causes already there are left as a
   * court may have edited them.
   */
  async insertMissingCauses(db: Executor, causes: CauseLinks[]): Promise<string[]> {
    if (!causes.length) return [];
    const { rows } = await db.execute<{ name: string }>(sql`
      insert into library_cause (name, code)
      select * from unnest(${array(causes.map((c) => c.name))}::text[], ${array(causes.map((c) => c.code))}::text[])
      on conflict (name) do nothing
      returning name`);
    const added = new Set(rows.map((r) => r.name));
    const links = causes.filter((c) => added.has(c.name)).flatMap((c) => c.articles.map((a, i) => ({ cause: c.name, ordinal: i + 1, ...a })));
    if (links.length) {
      await db.execute(sql`
        insert into library_cause_article (cause_name, ordinal, document_title, article_label, note)
        select * from unnest(${array(links.map((l) => l.cause))}::text[], ${array(links.map((l) => l.ordinal))}::int[],
          ${array(links.map((l) => l.documentTitle))}::text[], ${array(links.map((l) => l.label))}::text[], ${array(links.map((l) => l.note))}::text[])`);
    }
    return [...added];
  },

  async causes(db: Executor): Promise<{ name: string; code: string | null; articleCount: number }[]> {
    const { rows } = await db.execute<{ name: string; code: string | null; articleCount: number }>(sql`
      select c.name, c.code, (select count(*)::int from library_cause_article l where l.cause_name = c.name) as "articleCount"
      from library_cause c order by c.name`);
    return rows;
  },

  /**
   * A cause's links, each resolved to the article in the current version of the document with that
   * title (null when the library does not hold it).
   */
  async causeArticles(db: Executor, cause: string) {
    const { rows } = await db.execute<{
      causeName: string;
      code: string | null;
      ordinal: number | null;
      documentTitle: string | null;
      articleLabel: string | null;
      note: string | null;
      documentId: string | null;
      subtitle: string | null;
      kind: DocumentKind | null;
      text: string | null;
    }>(sql`
      select c.name as "causeName", c.code, l.ordinal, l.document_title as "documentTitle", l.article_label as "articleLabel", l.note,
             hit.document_id as "documentId", hit.subtitle, hit.kind, hit.text
      from library_cause c
      left join library_cause_article l on l.cause_name = c.name
      left join lateral (
        select a.document_id, d.subtitle, d.kind, a.text from library_article a join library_document d on d.id = a.document_id
        where d.title = l.document_title and a.label = l.article_label and d.superseded_on is null
        order by d.in_force_from desc nulls last, a.ordinal limit 1
      ) hit on true
      where c.name = ${cause} or c.code = ${cause}
      order by l.ordinal`);
    return rows;
  },
};
