// The face of news and legal education (新闻与普法): articles court staff write and the public reads.
import type { FastifyInstance } from 'fastify';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { newsRoutes } from './news.routes.ts';
import { createNewsService } from './news.service.ts';

export { type NewsService } from './news.service.ts';

export function createNews(deps: { db: Db; clock: Clock; id: IdGenerator }) {
  const service = createNewsService(deps);
  return { service, routes: (api: FastifyInstance) => newsRoutes(api, { db: deps.db, news: service }) };
}
