// The law library over HTTP. Public reads: no session needed, nothing personal involved.
import {
  ZLibraryArticleDetail,
  ZLibraryArticleParams,
  ZLibraryArticleQuery,
  ZLibraryCauseArticles,
  ZLibraryCauseParams,
  ZLibraryCauses,
  ZLibraryDocument,
  ZLibrarySearchQuery,
  ZLibrarySearchResult,
} from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LibraryService } from './library.service.ts';

export async function libraryRoutes(app: FastifyInstance, opts: { library: LibraryService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['library'];
  const { library } = opts;

  r.get('/library/search', {
    schema: { tags, summary: '检索法律法规、司法解释和案例', querystring: ZLibrarySearchQuery, response: { 200: ZLibrarySearchResult } },
  }, async (request) => library.search(request.query));

  r.get('/library/documents/:id', {
    schema: { tags, summary: '法律文件全文', params: z.object({ id: z.uuid() }), response: { 200: ZLibraryDocument } },
  }, async (request) => library.getDocument(request.params.id));

  r.get('/library/documents/:id/articles/:label', {
    schema: { tags, summary: '法律文件的一条', params: ZLibraryArticleParams, querystring: ZLibraryArticleQuery, response: { 200: ZLibraryArticleDetail } },
  }, async (request) => library.getArticle(request.params.id, request.params.label, request.query.q));

  r.get('/library/causes', {
    schema: { tags, summary: '收录了法条指引的案由', response: { 200: ZLibraryCauses } },
  }, async () => library.listCauses());

  r.get('/library/causes/:cause/articles', {
    schema: { tags, summary: '案由所依据的法条', params: ZLibraryCauseParams, response: { 200: ZLibraryCauseArticles } },
  }, async (request) => library.causeArticles(request.params.cause));
}
