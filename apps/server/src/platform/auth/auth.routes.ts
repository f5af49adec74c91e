// Sign-in, sign-out and the current user.
import {
  ZLocaleUpdate,
  ZLoginResult,
  ZMe,
  ZPasswordChange,
  ZPasswordLogin,
  ZSmsCodeRequest,
  ZSmsCodeSent,
  ZSmsLogin,
  ZTotpCode,
  ZTotpEnrolment,
} from '@opencourt/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { AuthErrors } from './auth.errors.ts';
import { clearSessionCookies, requireSession, setSessionCookies } from './auth.plugin.ts';
import type { AuthService, IssuedSession } from './auth.service.ts';
import { usersStore } from './users.store.ts';

const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });
const loginResult = (s: IssuedSession) => ({ stage: s.stage, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() });

export async function authRoutes(app: FastifyInstance, opts: { auth: AuthService; db: Db; cookieSecure: boolean; rateLimitPerMinute: number }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { auth } = opts;
  const rateLimit = { max: opts.rateLimitPerMinute, timeWindow: '1 minute' };
  const tags = ['auth'];

  r.post('/auth/login', {
    schema: { tags, summary: '账号密码登录（工作人员）', body: ZPasswordLogin, response: { 200: ZLoginResult } },
    config: { rateLimit, audit: { action: 'auth.login.password', detail: (req) => ({ username: (req.body as { username?: string })?.username }) } },
  }, async (request, reply) => {
    const session = await auth.loginWithPassword(request.body, client(request));
    setSessionCookies(reply, session, opts.cookieSecure);
    request.auditActor = { id: session.userId, label: session.displayName };
    return loginResult(session);
  });

  r.post('/auth/login/totp', {
    schema: { tags, summary: '两步验证：提交动态口令', body: ZTotpCode, response: { 200: ZLoginResult } },
    config: { rateLimit, audit: { action: 'auth.login.totp' } },
  }, async (request) => {
    const session = requireSession(request);
    await auth.completeTotp(session, request.body.code);
    return { stage: 'full' as const, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  });

  r.post('/auth/sms-code', {
    schema: { tags, summary: '发送短信验证码（当事人）', body: ZSmsCodeRequest, response: { 200: ZSmsCodeSent } },
    config: { rateLimit, audit: { action: 'auth.sms_code.request' } },
  }, async (request) => auth.requestSmsCode(request.body, client(request)));

  r.post('/auth/login/sms', {
    schema: { tags, summary: '手机号 + 短信验证码登录（当事人）', body: ZSmsLogin, response: { 200: ZLoginResult } },
    config: { rateLimit, audit: { action: 'auth.login.sms' } },
  }, async (request, reply) => {
    const session = await auth.loginWithSmsCode(request.body, client(request));
    setSessionCookies(reply, session, opts.cookieSecure);
    request.auditActor = { id: session.userId, label: session.displayName };
    return loginResult(session);
  });

  r.post('/auth/logout', {
    schema: { tags, summary: '退出登录', response: { 204: z.null() } },
    config: { audit: { action: 'auth.logout' } },
  }, async (request, reply) => {
    if (request.session) await auth.logout(request.session);
    clearSessionCookies(reply);
    return reply.code(204).send(null);
  });

  r.post('/auth/logout-everywhere', {
    schema: { tags, summary: '在所有设备上退出登录', response: { 200: z.object({ revokedSessions: z.number().int() }) } },
    config: { audit: { action: 'auth.logout_everywhere' } },
  }, async (request, reply) => {
    const revokedSessions = await auth.logoutEverywhere(requireSession(request));
    clearSessionCookies(reply);
    return { revokedSessions };
  });

  r.post('/auth/totp/enrolment', {
    schema: { tags, summary: '开始设置两步验证（TOTP）', response: { 200: ZTotpEnrolment } },
    config: { audit: { action: 'auth.totp.enrol_start' } },
  }, async (request) => {
    const session = requireSession(request);
    if (session.stage === 'mfa') throw AuthErrors.AUTH_MFA_REQUIRED();
    const enrolment = await auth.startTotpEnrolment(session);
    return { ...enrolment, qrDataUrl: await QRCode.toDataURL(enrolment.uri) };
  });

  r.post('/auth/totp/confirm', {
    schema: { tags, summary: '确认两步验证', body: ZTotpCode, response: { 204: z.null() } },
    config: { rateLimit, audit: { action: 'auth.totp.enrol_confirm' } },
  }, async (request, reply) => {
    await auth.confirmTotpEnrolment(requireSession(request), request.body.code);
    return reply.code(204).send(null);
  });

  r.post('/auth/password', {
    schema: { tags, summary: '修改密码', body: ZPasswordChange, response: { 204: z.null() } },
    config: { rateLimit, audit: { action: 'auth.password.change' } },
  }, async (request, reply) => {
    await auth.changePassword(requireSession(request), request.body);
    return reply.code(204).send(null);
  });

  r.get('/me', {
    schema: { tags: ['me'], summary: '当前用户', response: { 200: ZMe } },
  }, async (request) => {
    const session = requireSession(request);
    const org = session.user.organisationId ? await usersStore.findOrganisation(opts.db, session.user.organisationId) : undefined;
    return {
      id: session.user.id,
      displayName: session.user.displayName,
      roles: session.user.roles,
      organisation: org ? { id: org.id, name: org.name, kind: org.kind } : null,
      locale: session.user.locale as 'zh-CN',
      stage: session.stage,
      totpEnabled: session.user.totpEnabled,
      csrfToken: session.csrfToken,
    };
  });

  r.put('/me/locale', {
    schema: { tags: ['me'], summary: '设置界面语言', body: ZLocaleUpdate, response: { 204: z.null() } },
    config: { audit: { action: 'me.locale.update' } },
  }, async (request, reply) => {
    const session = requireSession(request);
    await usersStore.setLocale(opts.db, session.user.id, request.body.locale);
    auth.evictUser(session.user.id);
    return reply.code(204).send(null);
  });
}
