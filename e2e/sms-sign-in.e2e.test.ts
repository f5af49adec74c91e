// Journey: a party signs in with their phone and a code sent by SMS, and sees their matters.
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/browser.ts';
import { expectPage, HOME_HEADINGS, openLogin, requestSmsCode, signInWithSms } from './support/pages.ts';
import { createParty } from '../apps/server/test/harness.ts';
import { mattersForParty, partyAccounts } from './support/server.ts';

describe('party sign-in with an SMS code', () => {
  const journey = useJourney();

  it('signs the party in and shows 我的案件 with their own matter, which opens', async () => {
    const { page, server } = journey;
    const party = partyAccounts(server)[0]!;
    const { mine, others } = await mattersForParty(server, party.phone);
    expect(mine.length).toBeGreaterThan(0);

    await signInWithSms(page, server, party.phone);
    await expectPage(page, HOME_HEADINGS.party);
    await page.getByRole('heading', { level: 2, name: '我的案件' }).waitFor();
    const card = page.getByRole('link', { name: new RegExp(mine[0]!.title) });
    await card.waitFor();
    for (const other of others) expect(await page.getByText(other.title).count()).toBe(0);

    await card.click();
    await expectPage(page, mine[0]!.title);
    expect(new URL(page.url()).pathname).toBe(`/matters/${mine[0]!.id}`);
    await page.getByRole('main').getByText(party.name, { exact: true }).waitFor();
  });

  it('refuses a wrong code, then accepts the right one', async () => {
    const { page, server } = journey;
    const party = partyAccounts(server)[1]!;
    await openLogin(page);
    const code = await requestSmsCode(page, server, party.phone);
    // The resend button counts down instead of letting the party ask again at once.
    await page.getByRole('button', { name: /秒后可重新获取/ }).waitFor();
    expect(await page.getByRole('button', { name: /秒后可重新获取/ }).isDisabled()).toBe(true);

    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel('短信验证码').fill(wrong);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '验证码错误或已过期' }).waitFor();
    await expectAccessible(page, 'SMS sign-in with a wrong code');

    await page.getByLabel('短信验证码').fill(code);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expectPage(page, HOME_HEADINGS.party);
  });

  it('asks the party to wait when a code was sent moments ago (429)', async () => {
    const { page, server } = journey;
    const party = await createParty(server.ctx, '13900000077');
    await openLogin(page);
    await requestSmsCode(page, server, party.phone);
    // A reload forgets the countdown, but the server still refuses a second code so soon.
    await page.reload();
    await page.getByRole('tab', { name: '手机验证码登录' }).click();
    await page.getByLabel('手机号码').fill(party.phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '验证码发送过于频繁，请稍后再试' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/请 \d+ 秒后再试/);
    await page.getByRole('button', { name: /秒后可重新获取/ }).waitFor();
    await expectAccessible(page, 'SMS code refused as too soon');
  });

  it("checks the phone number, and shows the server's field error on the field", async () => {
    const { page } = journey;
    await openLogin(page);
    await page.getByRole('tab', { name: '手机验证码登录' }).click();
    const sendCode = page.getByRole('button', { name: '获取验证码' });
    await sendCode.click();
    await page.getByText('请输入手机号码').waitFor();
    await page.getByLabel('手机号码').fill('12');
    await page.getByText('请输入正确的手机号码').waitFor();

    // Plausible to the page, refused by the server: its errors[].pointer /body/phone lands on the field.
    await page.getByLabel('手机号码').fill('1234567890');
    await sendCode.click();
    await page.getByRole('alert').filter({ hasText: '提交的内容有误' }).waitFor();
    const fieldError = page.locator('#sms-login_phone_help');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain('请输入正确的手机号码');
    await expectAccessible(page, 'SMS sign-in with an invalid phone');
  });
});
