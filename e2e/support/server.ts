// One real server per test file: its own database cloned from the template, the demo court seeded,
// listening on a free loopback port and serving the built web app.
import type { AddressInfo } from 'node:net';
import type { TConfig } from '../../apps/server/src/config.ts';
import { seedDemo, type DemoAccount } from '../../apps/server/src/demo/seed.ts';
import { uuid } from '../../apps/server/src/platform/clock/index.ts';
import { usersStore, type Role } from '../../apps/server/src/platform/auth/index.ts';
import { startTestApp, type TestContext } from '../../apps/server/test/harness.ts';
import { webDist } from './web-build.ts';

export type E2eServer = {
  baseUrl: string;
  config: TConfig;
  accounts: DemoAccount[];
  ctx: TestContext;
  close(): Promise<void>;
};

/** `config`: environment settings for this server (see apps/server/src/config.ts), e.g. STAFF_MFA. */
export async function startServer(config: Record<string, string> = {}): Promise<E2eServer> {
  // Journeys sign in many times from one address; the per-IP auth limit is tested by the server's own tests.
  const ctx = await startTestApp({ config: { WEB_DIST_DIR: webDist, RATE_LIMIT_AUTH_PER_MINUTE: '1000', ...config } });
  const accounts = await seedDemo(ctx.database.db, { keyring: ctx.keyring, id: uuid });
  if (!accounts) throw new Error('the demo data was not seeded (the test database was not empty)');
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = ctx.app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, config: ctx.config, accounts, ctx, close: () => ctx.close() };
}

export type StaffAccount = DemoAccount & { username: string; password: string };
export type PartyAccount = DemoAccount & { phone: string };

export function staffAccount(server: E2eServer, role: Role): StaffAccount {
  const account = server.accounts.find((a) => a.role === role && a.username && a.password);
  if (!account) throw new Error(`no demo staff account for ${role}`);
  return account as StaffAccount;
}

export function partyAccounts(server: E2eServer): PartyAccount[] {
  return server.accounts.filter((a): a is PartyAccount => a.role === 'party' && !!a.phone);
}

async function userIdByPhone(server: E2eServer, phone: string): Promise<string> {
  const user = await usersStore.findUserByPhone(server.ctx.database.db, server.ctx.keyring.lookup(phone));
  if (!user) throw new Error(`no user with phone ${phone}`);
  return user.id;
}

/** The demo matters, split by whether the party with this phone takes part in them. */
export async function mattersForParty(server: E2eServer, phone: string) {
  const userId = await userIdByPhone(server, phone);
  const { rows } = await server.ctx.database.pool.query<{ id: string; title: string; mine: boolean }>(
    `select m.id, m.title, exists (select 1 from matter_participant p where p.matter_id = m.id and p.user_id = $1) as mine
       from matter m order by m.created_at`,
    [userId],
  );
  return { mine: rows.filter((r) => r.mine), others: rows.filter((r) => !r.mine) };
}

/** Makes the user with this phone take part in a matter (as a test's precondition). */
export async function addToMatter(server: E2eServer, matterId: string, phone: string, role: 'party' | 'agent') {
  const userId = await userIdByPhone(server, phone);
  await server.ctx.database.pool.query('insert into matter_participant (matter_id, user_id, role) values ($1, $2, $3) on conflict do nothing', [matterId, userId, role]);
}
