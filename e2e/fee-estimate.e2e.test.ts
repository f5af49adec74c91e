// Journey: on a phone (390×844), without signing in, a party works out the court fee for a property claim
// and for a divorce, sees the exact amounts and the articles of 《诉讼费用交纳办法》 they rest on, then
// reads the same answer in English. Every state of the page passes the axe-core scan.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { PHONE, useJourney } from './support/browser.ts';
import { expectNoHorizontalScroll, expectPage } from './support/pages.ts';

const total = (page: Page) => page.getByTestId('fee-total');

async function chooseKind(page: Page, name: string) {
  await page.getByRole('radio', { name, exact: true }).check();
}

describe('fee estimate on a phone', () => {
  const journey = useJourney({ viewport: PHONE });

  it('estimates a property case and a divorce with the cited articles, then switches to English', async () => {
    const { page } = journey;
    await page.goto('/login');
    await page.getByRole('link', { name: '不用登录，先算算诉讼费' }).click();
    await expectPage(page, '诉讼费计算');
    await expectNoHorizontalScroll(page, 'fee page');

    // A claim of 1,000,000 yuan: 50 + 2,250 + 2,000 + 4,500 + 5,000 (art. 13(1)).
    await chooseKind(page, '要对方给钱或财物（借款、欠款、合同、赔偿等）');
    await page.getByLabel('要对方给付的金额').fill('1000000');
    await page.getByRole('button', { name: '计算费用' }).click();
    await expect.poll(() => total(page).textContent()).toBe('13,800.00 元');
    const lines = page.locator('.oc-fees-line');
    await expect.poll(() => lines.count()).toBe(5);
    await expect.poll(() => lines.nth(1).textContent()).toContain('1万元至10万元的部分：90,000.00 元 × 2.5%');
    expect(await lines.first().textContent()).toContain('依据：《诉讼费用交纳办法》第十三条第一项');
    await expectAccessible(page, 'property case estimate');
    await expectNoHorizontalScroll(page, 'property case estimate');

    // A divorce dividing 500,000 yuan, settled by mediation: (50 + 0.5% × 300,000) ÷ 2 (arts. 13(2)1, 15).
    await chooseKind(page, '离婚');
    await expect.poll(() => total(page).count()).toBe(0); // a changed answer clears the old estimate
    await page.getByLabel('要分割的财产总额').fill('500000');
    await page.getByRole('radio', { name: '调解结案' }).check();
    await page.getByRole('button', { name: '计算费用' }).click();
    await expect.poll(() => total(page).textContent()).toBe('775.00 元');
    const result = page.locator('.oc-fees-result');
    expect(await result.textContent()).toContain('依据：《诉讼费用交纳办法》第十三条第二项第一目');
    expect(await result.textContent()).toContain('调解结案，减半');
    expect(await result.textContent()).toContain('依据：《诉讼费用交纳办法》第十五条');
    await expectAccessible(page, 'divorce estimate');

    // The same answer, worded in English.
    await page.getByTestId('language-menu').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expectPage(page, 'Court fee calculator');
    await expect.poll(() => total(page).textContent()).toBe('¥775.00');
    expect(await result.textContent()).toContain('Basis: Measures on the Payment of Litigation Costs, art. 13(2), point 1');
    expect(await result.textContent()).toContain('Settled by mediation: halved');
    await expectNoHorizontalScroll(page, 'estimate in English');
  });

  it('explains a bad amount next to the field, in plain words', async () => {
    const { page } = journey;
    await page.goto('/fees');
    await expectPage(page, '诉讼费计算');
    await chooseKind(page, '要对方给钱或财物（借款、欠款、合同、赔偿等）');
    for (const [typed, message] of [
      ['', '请填写金额'],
      ['-100', '请填写正确的金额：只填数字，最多两位小数，例如 12345.67'],
      ['12.345', '请填写正确的金额：只填数字，最多两位小数，例如 12345.67'],
      ['0', '金额要大于 0'],
      ['100000000000000', '金额太大，最多可以算 10 万亿元'],
    ]) {
      await page.getByLabel('要对方给付的金额').fill(typed!);
      await page.getByRole('button', { name: '计算费用' }).click();
      await page.getByText(message!, { exact: true }).waitFor();
      expect(await total(page).count()).toBe(0);
    }
    await expectAccessible(page, 'amount error');
    // Full-width digits and separators from a phone keyboard are read as the number they show.
    await page.getByLabel('要对方给付的金额').fill('１２，３４５．６７');
    await page.getByRole('button', { name: '计算费用' }).click();
    await expect.poll(() => total(page).textContent()).toBe('108.64 元');
  });
});
