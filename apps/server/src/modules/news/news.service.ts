// Use cases of news and legal education: staff with news.publish write, edit, publish and withdraw
// articles (each change a revision and an event, in one transaction); anyone reads what is published.
import { createHash } from 'node:crypto';
import type { TNewsArticle, TNewsArticleInput, TNewsCategory, TNewsCover, TNewsPublicArticle, TNewsStatus } from '@opencourt/contracts';
import { z } from 'zod';
import { can, type Actor } from '../../platform/auth/index.ts';
import { sniffBuffer } from '../../platform/blobs/index.ts';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events/index.ts';
import { CommonErrors, decodeCursor, pageOf } from '../../platform/http/index.ts';
import { NewsErrors } from './news.errors.ts';
import { nextStatus, type NewsAction } from './news.rules.ts';
import { newsStore as store, type ArticleRow } from './news.store.ts';

type ArticleInput = Required<Omit<TNewsArticleInput, 'summary' | 'tags' | 'coverId'>> & { summary: string; tags: string[]; coverId: string | null };

export const COVER_MAX_BYTES = 2 * 1024 * 1024;
const COVER_KINDS = new Set(['png', 'jpeg', 'webp']);

const staffView = (a: ArticleRow): TNewsArticle => ({
  id: a.id,
  title: a.title,
  category: a.category as TNewsCategory,
  summary: a.summary,
  body: a.body,
  tags: a.tags,
  coverId: a.coverId,
  status: a.status as TNewsStatus,
  version: a.version,
  publishedAt: a.publishedAt?.toISOString() ?? null,
  updatedAt: a.updatedAt.toISOString(),
});

/** The public's view, from an allow-list: no state, version or editors. */
const publicView = (a: ArticleRow): TNewsPublicArticle => ({
  id: a.id,
  title: a.title,
  category: a.category as TNewsCategory,
  summary: a.summary,
  body: a.body,
  tags: a.tags,
  coverId: a.coverId,
  publishedAt: a.publishedAt?.toISOString() ?? null,
  updatedAt: a.updatedAt.toISOString(),
});

const ZCursor = z.object({ at: z.iso.datetime(), id: z.uuid() });

