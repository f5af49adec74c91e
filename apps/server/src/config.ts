// The only reader of process.env. Every setting is parsed and documented here (see README "Configuration").
import path from 'node:path';
import { NOTE_KEY_TYPE, parseVerifierKey } from '@opencourt/ledger';
import { ZIceServer } from '@opencourt/contracts';
import { z } from 'zod';
import { createFeeSchedule } from './modules/fees/index.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port of the platform. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL used in links sent by SMS and e-mail. */
  PUBLIC_URL: z.string().url().optional(),
  /** External PostgreSQL; when absent an embedded PostgreSQL is started in DATA_DIR/pg. */
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Where the embedded database, files, keys and local message drivers keep their data. */
  DATA_DIR: z.string().default('./data'),
  /** 32-byte master key (base64) that wraps per-file and signing keys; generated into DATA_DIR on first start if absent. */
  MASTER_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load the demo court, organisations and users on first start. */
  SEED_DEMO: bool.default(true),
  SESSION_TTL_HOURS: z.coerce.number().min(1).max(24 * 30).default(12),
  /** Send cookies with the Secure flag; default on in production. */
  COOKIE_SECURE: bool.optional(),
  /** `required`: staff without TOTP must enrol before using anything else. */
  STAFF_MFA: z.enum(['optional', 'required']).default('optional'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  SMS_DRIVER: z.enum(['log']).default('log'),
  EMAIL_DRIVER: z.enum(['eml', 'smtp']).default('eml'),
  SMTP_URL: z.string().optional(),
  EMAIL_FROM: z.string().default('OpenCourt <no-reply@opencourt.local>'),
  BLOB_DRIVER: z.enum(['fs', 's3']).default('fs'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(200 * 1024 * 1024),
  JOBS_ENABLED: bool.default(true),
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  WEB_DIST_DIR: z.string().optional(),
  /** The evidence ledger's origin line (and log key name), fixed when the log is created; default `<PUBLIC_URL host>/ledger`. */
  LEDGER_ORIGIN: z.string().regex(/^[^\s+]+$/, 'no spaces or "+"').optional(),
  /** The ledger's hash: sha256, or sm3 where commercial cryptography is required; fixed once the log has leaves. */
  LEDGER_HASH: z.enum(['sha256', 'sm3']).optional(),
  /** Witnesses as a comma-separated list of `url|verifierKey` (cosignature/v1 keys). */
  LEDGER_WITNESSES: z.string().default(''),
  /** How many witnesses must cosign before a checkpoint is published; default all of them (0 when none). */
  LEDGER_WITNESS_QUORUM: z.coerce.number().int().min(0).optional(),
  /** The court named in the ledger's public keys. */
  LEDGER_COURT_NAME: z.string().min(1).default('厦门市翔安区人民法院'),
  LEDGER_BATCH_MAX: z.coerce.number().int().min(1).max(100_000).default(10_000),
  LEDGER_BATCH_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
  /** The province's per-case fee figures in fen, as JSON (e.g. {"divorceFen":20000}), each within the Decree's range. */
  FEE_SCHEDULE: z.string().optional(),
  /** ICE servers handed to video-room browsers, as JSON: `[{"urls":"stun:stun.example.org"},{"urls":"turn:turn.example.org","username":"u","credential":"p"}]`. */
  VIDEO_ICE_SERVERS: z
    .string()
    .default('[]')
    .transform((text, ctx) => {
      try {
        return z.array(ZIceServer).parse(JSON.parse(text));
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `must be a JSON array of ICE servers: ${(err as Error).message.slice(0, 200)}` });
        return z.NEVER;
      }
    }),
  /** Days a video recording's media is kept after it is processed; unset or 0 keeps it. */
  VIDEO_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  /** Largest recording chunk a browser may upload. */
  VIDEO_CHUNK_MAX_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(8 * 1024 * 1024),
  /** Largest processed recording track stored as a file. */
  VIDEO_TRACK_MAX_BYTES: z.coerce.number().int().min(1024 * 1024).default(8 * 1024 * 1024 * 1024),
  /** After a recording stops, how long participants have to upload their last chunks before processing starts anyway. */
  VIDEO_FINALIZE_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Where Debian's ffmpeg and ffprobe are. */
  FFMPEG_DIR: z.string().default('/usr/bin'),
  /** Payment channel; `local` is the built-in provider with its own hosted page and signed notifications. */
  PAYMENT_PROVIDER: z.enum(['local']).default('local'),
  /** Minutes an unpaid order stays open before the scheduled job closes it (after asking the provider). */
  PAYMENT_ORDER_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Base URL providers post notifications to; default the address the payer's request reached. */
  PAYMENT_NOTIFY_BASE_URL: z.string().url().optional(),
  /** The local provider's behaviour: normal, fail (declines payments), timeout (never answers), duplicate (every notification twice). */
  PAYMENT_LOCAL_MODE: z.enum(['normal', 'fail', 'timeout', 'duplicate']).default('normal'),
  /** Delay before the local provider sends its notification. */
  PAYMENT_LOCAL_CALLBACK_DELAY_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
  /** The local provider's signing key (base64, at least 32 bytes); default derived from the master key. */
  PAYMENT_LOCAL_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || Buffer.from(v, 'base64').length >= 32, 'must be at least 32 bytes, base64-encoded'),
});

