import { ZId, ZNewsArticle, ZNewsArticleInput, ZNewsArticlePage, ZNewsArticleUpdate, ZNewsCover, ZNewsPublicArticle, ZNewsPublicPage, ZNewsPublicQuery, ZNewsRevisionList } from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { ZPageQuery, runIdempotent } from '../../platform/http/index.ts';
import { COVER_MAX_BYTES, type NewsService } from './news.service.ts';

const tags = ['news'];
const params = z.object({ id: ZId });

export async function newsRoutes(app: FastifyInstance, opts: { db: Db; news: NewsService }) {
  const { news } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/news/articles', {
    schema: { tags, summary: '新建文章草稿（书记员、技术管理员；支持 Idempotency-Key）', body: ZNewsArticleInput, response: { 201: ZNewsArticle } },
    config: { audit: { action: 'news.article.create' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await runIdempotent(opts.db, request, actor.userId, 201, (tx) => news.createArticle(actor, request.body, tx));
    request.auditResource = { type: 'news_article', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.get('/news/articles', {
    schema: { tags, summary: '全部文章（编辑用，含草稿与已撤回）', querystring: ZPageQuery, response: { 200: ZNewsArticlePage } },
  }, async (request) => news.listArticles(requireActor(request), request.query));

  r.get('/news/articles/:id', {
    schema: { tags, summary: '文章（编辑用）', params, response: { 200: ZNewsArticle } },
  }, async (request) => news.getArticle(requireActor(request), request.params.id));

  r.put('/news/articles/:id', {
    schema: { tags, summary: '修改文章（须带当前版本号，过期版本返回 409）', params, body: ZNewsArticleUpdate, response: { 200: ZNewsArticle } },
    config: { audit: { action: 'news.article.edit' } },
  }, async (request) => {
    request.auditResource = { type: 'news_article', id: request.params.id };
    return news.updateArticle(requireActor(request), request.params.id, request.body);
  });

  for (const action of ['publish', 'withdraw'] as const) {
    r.post(`/news/articles/:id/${action}`, {
      schema: { tags, summary: action === 'publish' ? '发布文章' : '撤回文章', params, response: { 200: ZNewsArticle } },
      config: { audit: { action: `news.article.${action}` } },
    }, async (request) => {
      request.auditResource = { type: 'news_article', id: request.params.id };
      return news.transition(requireActor(request), request.params.id, action);
    });
  }

  r.get('/news/articles/:id/revisions', {
    schema: { tags, summary: '文章的修订历史', params, response: { 200: ZNewsRevisionList } },
  }, async (request) => news.revisions(requireActor(request), request.params.id));

  r.get('/news/public', {
    schema: { tags, summary: '已发布的新闻与普法文章（无需登录；按栏目、标题搜索，分页）', querystring: ZNewsPublicQuery, response: { 200: ZNewsPublicPage } },
  }, async (request) => news.publicList(request.query));

  r.get('/news/public/:id', {
    schema: { tags, summary: '已发布的文章（无需登录）', params, response: { 200: ZNewsPublicArticle } },
  }, async (request) => news.publicArticle(request.params.id));

  r.get('/news/covers/:id', {
    schema: { tags, summary: '文章封面图片（已发布文章的封面无需登录）', params, produces: ['image/png', 'image/jpeg', 'image/webp'], response: { 200: z.any().describe('image') } },
  }, async (request, reply) => {
    const cover = await news.cover(request.actor ?? undefined, request.params.id);
    return reply.type(cover.mediaType).header('x-content-type-options', 'nosniff').header('cache-control', 'public, max-age=300').send(cover.content);
  });

  // The cover's bytes arrive as the request body; its type is decided by its content, not this header.
  await app.register(async (covers) => {
    covers.addContentTypeParser(['image/png', 'image/jpeg', 'image/webp', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: COVER_MAX_BYTES }, (_req, body, done) => done(null, body));
    covers.withTypeProvider<ZodTypeProvider>().post('/news/covers', {
      schema: { tags, summary: '上传封面图片（PNG、JPEG 或 WebP，≤ 2 MB；按内容识别）', consumes: ['image/png', 'image/jpeg', 'image/webp'], response: { 201: ZNewsCover } },
      config: { audit: { action: 'news.cover.upload' } },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body as Buffer;
      const result = await opts.db.transaction((tx) => news.uploadCover(actor, body, tx));
      request.auditResource = { type: 'news_cover', id: result.id };
      return reply.code(201).send(result);
    });
  });
}
