// One error handler: every failure leaves as RFC 9457 problem+json, with field-level errors where the
// input was at fault. Unexpected errors are logged with the request id and answered without detail.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, CommonErrors, type FieldError } from './errors.ts';
import { z } from 'zod';
import { pickLocale, type Locale } from './locale.ts';

const requestLocale = (request: FastifyRequest) => pickLocale(request.headers['accept-language'], request.cookies?.['oc_lang']);

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const locale = requestLocale(request);
  const body: Record<string, unknown> = {
    type: `https://opencourt.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: error.spec.title[locale],
    status: error.spec.status,
    code: error.code,
    instance: request.url.split('?')[0],
    requestId: request.id,
  };
  if (error.detail) body.detail = error.detail;
  if (error.fields?.length) body.errors = error.fields;
  if (error.extra) Object.assign(body, error.extra);
  return reply.code(error.spec.status).type('application/problem+json; charset=utf-8').send(body);
}

// Field messages come out of zod in zh-CN (schemas may also carry their own zh-CN wording); other
// languages get zod's message for the same issue in that language.
const FIELD_LOCALES = { 'zh-HK': z.locales.zhTW(), en: z.locales.en() } as const;

function fieldMessage(locale: Locale, v: { keyword: string; message?: string; params: Record<string, unknown> }): string {
  if (locale === 'zh-CN') return v.message ?? 'invalid';
  const localised = FIELD_LOCALES[locale].localeError({ ...v.params, code: v.keyword } as never);
  return (typeof localised === 'string' ? localised : localised?.message) ?? v.message ?? 'invalid';
}

function fromFastifyError(error: FastifyError, request: FastifyRequest): AppError | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const locale = requestLocale(request);
    const fields: FieldError[] = error.validation.map((v) => ({
      pointer: `/${where}${v.instancePath === '/' ? '' : v.instancePath}`,
      detail: fieldMessage(locale, v as never),
      code: String(v.keyword),
    }));
    return CommonErrors.VALIDATION_FAILED(undefined, { fields });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return CommonErrors.MALFORMED_REQUEST('请求体不是合法的 JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return CommonErrors.PAYLOAD_TOO_LARGE();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return CommonErrors.UNSUPPORTED_MEDIA_TYPE(`不支持的 Content-Type：${request.headers['content-type'] ?? '（无）'}`);
  }
  if (error.statusCode === 429) return CommonErrors.RATE_LIMITED();
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return CommonErrors.MALFORMED_REQUEST(error.message);
  }
  return undefined;
}

/**
 * What of an unexpected error goes into the log: the message and stack, but never a failed query's
 * parameters, which may hold personal data (Drizzle puts them in the message).
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const withoutParams = (text: string) => text.replace(/\nparams:[\s\S]*?(?=\n\s+at |$)/, '');
  const cause = error.cause instanceof Error ? { message: error.cause.message, code: (error.cause as { code?: string }).code } : undefined;
  return { type: error.name, message: withoutParams(error.message), stack: error.stack && withoutParams(error.stack), cause };
}

export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error);
    const mapped = fromFastifyError(error, request);
    if (mapped) return sendProblem(request, reply, mapped);
    if (isResponseSerializationError(error)) {
      request.log.error({ err: loggableError(error), issues: error.cause.issues }, 'response does not match its schema');
    } else {
      request.log.error({ err: loggableError(error) }, 'unhandled error');
    }
    return sendProblem(request, reply, CommonErrors.INTERNAL());
  });
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(request, reply, CommonErrors.NOT_FOUND(`没有这个地址：${request.method} ${request.url.split('?')[0]}`));
}
