// Typed error codes. Modules declare their own with defineErrors; the problem handler maps them to
// RFC 9457 problem+json. The domain never builds HTTP responses.
export type LocalisedText = { 'zh-CN': string; 'zh-HK': string; en: string };

export type FieldError = { pointer: string; detail: string; code?: string };

export type ErrorSpec = { status: number; title: LocalisedText };

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly spec: ErrorSpec,
    readonly detail?: string,
    readonly fields?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? spec.title.en);
    this.name = 'AppError';
  }
}

export type ErrorFactory = (detail?: string, opts?: { fields?: FieldError[]; extra?: Record<string, unknown> }) => AppError;

export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T): { [K in keyof T]: ErrorFactory } {
  const out = {} as { [K in keyof T]: ErrorFactory };
  for (const code of Object.keys(specs) as (keyof T & string)[]) {
    out[code] = (detail, opts) => new AppError(code, specs[code]!, detail, opts?.fields, opts?.extra);
  }
  return out;
}

/** A text in the three languages, Chinese first. */
export const localised = (zhCN: string, zhHK: string, en: string): LocalisedText => ({ 'zh-CN': zhCN, 'zh-HK': zhHK, en });
const t = localised;

export const CommonErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, title: t('提交的内容有误', '提交的內容有誤', 'The request is invalid') },
  MALFORMED_REQUEST: { status: 400, title: t('请求格式错误', '請求格式錯誤', 'The request is malformed') },
  UNAUTHENTICATED: { status: 401, title: t('请先登录', '請先登入', 'Sign-in required') },
  FORBIDDEN: { status: 403, title: t('无权进行此操作', '無權進行此操作', 'Not allowed') },
  CSRF_REJECTED: { status: 403, title: t('请求来源校验失败，请刷新页面后重试', '請求來源校驗失敗，請重新整理頁面後重試', 'Cross-site request check failed') },
  NOT_FOUND: { status: 404, title: t('未找到', '未找到', 'Not found') },
  CONFLICT: { status: 409, title: t('与当前状态冲突', '與目前狀態衝突', 'Conflict with the current state') },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: t('该幂等键已用于不同的请求', '該冪等鍵已用於不同的請求', 'The Idempotency-Key was used for a different request'),
  },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, title: t('相同的请求正在处理中', '相同的請求正在處理中', 'The same request is still being processed') },
  PAYLOAD_TOO_LARGE: { status: 413, title: t('内容超过大小上限', '內容超過大小上限', 'The content is too large') },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: t('不支持的文件或内容类型', '不支援的檔案或內容類型', 'Unsupported media type') },
  RATE_LIMITED: { status: 429, title: t('操作过于频繁，请稍后再试', '操作過於頻繁，請稍後再試', 'Too many requests') },
  INTERNAL: { status: 500, title: t('系统内部错误', '系統內部錯誤', 'Internal error') },
});
