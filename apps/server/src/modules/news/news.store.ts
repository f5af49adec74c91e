// All SQL of news: articles, their revisions and cover images.
import { and, desc, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { newsArticle, newsCover, newsRevision } from './news.tables.ts';

export type ArticleRow = typeof newsArticle.$inferSelect;
export type RevisionRow = typeof newsRevision.$inferSelect;

/** A LIKE pattern that matches the text literally. */
const literal = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const newsStore = {
  async insertArticle(tx: Executor, row: typeof newsArticle.$inferInsert) {
    await tx.insert(newsArticle).values(row);
  },
  async updateArticle(tx: Executor, id: string, set: Partial<typeof newsArticle.$inferInsert>) {
    await tx.update(newsArticle).set(set).where(eq(newsArticle.id, id));
  },
  async article(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<ArticleRow | undefined> {
    const q = db.select().from(newsArticle).where(eq(newsArticle.id, id));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },
  async insertRevision(tx: Executor, row: typeof newsRevision.$inferInsert) {
    await tx.insert(newsRevision).values(row);
  },
  async revisions(db: Executor, articleId: string) {
    return db.select().from(newsRevision).where(eq(newsRevision.articleId, articleId)).orderBy(desc(newsRevision.editedAt), desc(newsRevision.version));
  },
  /** Newest first by last change (staff) or by publication (public), keyset-paged. */
  async list(db: Executor, q: { publishedOnly: boolean; category?: string; title?: string; limit: number; after?: { at: string; id: string } }): Promise<ArticleRow[]> {
    const at = q.publishedOnly ? newsArticle.publishedAt : newsArticle.updatedAt;
    const where: (SQL | undefined)[] = [
      q.publishedOnly ? eq(newsArticle.status, 'published') : undefined,
      q.category ? eq(newsArticle.category, q.category) : undefined,
      q.title ? ilike(newsArticle.title, literal(q.title)) : undefined,
      q.after ? or(lt(at, new Date(q.after.at)), and(eq(at, new Date(q.after.at)), lt(newsArticle.id, q.after.id))) : undefined,
    ];
    return db
      .select()
      .from(newsArticle)
      .where(and(...where))
      .orderBy(desc(at), desc(newsArticle.id))
      .limit(q.limit + 1);
  },
  async insertCover(tx: Executor, row: typeof newsCover.$inferInsert) {
    await tx.insert(newsCover).values(row);
  },
  async coverExists(db: Executor, id: string): Promise<boolean> {
    const [row] = await db.select({ id: newsCover.id }).from(newsCover).where(eq(newsCover.id, id));
    return !!row;
  },
  async cover(db: Executor, id: string) {
    const [row] = await db.select().from(newsCover).where(eq(newsCover.id, id));
    return row;
  },
  /** Whether a published article shows this cover (only those are public). */
  async coverIsPublic(db: Executor, id: string): Promise<boolean> {
    const [row] = await db.select({ n: sql<number>`1` }).from(newsArticle).where(and(eq(newsArticle.coverId, id), eq(newsArticle.status, 'published'))).limit(1);
    return !!row;
  },
};
