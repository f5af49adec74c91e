// Journey: on a phone (390×844), a party opens their matter, works out the case acceptance fee for a
// 100,000-yuan claim (2,300 yuan, 《诉讼费用交纳办法》第十三条第一项), taps 去支付, confirms on the local
// provider's hosted page, comes back to the matter, sees 已支付 once the provider's signed notification
// has reached the server, and downloads the receipt (收费凭证) as a PDF. Then the party asks for half back
// after mediation (art. 15), the court's clerk approves it on the staff console, and the party sees
// 已退款 and downloads the refund receipt (退费凭证).
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { PHONE, useJourney } from './support/browser.ts';
import { expectNoHorizontalScroll, expectPage, HOME_HEADINGS, signInWithPassword, signInWithSms } from './support/pages.ts';
import { mattersForParty, partyAccounts, staffAccount } from './support/server.ts';
import { DESKTOP } from './support/browser.ts';

describe('paying a fee on a phone', () => {
  const journey = useJourney({ viewport: PHONE, serverConfig: { PAYMENT_LOCAL_CALLBACK_DELAY_MS: '300' } });

  it('pays on the hosted page, sees 已支付 after the callback, and downloads the receipt PDF', async () => {
    const { page, server } = journey;
    const party = partyAccounts(server)[0]!;
    const matter = (await mattersForParty(server, party.phone)).mine[0]!;
    await signInWithSms(page, server, party.phone);
    await expectPage(page, HOME_HEADINGS.party);

    await page.goto(`/matters/${matter.id}`);
    await expectPage(page, matter.title);
    const fees = page.locator('.oc-payments');
    await fees.getByText('暂无缴费记录').waitFor();
    await fees.getByLabel('计费金额（诉讼请求、保全财产等）').fill('100000');
    await fees.getByRole('button', { name: '计算应缴金额' }).click();
    expect(await fees.getByTestId('payment-due').textContent()).toBe('应缴 2,300.00 元');
    await expectAccessible(page, 'fee due on the matter page');
    await expectNoHorizontalScroll(page, 'matter page with fees');

    await fees.getByRole('button', { name: '去支付' }).click();
    await page.waitForURL(/\/pay\/local\/LP\d{28}$/);
    await page.getByRole('heading', { name: '收银台（本地支付）' }).waitFor();
    expect(await page.getByTestId('pay-amount').textContent()).toBe('￥2,300.00');
    await page.getByText('收款方：').waitFor();
    await expectAccessible(page, 'hosted payment page');
    await expectNoHorizontalScroll(page, 'hosted payment page');

    await page.getByRole('button', { name: '确认支付' }).click();
    await page.waitForURL(new RegExp(`/matters/${matter.id}\\?payment=`));
    // Paid only once the provider's notification has arrived; the page follows without a reload.
    await page.getByTestId('payment-status').filter({ hasText: '已支付' }).waitFor({ timeout: 20_000 });
    await page.getByRole('status').filter({ hasText: '支付成功，费用已缴纳。' }).waitFor();
    expect(await fees.getByText('金额 2,300.00 元').count()).toBe(1);
    await expectAccessible(page, 'paid fee');

    const [download] = await Promise.all([page.waitForEvent('download'), fees.getByRole('button', { name: '下载收费凭证' }).click()]);
    expect(download.suggestedFilename()).toBe('收费凭证.pdf');
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(1);

    const { rows } = await server.ctx.database.pool.query(`select status, amount_fen, receipt_code from payment_order where matter_id = $1`, [matter.id]);
    expect(rows).toEqual([{ status: 'paid', amount_fen: 230000, receipt_code: expect.stringMatching(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/) }]);
  });

  it('asks for half back after mediation; the clerk approves; the party sees 已退款 and gets the refund receipt', async () => {
    const { page, server } = journey;
    // The other demo party, so each journey signs in once (a phone gets one code a minute).
    const party = partyAccounts(server)[1]!;
    const matter = (await mattersForParty(server, party.phone)).mine[0]!;
    await signInWithSms(page, server, party.phone);
    await expectPage(page, HOME_HEADINGS.party);
    await page.goto(`/matters/${matter.id}`);
    await expectPage(page, matter.title);
    const fees = page.locator('.oc-payments');
    await fees.getByLabel('计费金额（诉讼请求、保全财产等）').fill('100000');
    await fees.getByRole('button', { name: '计算应缴金额' }).click();
    await fees.getByRole('button', { name: '去支付' }).click();
    await page.getByRole('button', { name: '确认支付' }).click();
    await page.waitForURL(new RegExp(`/matters/${matter.id}\\?payment=`));
    const paid = fees.locator('.ant-list-item').filter({ has: page.getByTestId('payment-status').filter({ hasText: '已支付' }) });
    await paid.waitFor({ timeout: 20_000 });
    await paid.getByRole('combobox', { name: '退费原因' }).waitFor();
    await paid.getByRole('button', { name: '申请退费' }).click();
    const refund = paid.getByTestId('refund');
    await refund.filter({ hasText: '退费 1,150.00 元（调解结案（减半））' }).filter({ hasText: '待审批' }).waitFor();
    expect(await refund.textContent()).toContain('《诉讼费用交纳办法》第十五条');
    await expectAccessible(page, 'refund requested');

    const staff = await journey.newPage({ viewport: DESKTOP });
    const clerk = staffAccount(server, 'clerk');
    await signInWithPassword(staff, clerk.username, clerk.password);
    await expectPage(staff, HOME_HEADINGS.clerk);
    await staff.goto(`/matters/${matter.id}`);
    await expectPage(staff, matter.title);
    const request = staff.getByTestId('refund').filter({ hasText: '待审批' });
    await request.getByRole('button', { name: '批准退费' }).click();
    await staff.getByTestId('refund').filter({ hasText: '已退款' }).waitFor({ timeout: 20_000 });
    await expectAccessible(staff, 'refund approved');

    // The party's page follows without a reload once the provider's refund notification arrived.
    await refund.filter({ hasText: '已退款' }).waitFor({ timeout: 20_000 });
    expect(await paid.textContent()).toContain('已退 1,150.00 元');
    const [download] = await Promise.all([page.waitForEvent('download'), refund.getByRole('button', { name: '下载退费凭证' }).click()]);
    expect(download.suggestedFilename()).toBe('退费凭证.pdf');
    expect(fs.readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
