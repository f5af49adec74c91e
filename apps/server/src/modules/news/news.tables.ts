import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, tstz } from '../../platform/db/columns.ts';

/** A news or legal-education article: its current text and state (draft | published | withdrawn). */
export const newsArticle = pgTable(
  'news_article',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id'),
    title: text('title').notNull(),
    category: text('category').notNull(), // news | legal_education | notice
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    tags: jsonb('tags').$type<string[]>().notNull(),
    coverId: uuid('cover_id'),
    status: text('status').notNull(),
    version: integer('version').notNull(),
    publishedAt: tstz('published_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    index('news_article_public_idx').on(t.status, t.category, t.publishedAt),
    index('news_article_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
  ],
);

/** Every saved state of an article, with who made it and how (history is never rewritten). */
export const newsRevision = pgTable(
  'news_revision',
  {
    id: uuid('id').primaryKey(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => newsArticle.id),
    version: integer('version').notNull(),
    action: text('action').notNull(), // created | edited | published | withdrawn
    title: text('title').notNull(),
    category: text('category').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    tags: jsonb('tags').$type<string[]>().notNull(),
    coverId: uuid('cover_id'),
    editedBy: uuid('edited_by').notNull(),
    editedAt: tstz('edited_at').notNull(),
  },
  (t) => [index('news_revision_article_idx').on(t.articleId, t.editedAt)],
);

/** A cover image, checked by its content, kept small enough to serve from the database. */
export const newsCover = pgTable('news_cover', {
  id: uuid('id').primaryKey(),
  sha256: text('sha256').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  createdAt: createdAt(),
});
