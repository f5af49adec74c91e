// Resolves the session cookie into request.session / request.actor on every request, and enforces
// CSRF: an unsafe request made with a session cookie must carry the session's CSRF token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { CommonErrors } from '../http/errors.ts';
import { actorOf } from './actor.ts';
import { AuthErrors } from './auth.errors.ts';
import type { AuthService, IssuedSession } from './auth.service.ts';
import { can, type Actor, type Permission, type Resource } from './policy.ts';
import type { ResolvedSession } from './sessions.store.ts';

export const SESSION_COOKIE = 'oc_session';
export const CSRF_COOKIE = 'oc_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session?: ResolvedSession;
    actor?: Actor;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function setSessionCookies(reply: FastifyReply, session: IssuedSession, secure: boolean) {
  const common = { path: '/', sameSite: 'lax' as const, secure, expires: session.expiresAt };
  reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // non-browser clients send none; browsers always send it on cross-site POSTs
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** The signed-in actor with a completed sign-in, or an error saying what is missing. */
export function requireActor(request: FastifyRequest): Actor {
  const session = request.session;
  if (!session || !request.actor) throw CommonErrors.UNAUTHENTICATED();
  if (session.stage === 'mfa') throw AuthErrors.AUTH_MFA_REQUIRED();
  if (session.stage === 'enrol') throw AuthErrors.AUTH_MFA_ENROLMENT_REQUIRED();
  return request.actor;
}

export function requireSession(request: FastifyRequest): ResolvedSession {
  if (!request.session) throw CommonErrors.UNAUTHENTICATED();
  return request.session;
}

/** Refuse unless the policy allows; answer 404 for resources the actor may not know exist. */
export function authorize(request: FastifyRequest, permission: Permission, resource?: Resource): Actor {
  const actor = requireActor(request);
  if (!can(actor, permission, resource)) throw CommonErrors.FORBIDDEN();
  return actor;
}

export const authPlugin = fp(async (app: FastifyInstance, opts: { auth: AuthService }) => {
  app.decorateRequest('session', undefined);
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await opts.auth.resolveSession(token);
      if (session) {
        request.session = session;
        request.actor = actorOf(session);
      }
    }
    if (!UNSAFE.has(request.method)) return;
    if (!sameOrigin(request)) throw CommonErrors.CSRF_REJECTED('请求来源与本站不一致');
    if (request.session && request.headers[CSRF_HEADER] !== request.session.csrfToken) {
      throw CommonErrors.CSRF_REJECTED('缺少或错误的 X-CSRF-Token');
    }
  });
});
