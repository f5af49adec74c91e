// Test helpers: a fresh database per test file, an app on it, and ways to sign in.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type AppDeps } from '../src/app.ts';
import { loadConfig, type TConfig } from '../src/config.ts';
import { createUser, type Role } from '../src/platform/auth/index.ts';
import { uuid, type Clock } from '../src/platform/clock/index.ts';
import { createKeyring, type Keyring } from '../src/platform/crypto/index.ts';
import { openDatabase, withDatabaseName, type Database } from '../src/platform/db/database.ts';
import { usersStore } from '../src/platform/auth/users.store.ts';

export type TestDatabase = Database & { name: string; drop(): Promise<void> };

/**
 * A database of its own, cloned from the migrated template (or empty, for what must start from
 * nothing: restores, `migrate`). Named after the run, so its teardown removes any a crash leaves.
 */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = inject('pgServerUrl');
  const template = inject('pgTemplate');
  const name = `oc_t_${template.split('_').pop()}_${opts.empty ? 'empty_' : ''}${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(opts.empty ? `create database ${name}` : `create database ${name} template ${template}`);
      break;
    } catch (err) {
      // Another file may be cloning the template this very moment.
      if ((err as { code?: string }).code !== '55006' || attempt > 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const database = openDatabase(withDatabaseName(serverUrl, name), 10);
  return {
    ...database,
    name,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): TConfig {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-test-data-'));
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, SEED_DEMO: 'false', ...overrides });
}

export const testKeyring = (): Keyring => createKeyring(crypto.randomBytes(32));

/** A clock that tests move by hand. */
export function manualClock(start = new Date('2026-11-25T08:00:00Z')): Clock & { advance(ms: number): void; set(d: Date): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms), set: (d) => void (now = d.getTime()) };
}

export type TestContext = {
  app: FastifyInstance;
  database: TestDatabase;
  config: TConfig;
  keyring: Keyring;
  close(): Promise<void>;
};

export async function startTestApp(opts: { config?: Record<string, string>; deps?: Partial<AppDeps> } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = testConfig(opts.config);
  const keyring = testKeyring();
  const app = await buildApp({ config, database, keyring, ...opts.deps });
  await app.ready();
  return {
    app,
    database,
    config,
    keyring,
    async close() {
      await app.close();
      await database.drop();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

/** Two instances of the server on real loopback ports sharing one database: two processes behind a load balancer. */
export type TwoInstances = { a: TestContext; urlA: string; b: FastifyInstance; bDatabase: Database; urlB: string; close(): Promise<void> };

export async function startTwoInstances(opts: { config?: Record<string, string> } = {}): Promise<TwoInstances> {
  const a = await startTestApp({ config: { JOBS_ENABLED: 'false', ...opts.config } });
  const bDatabase = openDatabase(a.database.url, 5);
  const b = await buildApp({ config: a.config, database: bDatabase, keyring: a.keyring });
  const urlA = await a.app.listen({ port: 0, host: '127.0.0.1' });
  const urlB = await b.listen({ port: 0, host: '127.0.0.1' });
  return {
    a,
    urlA,
    b,
    bDatabase,
    urlB,
    async close() {
      await b.close();
      await bDatabase.close();
      await a.close();
    },
  };
}

export type Fixture = { courtId: string; mediationOrgId: string; lawFirmId: string; bankId: string; otherBankId: string };

export async function createOrganisations(ctx: TestContext): Promise<Fixture> {
  const db = ctx.database.db;
  const ids = { courtId: uuid(), mediationOrgId: uuid(), lawFirmId: uuid(), bankId: uuid(), otherBankId: uuid() };
  await usersStore.insertOrganisation(db, { id: ids.courtId, kind: 'court', name: '测试法院', code: '闽0213' });
  await usersStore.insertOrganisation(db, { id: ids.mediationOrgId, kind: 'mediation_org', name: '测试调解中心', parentId: ids.courtId });
  await usersStore.insertOrganisation(db, { id: ids.lawFirmId, kind: 'law_firm', name: '测试律所' });
  await usersStore.insertOrganisation(db, { id: ids.bankId, kind: 'institution', name: '测试银行' });
  await usersStore.insertOrganisation(db, { id: ids.otherBankId, kind: 'institution', name: '另一家银行' });
  return ids;
}

export const TEST_PASSWORD = 'Correct-horse-42';

export async function createStaff(ctx: TestContext, role: Role, organisationId: string, username = `${role}-${crypto.randomBytes(3).toString('hex')}`) {
  const id = await createUser(ctx.database.db, { keyring: ctx.keyring, id: uuid }, { displayName: `测试${role}`, roles: [role], organisationId, username, password: TEST_PASSWORD });
  return { id, username, password: TEST_PASSWORD };
}

export async function createParty(ctx: TestContext, phone = `139${String(crypto.randomInt(0, 1e8)).padStart(8, '0')}`) {
  const id = await createUser(ctx.database.db, { keyring: ctx.keyring, id: uuid }, { displayName: `当事人${phone.slice(-4)}`, roles: ['party'], phone });
  return { id, phone };
}

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

function sessionFrom(setCookie: string | string[] | undefined, csrf: string): Session {
  const cookies = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).map((c) => c.split(';')[0]).join('; ');
  return { cookie: cookies, csrf, headers: { cookie: cookies, 'x-csrf-token': csrf } };
}

export async function loginWithPassword(ctx: TestContext, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(res.headers['set-cookie'], res.json().csrfToken);
}

/** Reads the newest code sent to a phone from the SMS log driver's file. */
export function lastSmsCode(config: TConfig, phone: string): string {
  const lines = fs.readFileSync(config.sms.logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { to: string; text: string });
  const mine = lines.filter((l) => l.to === phone).pop();
  const code = mine?.text.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no SMS code for ${phone}`);
  return code;
}

export async function loginWithSms(ctx: TestContext, phone: string): Promise<Session> {
  const sent = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/sms-code', payload: { phone } });
  if (sent.statusCode !== 200) throw new Error(`sms-code failed: ${sent.statusCode} ${sent.body}`);
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login/sms', payload: { phone, code: lastSmsCode(ctx.config, phone) } });
  if (res.statusCode !== 200) throw new Error(`sms login failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(res.headers['set-cookie'], res.json().csrfToken);
}
