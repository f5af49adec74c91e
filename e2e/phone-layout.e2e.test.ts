// Journey: at 390×844 (a typical phone) the sign-in and home pages fit the screen: no sideways
// scrolling, big touch targets, and the navigation in a drawer.
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { PHONE, useJourney } from './support/browser.ts';
import { expectNoHorizontalScroll, expectPage, HOME_HEADINGS, openLogin, requestSmsCode, signInWithPassword, signInWithSms } from './support/pages.ts';
import { partyAccounts, staffAccount } from './support/server.ts';

describe('phone layout at 390×844', () => {
  const journey = useJourney({ viewport: PHONE });

  it('fits the sign-in page, in every language and on both tabs', async () => {
    const { page, server } = journey;
    await openLogin(page);
    await expectNoHorizontalScroll(page, 'sign-in (password tab)');
    const submit = page.getByRole('button', { name: '登录', exact: true });
    expect((await submit.boundingBox())!.height).toBeGreaterThanOrEqual(40);

    await requestSmsCode(page, server, partyAccounts(server)[1]!.phone);
    await expectAccessible(page, 'SMS code step on a phone');
    await expectNoHorizontalScroll(page, 'sign-in (SMS code step)');

    for (const language of ['繁體中文', 'English'] as const) {
      await page.getByTestId('language-menu').click();
      await page.getByRole('menuitem', { name: language }).click();
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language === 'English' ? 'en' : 'zh-HK');
      await expectNoHorizontalScroll(page, `sign-in in ${language}`);
      await expectAccessible(page, `sign-in in ${language} on a phone`);
    }
  });

  it("fits the party's home, with the menu in a drawer", async () => {
    const { page, server } = journey;
    await signInWithSms(page, server, partyAccounts(server)[0]!.phone);
    await expectPage(page, HOME_HEADINGS.party);
    await page.getByRole('heading', { level: 2, name: '我的案件' }).waitFor();
    await expectNoHorizontalScroll(page, 'party home');
    // No side menu on a phone: the top bar's button opens it.
    expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(0);
    await page.getByRole('button', { name: '打开导航菜单' }).click();
    const drawerNav = page.getByRole('dialog').getByRole('navigation', { name: '主导航' });
    await drawerNav.getByRole('link', { name: '账号与安全' }).waitFor();
    await expectAccessible(page, 'navigation drawer');
    await drawerNav.getByRole('link', { name: '账号与安全' }).click();
    await expectPage(page, '账号与安全');
    await expectNoHorizontalScroll(page, 'account page');
  });

  it("fits a staff member's home with its table", async () => {
    const { page, server } = journey;
    const clerk = staffAccount(server, 'clerk');
    await signInWithPassword(page, clerk.username, clerk.password);
    await expectPage(page, HOME_HEADINGS.clerk);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await expectNoHorizontalScroll(page, 'clerk home');
  });
});
