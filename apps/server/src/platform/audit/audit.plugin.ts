// Records every state-changing request once its answer is known: who, what, which resource, when,
// from where, and the outcome. Routes name their action and may add non-secret detail.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/database.ts';
import { auditStore } from './audit.store.ts';

export type AuditRouteConfig = {
  action: string;
  /** Extra facts worth keeping; never secrets (passwords, codes, tokens). */
  detail?: (request: FastifyRequest) => Record<string, unknown>;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false` for a POST that changes nothing (a calculation such as a fee estimate): nothing to record. */
    audit?: AuditRouteConfig | false;
  }
  interface FastifyRequest {
    /** Set by a handler when the actor is only known after it ran (sign-in). */
    auditActor?: { id: string; label: string };
    /** Set by a handler that creates a resource, so the entry names it. */
    auditResource?: { type: string; id: string };
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function outcomeOf(status: number): 'success' | 'denied' | 'failed' {
  if (status < 400) return 'success';
  if (status === 401 || status === 403 || status === 423 || status === 429) return 'denied';
  return 'failed';
}

function resourceFromParams(request: FastifyRequest): { type: string; id: string } | undefined {
  const params = request.params as Record<string, string> | undefined;
  const id = params?.id;
  if (!id) return undefined;
  const segments = (request.routeOptions.url ?? '').split('/').filter((s) => s && !s.startsWith(':'));
  const type = segments.filter((s) => s !== 'api' && s !== 'v1')[0] ?? 'unknown';
  return { type: type.replace(/s$/, ''), id };
}

export const auditPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  app.decorateRequest('auditActor', undefined);
  app.decorateRequest('auditResource', undefined);
  app.addHook('onResponse', async (request, reply) => {
    if (!UNSAFE.has(request.method)) return;
    const config = request.routeOptions.config?.audit;
    if (config === false) return;
    const resource = request.auditResource ?? resourceFromParams(request);
    let detail: Record<string, unknown> | undefined;
    try {
      detail = config?.detail?.(request);
    } catch {
      detail = undefined;
    }
    try {
      await auditStore.append(opts.db, {
        actorId: request.actor?.userId ?? request.auditActor?.id ?? null,
        actorLabel: request.session?.user.displayName ?? request.auditActor?.label ?? null,
        action: config?.action ?? `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
        resourceType: resource?.type ?? null,
        resourceId: resource?.id ?? null,
        outcome: outcomeOf(reply.statusCode),
        statusCode: reply.statusCode,
        ip: request.ip,
        userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
        requestId: request.id,
        detail: detail ?? null,
      });
    } catch (err) {
      request.log.error({ err }, 'could not write the audit entry');
    }
  });
});
