// Demo data for a first start: the 翔安 court with its mediation centre, a law firm, a bank, an
// appraisal institution, one user for every role, and a few matters. Passwords are random and
// returned once, for the caller to print.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createUser, usersStore, type Role } from '../platform/auth/index.ts';
import type { IdGenerator } from '../platform/clock/index.ts';
import type { Keyring } from '../platform/crypto/index.ts';
import type { Db } from '../platform/db/index.ts';
import { appendEvent } from '../platform/events/index.ts';
import { mattersStore } from '../modules/matters/matters.store.ts';
import { seedLibrary } from '../modules/library/index.ts';
import { seedMediationDemo } from './mediation.seed.ts';

export type DemoAccount = { role: Role; name: string; username?: string; password?: string; phone?: string; organisation: string };

const randomPassword = () => `Oc-${randomBytes(9).toString('base64url')}1a`;

export const DEMO_ORGANISATIONS = {
  court: { kind: 'court', name: '厦门市翔安区人民法院', code: '闽0213', areaCode: '350213' },
  mediationCentre: { kind: 'mediation_org', name: '翔安区多元解纷中心', areaCode: '350213' },
  lawFirm: { kind: 'law_firm', name: '福建鹭江律师事务所（演示）', code: '31350000MD0123454U' },
  bank: { kind: 'institution', name: '厦门国际银行翔安支行（演示）', code: '91350213MA34XA011E' },
  appraisal: { kind: 'appraisal_institution', name: '厦门市正信司法鉴定所（演示）', code: '34350000MD06789005' },
} as const;

/** Held while seeding, so that processes starting together against a new database seed it once. */
const SEED_LOCK = 0x0c5eed;

/** Seeds once: returns null when the database already has users. */
export async function seedDemo(db: Db, deps: { keyring: Keyring; id: IdGenerator; now?: () => Date }): Promise<DemoAccount[] | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if ((await usersStore.countUsers(tx)) > 0) return null;
    const orgIds = {} as Record<keyof typeof DEMO_ORGANISATIONS, string>;
    for (const [key, org] of Object.entries(DEMO_ORGANISATIONS) as [keyof typeof DEMO_ORGANISATIONS, (typeof DEMO_ORGANISATIONS)[keyof typeof DEMO_ORGANISATIONS]][]) {
      orgIds[key] = deps.id();
      const parentId = key === 'court' ? null : key === 'mediationCentre' ? orgIds.court : null;
      await usersStore.insertOrganisation(tx, { id: orgIds[key], kind: org.kind, name: org.name, code: 'code' in org ? org.code : null, areaCode: 'areaCode' in org ? org.areaCode : null, parentId });
    }
    const staff: { role: Role; username: string; name: string; org: keyof typeof DEMO_ORGANISATIONS }[] = [
      { role: 'coordinator', username: 'coordinator', name: '林统筹', org: 'mediationCentre' },
      { role: 'mediator', username: 'mediator', name: '陈调解', org: 'mediationCentre' },
      { role: 'judge', username: 'judge', name: '王法官', org: 'court' },
      { role: 'clerk', username: 'clerk', name: '张书记员', org: 'court' },
      { role: 'agent', username: 'lawyer', name: '黄律师', org: 'lawFirm' },
      { role: 'appraiser', username: 'appraiser', name: '吴鉴定', org: 'appraisal' },
      { role: 'integrator', username: 'bank', name: '银行对接员', org: 'bank' },
      { role: 'analyst', username: 'analyst', name: '郑分析', org: 'court' },
      { role: 'tech_admin', username: 'techadmin', name: '技术管理员', org: 'court' },
      { role: 'sys_admin', username: 'admin', name: '系统管理员', org: 'court' },
    ];
    const accounts: DemoAccount[] = [];
    const userIds: Record<string, string> = {};
    for (const s of staff) {
      const password = randomPassword();
      userIds[s.username] = await createUser(tx, deps, { displayName: s.name, roles: [s.role], organisationId: orgIds[s.org], username: s.username, password });
      accounts.push({ role: s.role, name: s.name, username: s.username, password, organisation: DEMO_ORGANISATIONS[s.org].name });
    }
    const parties = [
      { name: '李明', phone: '13800000001' },
      { name: '赵芳', phone: '13800000002' },
    ];
    for (const p of parties) {
      userIds[p.phone] = await createUser(tx, deps, { displayName: p.name, roles: ['party'], phone: p.phone });
      accounts.push({ role: 'party', name: p.name, phone: p.phone, organisation: '—' });
    }
    const now = deps.now?.() ?? new Date();
    const matters = [
      { title: '李明与赵芳民间借贷纠纷', participants: [{ userId: userIds['13800000001']!, role: 'party' as const }, { userId: userIds['mediator']!, role: 'mediator' as const }] },
      { title: '赵芳与某物业公司物业服务合同纠纷', participants: [{ userId: userIds['13800000002']!, role: 'party' as const }, { userId: userIds['lawyer']!, role: 'agent' as const }] },
    ];
    for (const [i, m] of matters.entries()) {
      const matterId = deps.id();
      const at = new Date(now.getTime() - (matters.length - i) * 60_000);
      await mattersStore.insert(tx, { id: matterId, courtId: orgIds.court, title: m.title, stage: 'intake', createdAt: at, updatedAt: at }, m.participants);
      await appendEvent(tx, { type: 'matter.created', aggregateType: 'matter', aggregateId: matterId, payload: { stage: 'intake', demo: true } });
    }
    await seedLibrary(tx);
    const mediators = await seedMediationDemo(tx, deps, { courtId: orgIds.court, centreOrgId: orgIds.mediationCentre, userIds, now, coordinatorId: userIds['coordinator']! });
    accounts.push(...mediators.map((m) => ({ ...m, organisation: DEMO_ORGANISATIONS.mediationCentre.name })));
    return accounts;
  });
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const lines = ['', '演示账号（仅显示这一次，请妥善保存） / Demo accounts (shown once):'];
  for (const a of accounts) {
    lines.push(a.username ? `  ${a.role.padEnd(12)} ${a.username.padEnd(12)} ${a.password}   ${a.name}，${a.organisation}` : `  ${a.role.padEnd(12)} 手机 ${a.phone}（短信验证码登录，验证码见 data/outbox/sms.log）  ${a.name}`);
  }
  return `${lines.join('\n')}\n`;
}
