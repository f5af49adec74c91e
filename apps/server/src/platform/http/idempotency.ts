// Idempotency-Key on creates: the create and the stored response commit in one transaction, and a
// concurrent duplicate waits on an advisory lock, then replays the stored response.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db, Tx } from '../db/database.ts';
import { idempotencyKey } from './http.tables.ts';
import { CommonErrors } from './errors.ts';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;
const KEEP_MS = 24 * 3600_000;

export type IdempotentResult<T> = { status: number; body: T; replayed: boolean };

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function readIdempotencyKey(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0]! : raw;
  if (!KEY_PATTERN.test(key)) {
    throw CommonErrors.VALIDATION_FAILED(undefined, {
      fields: [{ pointer: '/headers/idempotency-key', detail: 'Idempotency-Key 须为 8–200 个字母、数字或 ._:- 字符' }],
    });
  }
  return key;
}

export async function runIdempotent<T>(
  db: Db,
  request: FastifyRequest,
  scope: string,
  status: number,
  create: (tx: Tx) => Promise<T>,
  now: () => Date = () => new Date(),
): Promise<IdempotentResult<T>> {
  const key = readIdempotencyKey(request);
  if (!key) return db.transaction(async (tx) => ({ status, body: await create(tx), replayed: false }));
  const path = request.routeOptions.url ?? request.url;
  const requestHash = createHash('sha256').update(`${request.method} ${request.url}\n${canonical(request.body ?? null)}`).digest('hex');
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${scope}|${key}`}))`);
    const [existing] = await tx
      .select()
      .from(idempotencyKey)
      .where(and(eq(idempotencyKey.scope, scope), eq(idempotencyKey.key, key)));
    if (existing && existing.expiresAt > now()) {
      if (existing.requestHash !== requestHash || existing.method !== request.method) {
        throw CommonErrors.IDEMPOTENCY_KEY_REUSED('同一个 Idempotency-Key 只能用于内容相同的请求');
      }
      return { status: existing.responseStatus, body: existing.responseBody as T, replayed: true };
    }
    const body = await create(tx);
    const row = {
      scope,
      key,
      method: request.method,
      path,
      requestHash,
      responseStatus: status,
      responseBody: JSON.parse(JSON.stringify(body)) as unknown,
      createdAt: now(),
      expiresAt: new Date(now().getTime() + KEEP_MS),
    };
    await tx
      .insert(idempotencyKey)
      .values(row)
      .onConflictDoUpdate({ target: [idempotencyKey.scope, idempotencyKey.key], set: row });
    return { status, body, replayed: false };
  });
}
