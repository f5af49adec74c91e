// The one way the web app talks to the server: same-origin fetch with the session cookie, the CSRF
// header on unsafe methods, and RFC 9457 problem+json turned into ApiError.
import type { TProblem } from '@opencourt/contracts';
import { i18n } from '../../app/i18n/index.ts';

export const API_BASE = '/api/v1';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type Problem = TProblem & { lockedUntil?: string; retryAfterSeconds?: number };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
  get status() {
    return this.problem.status;
  }
  get code() {
    return this.problem.code;
  }
}

export const isApiError = (e: unknown, status?: number): e is ApiError => e instanceof ApiError && (status === undefined || e.status === status);

/** The CSRF token the server put in the readable `oc_csrf` cookie at sign-in. */
export function csrfToken(): string | undefined {
  const match = document.cookie.match(/(?:^|;\s*)oc_csrf=([^;]*)/);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** Seconds from a Retry-After header (the rate limiter's), when it gives a number. */
function retryAfter(res: Response): number | undefined {
  const seconds = Number(res.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

async function problemFrom(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  let problem: Problem = { type: 'about:blank', title: i18n.t('common.unknownError'), status: res.status, code: `HTTP_${res.status}` };
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      if (typeof body.title === 'string' && typeof body.code === 'string') problem = { ...body, status: res.status } as Problem;
    } catch {
      // Keep the generic problem.
    }
  }
  if (res.status === 429 && problem.retryAfterSeconds === undefined) problem.retryAfterSeconds = retryAfter(res);
  return problem;
}

type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

type RequestInit = { signal?: AbortSignal; headers?: Record<string, string>; idempotencyKey?: string };

export async function request<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  // Bytes and forms go as they are (their own content type); anything else as JSON.
  const raw = body instanceof Blob || body instanceof FormData || body instanceof ArrayBuffer;
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (body !== undefined && !raw) headers['content-type'] = 'application/json';
  if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
  if (UNSAFE.has(method)) {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? (body as BodyInit) : JSON.stringify(body),
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new ApiError({ type: 'about:blank', title: i18n.t('common.networkError'), status: 0, code: 'NETWORK_ERROR' });
  }
  if (!res.ok) throw new ApiError(await problemFrom(res));
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, init?: { signal?: AbortSignal }) => request<T>('GET', withQuery(path, query), undefined, init),
  post: <T = void>(path: string, body?: unknown, init?: RequestInit) => request<T>('POST', path, body ?? {}, init),
  put: <T = void>(path: string, body?: unknown, init?: RequestInit) => request<T>('PUT', path, body ?? {}, init),
};