export function createNewsService(deps: { db: Db; clock: Clock; id: IdGenerator }) {
  const { db, clock, id } = deps;

  const requireEditor = (actor: Actor) => {
    if (!can(actor, 'news.publish')) throw CommonErrors.FORBIDDEN('只有法院书记员或技术管理员可以编辑新闻与普法文章');
  };

  async function checkCover(q: Executor, coverId: string | null) {
    if (coverId && !(await store.coverExists(q, coverId))) {
      throw CommonErrors.VALIDATION_FAILED(undefined, { fields: [{ pointer: '/body/coverId', detail: '封面图片不存在，请重新上传' }] });
    }
  }

  async function revise(tx: Executor, a: ArticleRow, action: string, actor: Actor) {
    await store.insertRevision(tx, {
      id: id(),
      articleId: a.id,
      version: a.version,
      action,
      title: a.title,
      category: a.category,
      summary: a.summary,
      body: a.body,
      tags: a.tags,
      coverId: a.coverId,
      editedBy: actor.userId,
      editedAt: clock.now(),
    });
    await appendEvent(tx, { type: `news.article.${action}`, aggregateType: 'news_article', aggregateId: a.id, actorId: actor.userId, payload: { version: a.version, status: a.status } });
  }

  async function editable(actor: Actor, articleId: string, tx: Executor) {
    requireEditor(actor);
    const a = await store.article(tx, articleId, { lock: true });
    if (!a) throw NewsErrors.NEWS_NOT_FOUND();
    return a;
  }

  return {
    async createArticle(actor: Actor, input: ArticleInput, tx: Executor): Promise<TNewsArticle> {
      requireEditor(actor);
      await checkCover(tx, input.coverId);
      const now = clock.now();
      const row = { id: id(), courtId: actor.courtId, ...input, status: 'draft', version: 1, publishedAt: null, createdBy: actor.userId, createdAt: now, updatedAt: now };
      await store.insertArticle(tx, row);
      const saved = (await store.article(tx, row.id))!;
      await revise(tx, saved, 'created', actor);
      return staffView(saved);
    },

    /** An edit names the version it was made on: a stale one is refused, so no one's work is lost silently. */
    async updateArticle(actor: Actor, articleId: string, input: ArticleInput & { version: number }): Promise<TNewsArticle> {
      return db.transaction(async (tx) => {
        const a = await editable(actor, articleId, tx);
        if (a.version !== input.version) throw NewsErrors.NEWS_STALE(undefined, { extra: { currentVersion: a.version } });
        await checkCover(tx, input.coverId);
        const { version: _ignored, ...fields } = input;
        await store.updateArticle(tx, a.id, { ...fields, version: a.version + 1, updatedAt: clock.now() });
        const saved = (await store.article(tx, a.id))!;
        await revise(tx, saved, 'edited', actor);
        return staffView(saved);
      });
    },

    async transition(actor: Actor, articleId: string, action: NewsAction): Promise<TNewsArticle> {
      return db.transaction(async (tx) => {
        const a = await editable(actor, articleId, tx);
        const next = nextStatus(a.status as TNewsStatus, action);
        if (!next) throw NewsErrors.NEWS_INVALID_TRANSITION();
        const now = clock.now();
        await store.updateArticle(tx, a.id, { status: next, updatedAt: now, ...(action === 'publish' ? { publishedAt: now } : {}) });
        const saved = (await store.article(tx, a.id))!;
        await revise(tx, saved, action === 'publish' ? 'published' : 'withdrawn', actor);
        return staffView(saved);
      });
    },

    async getArticle(actor: Actor, articleId: string): Promise<TNewsArticle> {
      requireEditor(actor);
      const a = await store.article(db, articleId);
      if (!a) throw NewsErrors.NEWS_NOT_FOUND();
      return staffView(a);
    },

    async listArticles(actor: Actor, q: { limit: number; cursor?: string }) {
      requireEditor(actor);
      const rows = await store.list(db, { publishedOnly: false, limit: q.limit, after: decodeCursor(q.cursor, ZCursor) });
      const page = pageOf(rows, q.limit, (a) => ({ at: a.updatedAt.toISOString(), id: a.id }));
      return { items: page.items.map((a) => { const { body: _b, ...rest } = staffView(a); return rest; }), nextCursor: page.nextCursor };
    },

    async revisions(actor: Actor, articleId: string) {
      requireEditor(actor);
      if (!(await store.article(db, articleId))) throw NewsErrors.NEWS_NOT_FOUND();
      const rows = await store.revisions(db, articleId);
      return { items: rows.map((r) => ({ version: r.version, title: r.title, editedBy: r.editedBy, editedAt: r.editedAt.toISOString(), action: r.action })) };
    },

    async publicList(q: { category?: TNewsCategory; q?: string; limit: number; cursor?: string }) {
      const rows = await store.list(db, { publishedOnly: true, category: q.category, title: q.q || undefined, limit: q.limit, after: decodeCursor(q.cursor, ZCursor) });
      const page = pageOf(rows, q.limit, (a) => ({ at: a.publishedAt!.toISOString(), id: a.id }));
      return { items: page.items.map((a) => { const { body: _b, ...rest } = publicView(a); return rest; }), nextCursor: page.nextCursor };
    },

    async publicArticle(articleId: string): Promise<TNewsPublicArticle> {
      const a = await store.article(db, articleId);
      if (!a || a.status !== 'published') throw NewsErrors.NEWS_NOT_FOUND();
      return publicView(a);
    },

    /** A cover image, refused unless its content is PNG, JPEG or WebP whatever it claims to be. */
    async uploadCover(actor: Actor, content: Buffer, tx: Executor): Promise<TNewsCover> {
      requireEditor(actor);
      const sniffed = sniffBuffer(content);
      if (!sniffed.ok || !COVER_KINDS.has(sniffed.kind)) throw NewsErrors.NEWS_COVER_REFUSED();
      const row = { id: id(), sha256: createHash('sha256').update(content).digest('hex'), mediaType: sniffed.mediaType, size: content.length, content, uploadedBy: actor.userId, createdAt: clock.now() };
      await store.insertCover(tx, row);
      await appendEvent(tx, { type: 'news.cover.uploaded', aggregateType: 'news_cover', aggregateId: row.id, actorId: actor.userId, payload: { sha256: row.sha256, size: row.size } });
      return { id: row.id, sha256: row.sha256, mediaType: row.mediaType, size: row.size };
    },

    /** A cover is public once a published article shows it; editors see every cover. */
    async cover(actor: Actor | undefined, coverId: string) {
      const row = await store.cover(db, coverId);
      if (!row || !(can(actor, 'news.publish') || (await store.coverIsPublic(db, coverId)))) throw NewsErrors.NEWS_NOT_FOUND('图片不存在');
      return { mediaType: row.mediaType, content: row.content };
    },
  };
}

export type NewsService = ReturnType<typeof createNewsService>;
