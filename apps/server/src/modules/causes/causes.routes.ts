import { ZCauseCatalogue, ZCauseQuery } from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CauseErrors } from './causes.errors.ts';
import type { CauseCatalogue } from './causes.rules.ts';

/** The catalogue is public reference data: pickers on intake pages use it before sign-in. */
export async function causesRoutes(app: FastifyInstance, opts: { catalogue: CauseCatalogue }) {
  const { catalogue } = opts;
  app.withTypeProvider<ZodTypeProvider>().get('/causes', {
    schema: { tags: ['causes'], summary: '民事案件案由（树形，或按名称检索）', querystring: ZCauseQuery, response: { 200: ZCauseCatalogue } },
  }, async (request) => {
    const version = request.query.version ?? catalogue.latest;
    const info = catalogue.info(version);
    if (!info) throw CauseErrors.CAUSE_VERSION_UNKNOWN(undefined, { fields: [{ pointer: '/querystring/version', detail: `可用版本：${catalogue.versions().join('、')}` }] });
    const { tree, ...about } = info;
    const q = request.query.q;
    return { version: about, versions: catalogue.versions(), tree: q ? null : tree, hits: q ? catalogue.search(version, q) : [] };
  });
}
