// The public ledger API: no sign-in, and nothing but hashes, ids, sizes, signatures and times.
import {
  ZConsistency,
  ZConsistencyQuery,
  ZInclusion,
  ZLedgerHashParams,
  ZLedgerHashQuery,
  ZLedgerKeys,
  ZReceipt,
} from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { LedgerService, RecordedReceipt } from './ledger.service.ts';

/** How soon to ask again about an entry that is not yet in a published checkpoint. */
const RETRY_AFTER_SECONDS = '1';

const inclusionView = (r: RecordedReceipt) => ({ kind: r.kind, leafIndex: r.leafIndex, recordedAt: r.recordedAt.toISOString(), receipt: r.receipt });

export async function ledgerRoutes(app: FastifyInstance, opts: { ledger: LedgerService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledger'];
  const { ledger } = opts;

  app.addHook('onSend', async (_request, reply) => {
    if (reply.statusCode === 202) reply.header('retry-after', RETRY_AFTER_SECONDS);
    if (reply.statusCode < 400) reply.header('cache-control', 'no-cache');
  });

  r.get('/ledger/checkpoint', {
    schema: { tags, summary: '最新的经见证检查点（C2SP signed note，text/plain）' },
  }, async (_request, reply) => reply.type('text/plain; charset=utf-8').send(await ledger.checkpoint()));

  r.get('/ledger/keys', {
    schema: { tags, summary: '账本与见证人的验证公钥（C2SP verifier key）及见证法定数', response: { 200: ZLedgerKeys } },
  }, async () => ledger.keys());

  r.get('/ledger/proof/inclusion', {
    schema: { tags, summary: '按哈希查询记录及其收据（包含证明 + 经见证检查点）', querystring: ZLedgerHashQuery, response: { 200: ZInclusion } },
  }, async (request) => inclusionView(await ledger.receiptFor(request.query.hash)));

  r.get('/ledger/proof/consistency', {
    schema: { tags, summary: '两个树大小之间的一致性证明', querystring: ZConsistencyQuery, response: { 200: ZConsistency } },
  }, async (request) => ledger.consistency(request.query.from, request.query.to));

  r.get('/ledger/receipts/:hash', {
    schema: { tags, summary: '下载收据（JSON 文件，可离线验证）', params: ZLedgerHashParams, response: { 200: ZReceipt } },
  }, async (request, reply) => {
    const { receipt } = await ledger.receiptFor(request.params.hash);
    const name = `receipt-${request.params.hash.toLowerCase().slice(0, 16)}.json`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    return receipt;
  });
}
