// Journey: an administrator searches the audit log and finds the sign-ins, successful and refused,
// with more pages loaded through the cursor.
import { describe, expect, it } from 'vitest';
import { auditStore } from '../apps/server/src/platform/audit/audit.store.ts';
import { useJourney } from './support/browser.ts';
import { expectPage, HOME_HEADINGS, signInWithPassword } from './support/pages.ts';
import { staffAccount } from './support/server.ts';
import { expectAccessible } from './support/axe.ts';

const rows = (page: import('playwright-core').Page) => page.locator('.ant-table-tbody tr.ant-table-row');

describe('audit log search', () => {
  const journey = useJourney();

  it('shows the sign-in entries, and filters refused ones by outcome', async () => {
    const { page, server } = journey;
    const judge = staffAccount(server, 'judge');
    const clerk = staffAccount(server, 'clerk');
    const admin = staffAccount(server, 'sys_admin');

    // Something to find: a judge signs in, and someone fails to sign in as the clerk.
    const judgePage = await journey.newPage();
    await signInWithPassword(judgePage, judge.username, judge.password);
    await expectPage(judgePage, HOME_HEADINGS.judge);
    const intruderPage = await journey.newPage();
    await signInWithPassword(intruderPage, clerk.username, 'wrong-password-1');
    await intruderPage.getByRole('alert').filter({ hasText: '账号或密码错误' }).waitFor();

    await signInWithPassword(page, admin.username, admin.password);
    await expectPage(page, HOME_HEADINGS.sys_admin);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).click();
    await expectPage(page, '审计日志');

    await page.getByLabel('操作（前缀匹配）').fill('auth.login');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => rows(page).count()).toBe(3);
    const texts = await rows(page).allTextContents();
    expect(texts.every((t) => t.includes('auth.login.password'))).toBe(true);
    expect(texts.filter((t) => t.includes('成功') && t.includes('200'))).toHaveLength(2);
    expect(texts.filter((t) => t.includes('拒绝') && t.includes('401'))).toHaveLength(1);
    await expectAccessible(page, 'audit results');

    await page.getByLabel('结果').click();
    // antd lists the choices twice: hidden options for screen readers, and the visible items to click.
    await page.locator('.ant-select-item-option').getByText('拒绝', { exact: true }).click();
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('401');
  });

  it('loads more entries through the cursor', async () => {
    const { page, server } = journey;
    const db = server.ctx.database.db;
    for (let i = 0; i < 60; i++) {
      await auditStore.append(db, { actorId: null, actorLabel: '批量测试', action: 'test.bulk', outcome: 'success', statusCode: 200, ip: '10.0.0.1', requestId: `bulk-${i}` });
    }
    const admin = staffAccount(server, 'tech_admin');
    await signInWithPassword(page, admin.username, admin.password);
    await expectPage(page, HOME_HEADINGS.tech_admin);
    await page.goto('/admin/audit');
    await expectPage(page, '审计日志');
    await page.getByLabel('操作（前缀匹配）').fill('test.bulk');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => rows(page).count()).toBe(50);
    await page.getByText('已显示 50 条').waitFor();
    // Newest first.
    expect(await rows(page).first().textContent()).toContain('bulk-59');

    await page.getByRole('button', { name: '加载更多' }).click();
    await expect.poll(() => rows(page).count()).toBe(60);
    await page.getByText('已全部加载').waitFor();
    expect(await rows(page).last().textContent()).toContain('bulk-0');
    expect(await page.getByRole('button', { name: '加载更多' }).count()).toBe(0);
  });

  it('refuses the audit log to other roles', async () => {
    const { page, server } = journey;
    const judge = staffAccount(server, 'judge');
    await signInWithPassword(page, judge.username, judge.password);
    await expectPage(page, HOME_HEADINGS.judge);
    await page.goto('/admin/audit');
    await page.getByRole('alert').filter({ hasText: '无权访问' }).waitFor();
    await expectAccessible(page, 'audit refused');
  });
});
