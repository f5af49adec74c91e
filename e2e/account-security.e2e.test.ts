// Journey: a member of staff turns on two-step verification from the QR code page, then signs in with
// password and authenticator code; where the organisation requires it, enrolment comes right after the
// password. Changing the password shows the server's field errors; signing out everywhere ends every
// session.
import { describe, expect, it } from 'vitest';
import { totpCodeAt } from '../apps/server/src/platform/auth/totp.ts';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/browser.ts';
import { expectPage, HOME_HEADINGS, signInWithPassword } from './support/pages.ts';
import { staffAccount } from './support/server.ts';

describe('account security', () => {
  const journey = useJourney();

  it('enrols TOTP with the QR code, then asks for the code at the next sign-in', async () => {
    const { page, server } = journey;
    const mediator = staffAccount(server, 'mediator');
    await signInWithPassword(page, mediator.username, mediator.password);
    await expectPage(page, HOME_HEADINGS.mediator);
    await page.getByRole('link', { name: /账号与安全/ }).first().click();
    await expectPage(page, '账号与安全');
    await expect.poll(() => page.getByTestId('totp-status').textContent()).toBe('未启用');

    await page.getByRole('button', { name: '设置两步验证' }).click();
    const qr = page.getByRole('img', { name: '两步验证设置二维码' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expectAccessible(page, 'TOTP enrolment');
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('动态口令').fill(totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: '确认启用' }).click();
    await expect.poll(() => page.getByTestId('totp-status').textContent()).toBe('已启用');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await signInWithPassword(page, mediator.username, mediator.password);
    await expectPage(page, '登录 OpenCourt');
    await page.getByRole('heading', { level: 2, name: '两步验证' }).waitFor();
    await expectAccessible(page, 'TOTP step');
    await page.getByLabel('动态口令').fill('000000');
    await page.getByRole('button', { name: '验证' }).click();
    await page.getByRole('alert').filter({ hasText: '验证码错误或已过期' }).waitFor();
    // The code of the next 30-second step: the one used for enrolment cannot be replayed.
    await page.getByLabel('动态口令').fill(totpCodeAt(secret, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: '验证' }).click();
    await expectPage(page, HOME_HEADINGS.mediator);
  });

  it("puts the server's password complaint on the new-password field", async () => {
    const { page, server } = journey;
    const coordinator = staffAccount(server, 'coordinator');
    await signInWithPassword(page, coordinator.username, coordinator.password);
    await expectPage(page, HOME_HEADINGS.coordinator);
    await page.goto('/account');
    await expectPage(page, '账号与安全');
    await page.getByLabel('当前密码').fill(coordinator.password);
    await page.getByLabel('新密码', { exact: true }).fill('short1');
    await page.getByLabel('再次输入新密码').fill('short1');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('alert').filter({ hasText: '密码强度不足' }).waitFor();
    await expect.poll(() => page.locator('#change-password_newPassword_help').textContent()).toContain('密码至少 10 位');
    await expectAccessible(page, 'password change refused');

    await page.getByLabel('新密码', { exact: true }).fill('Another-good-pass-42');
    await page.getByLabel('再次输入新密码').fill('Another-good-pass-42');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改').waitFor();
  });

  it('signs out on all devices', async () => {
    const { page, server } = journey;
    const analyst = staffAccount(server, 'analyst');
    const elsewhere = await journey.newPage();
    await signInWithPassword(elsewhere, analyst.username, analyst.password);
    await expectPage(elsewhere, HOME_HEADINGS.analyst);
    await signInWithPassword(page, analyst.username, analyst.password);
    await expectPage(page, HOME_HEADINGS.analyst);
    await page.goto('/account');
    await expectPage(page, '账号与安全');
    await page.getByRole('button', { name: '在所有设备上退出登录' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await expectPage(page, '登录 OpenCourt');
    expect(await elsewhere.evaluate(() => fetch('/api/v1/me').then((r) => r.status))).toBe(401);
  });
});

describe('where staff must use two-step verification', () => {
  const journey = useJourney({ serverConfig: { STAFF_MFA: 'required' } });

  it('has a member of staff set it up right after the password, then lets them in', async () => {
    const { page, server } = journey;
    const judge = staffAccount(server, 'judge');
    await signInWithPassword(page, judge.username, judge.password);
    await page.getByRole('heading', { level: 2, name: '设置两步验证' }).waitFor();
    await page.getByRole('img', { name: '两步验证设置二维码' }).waitFor();
    await expectAccessible(page, 'TOTP enrolment at sign-in');
    // Nothing else opens until it is done.
    expect(await page.evaluate(() => fetch('/api/v1/matters').then((r) => r.status))).toBe(403);
    await page.reload();
    await page.getByRole('img', { name: '两步验证设置二维码' }).waitFor();

    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('动态口令').fill(totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: '确认启用' }).click();
    await expectPage(page, HOME_HEADINGS.judge);
  });
});
