// GET /api/v1/realtime: the WebSocket endpoint. The upgrade is refused, as an ordinary problem+json
// response, unless it comes from this site's pages and carries a fully signed-in session.
import '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../auth/index.ts';
import { CommonErrors } from '../http/index.ts';
import type { Hub } from './hub.ts';

/** Browsers always send Origin on WebSocket upgrades; it must be this site (its Host, or a configured origin). */
export function originAllowed(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser, so not a cross-site request riding on a cookie
  try {
    const url = new URL(origin);
    return url.host === request.headers.host || allowedOrigins.includes(url.origin);
  } catch {
    return false;
  }
}

export async function realtimeRoutes(app: FastifyInstance, opts: { hub: Hub; allowedOrigins: readonly string[] }) {
  app.get(
    '/realtime',
    {
      websocket: true,
      schema: { tags: ['realtime'], summary: '实时消息 WebSocket（订阅房间，接收事件）' },
      preValidation: async (request) => {
        if (!originAllowed(request, opts.allowedOrigins)) throw CommonErrors.CSRF_REJECTED('请求来源与本站不一致');
        requireActor(request);
      },
    },
    (socket, request) => {
      opts.hub.attach(socket, request.actor!, request.session!.sessionId, { ip: request.ip, userAgent: request.headers['user-agent']?.slice(0, 300) ?? null });
    },
  );
}
