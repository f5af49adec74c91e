// What the journeys do in the web app, in the words a user would use (zh-CN labels).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { lastSmsCode } from '../../apps/server/test/harness.ts';
import type { Role } from '../../apps/server/src/platform/auth/index.ts';
import { expectAccessible } from './axe.ts';
import type { E2eServer } from './server.ts';

/** The heading each role's home shows (zh-CN). */
export const HOME_HEADINGS: Record<Role, string> = {
  party: '当事人首页',
  agent: '代理人工作台',
  coordinator: '调解统筹员工作台',
  mediator: '调解员工作台',
  judge: '法官工作台',
  clerk: '书记员工作台',
  appraiser: '鉴定人工作台',
  integrator: '机构对接工作台',
  analyst: '数据分析工作台',
  tech_admin: '技术运维工作台',
  sys_admin: '系统管理',
};

export const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

/** Waits until the page shows this main heading, then scans it. */
export async function expectPage(page: Page, heading: string) {
  await h1(page, heading).waitFor();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, heading);
}

export async function openLogin(page: Page) {
  await page.goto('/login');
  await expectPage(page, '登录 OpenCourt');
}

export async function signInWithPassword(page: Page, username: string, password: string) {
  await openLogin(page);
  await page.getByRole('tab', { name: '账号密码登录' }).click();
  await page.getByLabel('账号', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Reads the code the SMS log driver wrote; it is there once the page says the code was sent. */
export async function requestSmsCode(page: Page, server: E2eServer, phone: string): Promise<string> {
  await page.getByRole('tab', { name: '手机验证码登录' }).click();
  await page.getByLabel('手机号码').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByText(/验证码已发送至/).waitFor();
  return lastSmsCode(server.config, phone);
}

export async function signInWithSms(page: Page, server: E2eServer, phone: string) {
  await openLogin(page);
  const code = await requestSmsCode(page, server, phone);
  await expectAccessible(page, 'SMS code step');
  await page.getByLabel('短信验证码').fill(code);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** The page scrolls only vertically: nothing sticks out to the side. */
export async function expectNoHorizontalScroll(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${where} is wider than the viewport`).toBeLessThanOrEqual(clientWidth);
}
