// Journey: every demo account reaches the home of its role, titled for that role, naming their
// organisation and offering the entry points the role has.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Role } from '../apps/server/src/platform/auth/index.ts';
import { DEMO_ORGANISATIONS } from '../apps/server/src/demo/seed.ts';
import { useJourney } from './support/browser.ts';
import { expectPage, HOME_HEADINGS, signInWithPassword, signInWithSms } from './support/pages.ts';

/** Roles that work on matters see 我的案件 on their home; administrators see the audit log. */
const SEES_MATTERS: readonly Role[] = ['party', 'agent', 'coordinator', 'mediator', 'judge', 'clerk', 'appraiser', 'integrator'];
const READS_AUDIT: readonly Role[] = ['sys_admin', 'tech_admin'];
const ROLES = Object.keys(HOME_HEADINGS) as Role[];

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

describe('each role has its home', () => {
  const journey = useJourney();

  it.each(ROLES)('%s: every demo account of the role reaches its home', async (role) => {
    const { server } = journey;
    const accounts = server.accounts.filter((a) => a.role === role);
    expect(accounts.length).toBeGreaterThan(0);
    for (const account of accounts) {
      const page = await journey.newPage();
      if (account.username && account.password) await signInWithPassword(page, account.username, account.password);
      else await signInWithSms(page, server, account.phone!);
      await expectPage(page, HOME_HEADINGS[role]);
      expect(await page.title()).toContain(HOME_HEADINGS[role]);

      const organisation = await page.getByTestId('organisation').textContent();
      const known = Object.values(DEMO_ORGANISATIONS).map((o) => o.name as string);
      expect(organisation).toBe(known.includes(account.organisation) ? account.organisation : '无');

      const matters = page.getByRole('heading', { level: 2, name: '我的案件' });
      expect(await matters.count(), `${role} sees 我的案件`).toBe(SEES_MATTERS.includes(role) ? 1 : 0);
      const auditLink = nav(page).getByRole('link', { name: '审计日志' });
      expect(await auditLink.count(), `${role} is offered the audit log`).toBe(READS_AUDIT.includes(role) ? 1 : 0);
      await nav(page).getByRole('link', { name: '账号与安全' }).waitFor();
      await page.context().close();
    }
  });
});
