// The law library: documents (laws, regulations, judicial interpretations, cases, …), their articles
// (a case's sections, a decision's numbered items) with what full-text search needs, and the
// cause-of-action → articles links.
import { sql } from 'drizzle-orm';
import { bigint, check, customType, date, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from '../../platform/db/columns.ts';

const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

const KIND_CHECK = sql`in ('law', 'regulation', 'interpretation', 'rule', 'case', 'other')`;

export const libraryDocument = pgTable(
  'library_document',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** A part of a split law (民法典 › 总则) or a case's name. */
    subtitle: text('subtitle'),
    issuingBody: text('issuing_body'),
    promulgatedOn: date('promulgated_on'),
    effectiveOn: date('effective_on'),
    amendedOn: date('amended_on'),
    /** When this version took effect (the later of effect and last amendment). */
    inForceFrom: date('in_force_from'),
    /** When a newer version of the same title in the library took effect; null while current. */
    supersededOn: date('superseded_on'),
    /** As the document itself says (repealed); null when it says nothing. */
    status: text('status'),
    history: jsonb('history').$type<{ date: string; event: string }[]>().notNull(),
    notes: jsonb('notes').$type<string[]>().notNull(),
    /** Path relative to the imported folder: the document's identity across re-imports. */
    sourcePath: text('source_path').notNull(),
    /** SHA-256 (hex) of the file as imported: unchanged files are skipped. */
    contentHash: text('content_hash').notNull(),
    articleCount: integer('article_count').notNull(),
    importedAt: tstz('imported_at').notNull().defaultNow(),
  },
  (t) => [
    unique('library_document_source_path_key').on(t.sourcePath),
    index('library_document_title_idx').on(t.title, t.subtitle),
    index('library_document_hash_idx').on(t.contentHash),
    check('library_document_kind_check', sql`${t.kind} ${KIND_CHECK}`),
    check('library_document_status_check', sql`${t.status} in ('repealed')`),
  ],
);

export const libraryArticle = pgTable(
  'library_article',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => libraryDocument.id, { onDelete: 'cascade' }),
    /** 1-based position in the document. */
    ordinal: integer('ordinal').notNull(),
    type: text('type').notNull(), // article | item | section | paragraph
    /** 第一百八十八条, 一, 基本案情; null for unnumbered paragraphs. */
    label: text('label'),
    number: integer('number'),
    headings: text('headings').array().notNull(),
    text: text('text').notNull(),
    // Search tokens (library.segment.ts): the document's title, the headings, the segmenter's words and
    // the text's character bigrams, weighted A, B, C and D in search_vector.
    titleTokens: text('title_tokens').notNull(),
    headingTokens: text('heading_tokens').notNull(),
    tokens: text('tokens').notNull(),
    bigramTokens: text('bigram_tokens').notNull(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple'::regconfig, title_tokens), 'A') || setweight(to_tsvector('simple'::regconfig, heading_tokens), 'B') || setweight(to_tsvector('simple'::regconfig, tokens), 'C') || to_tsvector('simple'::regconfig, bigram_tokens)`,
      ),
    // The document's kind and validity, copied here so a search filters without a join.
    kind: text('kind').notNull(),
    inForceFrom: date('in_force_from'),
    supersededOn: date('superseded_on'),
  },
  (t) => [
    unique('library_article_document_ordinal_key').on(t.documentId, t.ordinal),
    // Label first: serves a lookup by label alone (第一百八十八条 anywhere) and within one document.
    index('library_article_label_idx').on(t.label, t.documentId),
    // Two partial indexes, so that a search takes its candidates from the texts and from the cases
    // separately (see libraryStore.search).
    index('library_article_search_text_idx').using('gin', t.searchVector).where(sql`kind <> 'case'`),
    index('library_article_search_case_idx').using('gin', t.searchVector).where(sql`kind = 'case'`),
    check('library_article_kind_check', sql`${t.kind} ${KIND_CHECK}`),
    check('library_article_type_check', sql`${t.type} in ('article', 'item', 'section', 'paragraph')`),
  ],
);

/** Causes of action (民间借贷纠纷, …) and the articles a matter of that cause rests on (loaded from library.causes.ts). */
export const libraryCause = pgTable('library_cause', {
  name: text('name').primaryKey(),
  /** The number in the SPC's civil cause catalogue, where known. */
  code: text('code'),
  createdAt: createdAt(),
});

export const libraryCauseArticle = pgTable(
  'library_cause_article',
  {
    causeName: text('cause_name')
      .notNull()
      .references(() => libraryCause.name, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    /** The document by title (any version in the library; the current one is shown). */
    documentTitle: text('document_title').notNull(),
    articleLabel: text('article_label').notNull(),
    /** Why the article matters for this cause. */
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.causeName, t.ordinal] })],
);
