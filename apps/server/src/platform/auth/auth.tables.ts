import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, tstz } from '../db/columns.ts';

export const organisation = pgTable('organisation', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(), // court | mediation_org | law_firm | institution | appraisal_institution | partner_agency
  name: text('name').notNull(),
  /** Court code (e.g. 闽0213) or Unified Social Credit Code. */
  code: text('code'),
  parentId: uuid('parent_id'),
  areaCode: text('area_code'),
  createdAt: createdAt(),
});

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    displayName: text('display_name').notNull(),
    username: text('username'),
    /** HMAC of the normalised phone number, for look-up; the number itself is encrypted. */
    phoneLookup: text('phone_lookup'),
    phoneCipher: bytea('phone_cipher'),
    email: text('email'),
    passwordHash: text('password_hash'),
    totpSecretCipher: bytea('totp_secret_cipher'),
    totpEnabledAt: tstz('totp_enabled_at'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull().default('active'),
    locale: text('locale').notNull().default('zh-CN'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('app_user_username_key').on(t.username), uniqueIndex('app_user_phone_key').on(t.phoneLookup)],
);

export const authSession = pgTable(
  'auth_session',
  {
    /** SHA-256 of the bearer token held in the cookie; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    /** full | mfa (password ok, TOTP pending) | enrol (must set up TOTP first) */
    stage: text('stage').notNull(),
    csrfToken: text('csrf_token').notNull(),
    method: text('method').notNull(), // password | sms
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [index('auth_session_user_idx').on(t.userId)],
);

export const oneTimeCode = pgTable(
  'one_time_code',
  {
    id: uuid('id').primaryKey(),
    phoneLookup: text('phone_lookup').notNull(),
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: tstz('expires_at').notNull(),
    consumedAt: tstz('consumed_at'),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [index('one_time_code_phone_idx').on(t.phoneLookup, t.createdAt)],
);

export const usedTotp = pgTable(
  'used_totp',
  {
    userId: uuid('user_id').notNull(),
    /** The 30-second step a code was accepted for: a code is accepted once. */
    step: integer('step').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.step] })],
);