/** Parses FEE_SCHEDULE into a fee schedule, naming each figure the Decree does not allow. */
function parseFeeSchedule(json: string | undefined, ctx: z.RefinementCtx) {
  if (!json) return createFeeSchedule();
  try {
    const overrides: unknown = JSON.parse(json);
    if (!overrides || typeof overrides !== 'object' || Array.isArray(overrides)) throw new Error('expected a JSON object');
    return createFeeSchedule(overrides as Record<string, unknown>);
  } catch (err) {
    const fields = (err as { fields?: { pointer: string; detail: string }[] }).fields;
    if (fields) for (const f of fields) ctx.addIssue({ code: 'custom', path: ['FEE_SCHEDULE', f.pointer.slice(1)], message: f.detail });
    else ctx.addIssue({ code: 'custom', path: ['FEE_SCHEDULE'], message: (err as Error).message });
    return createFeeSchedule();
  }
}

/** Parses LEDGER_WITNESSES: each `url|verifierKey`, named by its key. */
function parseWitnesses(list: string, ctx: z.RefinementCtx) {
  const witnesses: { name: string; url: string; verifierKey: string }[] = [];
  for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [url, verifierKey, ...rest] = item.split('|').map((s) => s.trim());
    try {
      if (!url || !verifierKey || rest.length) throw new Error('expected url|verifierKey');
      if (!/^https?:$/.test(new URL(url).protocol)) throw new Error('the witness URL must be http(s)');
      const key = parseVerifierKey(verifierKey);
      if (key.type !== NOTE_KEY_TYPE.cosignatureV1) throw new Error('a witness key must be a cosignature/v1 key');
      if (witnesses.some((w) => w.name === key.name)) throw new Error(`witness ${key.name} is listed twice`);
      witnesses.push({ name: key.name, url, verifierKey });
    } catch (err) {
      ctx.addIssue({ code: 'custom', path: ['LEDGER_WITNESSES'], message: `${item.slice(0, 80)}: ${(err as Error).message}` });
    }
  }
  return witnesses;
}

const ZConfigEnv = ZEnv.transform((e, ctx) => {
  const witnesses = parseWitnesses(e.LEDGER_WITNESSES, ctx);
  const quorum = e.LEDGER_WITNESS_QUORUM ?? witnesses.length;
  if (quorum > witnesses.length) {
    ctx.addIssue({ code: 'custom', path: ['LEDGER_WITNESS_QUORUM'], message: `cannot exceed the ${witnesses.length} witnesses configured` });
  }
  return { ...e, ledgerWitnesses: witnesses, ledgerQuorum: quorum, feeSchedule: parseFeeSchedule(e.FEE_SCHEDULE, ctx) };
});

export type TConfig = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = ZConfigEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    dataDir,
    masterKey: e.MASTER_KEY,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    staffMfa: e.STAFF_MFA,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    rateLimitAuthPerMinute: e.RATE_LIMIT_AUTH_PER_MINUTE,
    sms: { driver: e.SMS_DRIVER, logFile: path.join(dataDir, 'outbox', 'sms.log') },
    email: { driver: e.EMAIL_DRIVER, smtpUrl: e.SMTP_URL, from: e.EMAIL_FROM, emlDir: path.join(dataDir, 'outbox', 'mail') },
    blobs: {
      driver: e.BLOB_DRIVER,
      dir: path.join(dataDir, 'blobs'),
      s3: {
        endpoint: e.S3_ENDPOINT,
        region: e.S3_REGION,
        bucket: e.S3_BUCKET,
        accessKeyId: e.S3_ACCESS_KEY_ID,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY,
        forcePathStyle: e.S3_FORCE_PATH_STYLE,
      },
      maxBytes: e.UPLOAD_MAX_BYTES,
    },
    jobs: { enabled: e.JOBS_ENABLED, concurrency: e.JOBS_CONCURRENCY },
    video: {
      iceServers: e.VIDEO_ICE_SERVERS,
      retentionDays: e.VIDEO_RETENTION_DAYS || null,
      chunkMaxBytes: e.VIDEO_CHUNK_MAX_BYTES,
      trackMaxBytes: e.VIDEO_TRACK_MAX_BYTES,
      finalizeGraceMs: e.VIDEO_FINALIZE_GRACE_SECONDS * 1000,
      ffmpeg: path.join(e.FFMPEG_DIR, 'ffmpeg'),
      ffprobe: path.join(e.FFMPEG_DIR, 'ffprobe'),
      /** Acknowledged chunks of tracks not yet processed, appended per track (on the blob directory's file system). */
      recordingsDir: path.join(dataDir, 'blobs', '.recordings'),
    },
    webDistDir: e.WEB_DIST_DIR ? path.resolve(e.WEB_DIST_DIR) : undefined,
    feeSchedule: e.feeSchedule,
    payments: {
      provider: e.PAYMENT_PROVIDER,
      orderTimeoutMs: e.PAYMENT_ORDER_TIMEOUT_MINUTES * 60_000,
      notifyBaseUrl: e.PAYMENT_NOTIFY_BASE_URL?.replace(/\/+$/, ''),
      local: {
        mode: e.PAYMENT_LOCAL_MODE,
        callbackDelayMs: e.PAYMENT_LOCAL_CALLBACK_DELAY_MS,
        key: e.PAYMENT_LOCAL_KEY ? Buffer.from(e.PAYMENT_LOCAL_KEY, 'base64') : undefined,
      },
    },
    ledger: {
      origin: e.LEDGER_ORIGIN ?? (e.PUBLIC_URL ? `${new URL(e.PUBLIC_URL).host}/ledger` : 'opencourt.local/ledger'),
      originExplicit: e.LEDGER_ORIGIN !== undefined,
      hashSuite: e.LEDGER_HASH ?? 'sha256',
      hashExplicit: e.LEDGER_HASH !== undefined,
      courtName: e.LEDGER_COURT_NAME,
      witnesses: e.ledgerWitnesses,
      quorum: e.ledgerQuorum,
      batchMax: e.LEDGER_BATCH_MAX,
      intervalMs: e.LEDGER_BATCH_INTERVAL_MS,
    },
  };
}
