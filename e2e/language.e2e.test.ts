// Journey: switch the interface from simplified Chinese to traditional Chinese to English; the choice
// survives a reload, reaches the server (error titles, the account) and antd's own texts.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/browser.ts';
import { expectPage, h1, HOME_HEADINGS, openLogin, signInWithPassword } from './support/pages.ts';
import { staffAccount } from './support/server.ts';

async function chooseLanguage(page: Page, name: '简体中文' | '繁體中文' | 'English') {
  await page.getByTestId('language-menu').click();
  await page.getByRole('menuitem', { name }).click();
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('language switch', () => {
  const journey = useJourney();

  it('changes the texts from zh-CN to zh-HK to en, and keeps the choice across a reload', async () => {
    const { page, context } = journey;
    await openLogin(page);
    expect(await htmlLang(page)).toBe('zh-CN');
    await page.getByRole('tab', { name: '账号密码登录' }).waitFor();
    await page.getByRole('tab', { name: '手机验证码登录' }).waitFor();

    await chooseLanguage(page, '繁體中文');
    await expectPage(page, '登入 OpenCourt');
    await page.getByRole('tab', { name: '帳號密碼登入' }).waitFor();
    await page.getByRole('tab', { name: '手機驗證碼登入' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-HK');
    expect(await page.title()).toContain('登入');

    await chooseLanguage(page, 'English');
    await expectPage(page, 'Sign in to OpenCourt');
    await page.getByRole('tab', { name: 'Password' }).waitFor();
    await page.getByRole('tab', { name: 'SMS code' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await page.title()).toBe('Sign in - OpenCourt online court services');

    await page.reload();
    await expectPage(page, 'Sign in to OpenCourt');
    expect(await htmlLang(page)).toBe('en');
    expect(await page.evaluate(() => localStorage.getItem('oc_lang'))).toBe('en');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'oc_lang')?.value).toBe('en');
  });

  it("has the server answer in the chosen language, and saves a signed-in user's choice to the account", async () => {
    const { page, server } = journey;
    const judge = staffAccount(server, 'judge');
    await openLogin(page);
    await chooseLanguage(page, 'English');
    await page.getByLabel('Username', { exact: true }).fill(judge.username);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('wrong-password-1');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // The title comes from the server, which reads the oc_lang cookie.
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password' }).waitFor();

    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(judge.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectPage(page, 'Judge workspace');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }).waitFor();

    await chooseLanguage(page, '繁體中文');
    await expectPage(page, HOME_HEADINGS.judge);
    await page.getByRole('navigation', { name: '主導覽' }).getByRole('link', { name: '首頁' }).waitFor();
    await expect.poll(() => page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()).then((me: { locale: string }) => me.locale))).toBe('zh-HK');

    // On another device with no choice of its own, the account's language is used once signed in.
    const other = await journey.newPage();
    await signInWithPassword(other, judge.username, judge.password);
    await h1(other, HOME_HEADINGS.judge).waitFor();
    await other.getByRole('navigation', { name: '主導覽' }).getByRole('link', { name: '首頁' }).waitFor();
    expect(await htmlLang(other)).toBe('zh-HK');
    await expectAccessible(other, 'home in zh-HK');
  });
});
