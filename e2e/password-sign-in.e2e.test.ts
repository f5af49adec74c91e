// Journey: a member of staff signs in with username and password and lands on their role's home.
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/browser.ts';
import { expectPage, h1, HOME_HEADINGS, signInWithPassword } from './support/pages.ts';
import { staffAccount } from './support/server.ts';

describe('staff sign-in with a password', () => {
  const journey = useJourney();

  it('lands the judge on the judge workspace with their court and matters', async () => {
    const { page, server } = journey;
    const judge = staffAccount(server, 'judge');
    await signInWithPassword(page, judge.username, judge.password);
    await expectPage(page, HOME_HEADINGS.judge);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.getByTestId('organisation').textContent()).toBe('厦门市翔安区人民法院');
    await page.getByRole('heading', { level: 2, name: '我的案件' }).waitFor();
    expect(await page.title()).toContain('法官工作台');
  });

  it('says plainly when the password is wrong, and keeps the user on the sign-in page', async () => {
    const { page, server } = journey;
    const clerk = staffAccount(server, 'clerk');
    await signInWithPassword(page, clerk.username, 'not-the-password-1');
    const alert = page.getByRole('alert').filter({ hasText: '账号或密码错误' });
    await alert.waitFor();
    await expectAccessible(page, 'sign-in with an error');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByLabel('密码', { exact: true }).inputValue()).toBe('');
  });

  it('shows the lock-out after too many failures, even with the right password', async () => {
    const { page, server } = journey;
    const appraiser = staffAccount(server, 'appraiser');
    for (let i = 0; i < server.config.loginMaxFailures; i++) {
      await signInWithPassword(page, appraiser.username, `wrong-password-${i}`);
      await page.getByRole('alert').waitFor();
    }
    await signInWithPassword(page, appraiser.username, appraiser.password);
    await page.getByRole('alert').filter({ hasText: '登录失败次数过多，账号已暂时锁定' }).waitFor();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/之后再试/);
    await expectAccessible(page, 'sign-in locked out');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('sends a signed-out visitor to sign in and back to the page they asked for, and signs out', async () => {
    const { page, server } = journey;
    const clerk = staffAccount(server, 'clerk');
    await page.goto('/account');
    await h1(page, '登录 OpenCourt').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
    await page.getByLabel('账号', { exact: true }).fill(clerk.username);
    await page.getByLabel('密码', { exact: true }).fill(clerk.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expectPage(page, '账号与安全');
    expect(new URL(page.url()).pathname).toBe('/account');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await h1(page, '登录 OpenCourt').waitFor();
    const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.status));
    expect(me).toBe(401);
    await page.goto('/');
    await h1(page, '登录 OpenCourt').waitFor();
  });
});
