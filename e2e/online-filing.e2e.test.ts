// Journey (issue 6, item 7): on a phone (390×844) a party estimates the fee for a 100,000-yuan claim,
// gets a risk report, signs in and files the complaint online (网上立案) with a material; the court's
// filing clerk asks for a correction with a reason (在线诉讼规则第九条第二项); the party corrects and
// resubmits; the clerk accepts (登记立案, 《民事诉讼法》第一百二十六条) and the case number shows; the
// party pays the acceptance fee on the local provider's hosted page, sees it paid once the signed
// callback arrived, downloads the receipt, and finally searches the law library and opens an article.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { DESKTOP, PHONE, useJourney } from './support/browser.ts';
import { expectNoHorizontalScroll, expectPage, HOME_HEADINGS, signInWithPassword, signInWithSms } from './support/pages.ts';
import { partyAccounts, staffAccount } from './support/server.ts';

const TITLE = '张三诉厦门某某贸易有限公司民间借贷纠纷';

async function pdfPages(page: Page, click: () => Promise<void>, name: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(download.suggestedFilename()).toBe(name);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  return (await PDFDocument.load(bytes)).getPageCount();
}

const next = (page: Page) => page.getByRole('button', { name: '下一步' }).click();
const card = (page: Page, title: string) => page.locator('.oc-filing-item').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });

describe('online filing on a phone', () => {
  const journey = useJourney({ viewport: PHONE, serverConfig: { PAYMENT_LOCAL_CALLBACK_DELAY_MS: '300' } });

  it('estimates, assesses the risk, files, corrects, gets accepted, pays, downloads the receipt and reads the law', async () => {
    const { page, server } = journey;

    // 1. The fee for a 100,000-yuan claim (《诉讼费用交纳办法》第十三条第一项): 2,300 yuan.
    await page.goto('/login');
    await page.getByRole('link', { name: '不用登录，先算算诉讼费' }).click();
    await expectPage(page, '诉讼费计算');
    await page.getByRole('radio', { name: '要对方给钱或财物（借款、欠款、合同、赔偿等）', exact: true }).check();
    await page.getByLabel('要对方给付的金额').fill('100000');
    await page.getByRole('button', { name: '计算费用' }).click();
    await expect.poll(() => page.getByTestId('fee-total').textContent()).toBe('2,300.00 元');

    // 2. The risk report for the same loan.
    await page.goto('/login');
    await page.getByRole('link', { name: '不用登录，评估一下打官司的风险' }).click();
    await expectPage(page, '诉讼风险评估');
    await page.getByRole('radio', { name: '民间借贷（借钱不还）' }).check();
    await page.getByLabel('要对方给付的金额').fill('100000');
    await page.getByLabel('您哪天知道权利受到损害、知道是谁造成的？').fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 200 * 86_400_000)));
    await page.getByRole('checkbox', { name: '借条、欠条、收据或借款合同' }).check();
    await page.getByRole('group', { name: '还能联系上对方吗？' }).getByRole('radio', { name: '是' }).check();
    await page.getByRole('group', { name: '对方有房、车、存款或稳定收入吗？' }).getByRole('radio', { name: '不清楚' }).check();
    await page.getByRole('button', { name: '生成风险报告' }).click();
    await expect.poll(() => page.getByTestId('risk-fee').textContent()).toBe('2,300.00 元');

    // 3. File online.
    const party = partyAccounts(server)[0]!;
    await signInWithSms(page, server, party.phone);
    await expectPage(page, HOME_HEADINGS.party);
    await page.getByRole('link', { name: /网上立案/ }).first().click();
    await expectPage(page, '我的立案');
    await page.getByRole('button', { name: '我要立案' }).click();
    await expectPage(page, '网上立案');
    await expectNoHorizontalScroll(page, 'filing wizard');

    await page.getByLabel('受诉法院').click();
    await page.locator('.ant-select-item-option').getByText('厦门市翔安区人民法院', { exact: true }).click();
    await page.getByLabel('案由').fill('民间借贷纠纷');
    await next(page);

    const plaintiff = card(page, '当事人 1');
    await plaintiff.getByLabel('姓名或名称').fill('张三');
    // A wrong check digit is caught as the party types (GB 11643).
    await plaintiff.getByLabel('证件号码').fill('110105194912310021');
    await next(page);
    await plaintiff.getByText('居民身份证号码校验码不符，请检查是否输错').waitFor();
    await plaintiff.getByLabel('证件号码').fill('11010519491231002X');
    await plaintiff.getByLabel('住所').fill('厦门市翔安区新店镇 1 号');
    await plaintiff.getByLabel('联系电话').fill('13900001111');
    const defendant = card(page, '当事人 2');
    await defendant.getByRole('radio', { name: '法人或其他组织' }).check();
    await defendant.getByLabel('姓名或名称').fill('厦门某某贸易有限公司');
    await defendant.getByLabel('统一社会信用代码').fill('91350213MA34XA011E');
    await defendant.getByLabel('住所').fill('厦门市翔安区某路 2 号');
    await expectAccessible(page, 'parties step');
    await expectNoHorizontalScroll(page, 'parties step');
    await next(page);

    await page.getByLabel('请求内容').fill('判令被告偿还借款本金十万元');
    await page.getByLabel('请求金额（元，可不填）').fill('100000');
    await expect.poll(() => page.getByTestId('claims-total').textContent()).toBe('请求金额合计 100,000.00 元');
    await next(page);

    await page.getByLabel('事实与理由').fill('2025 年 3 月 1 日，被告向原告借款十万元，约定同年 12 月 31 日归还，到期未还。');
    await page.getByLabel('证据和证据来源、证人姓名和住所').fill('借条一份（原告持有）。');
    const material = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oc-filing-')), '借条.txt');
    fs.writeFileSync(material, '今借到张三人民币十万元整，2025 年 12 月 31 日前归还。');
    await page.locator('input[type=file]').setInputFiles(material);
    await page.getByTestId('material').filter({ hasText: '借条.txt' }).waitFor();
    await next(page);

    await page.getByText('请核对起诉状内容').waitFor();
    await expectAccessible(page, 'check your answers');
    await expectNoHorizontalScroll(page, 'check your answers');
    await page.getByRole('button', { name: '提交立案申请' }).click();
    await expectPage(page, TITLE);
    expect(await page.getByTestId('filing-status').first().textContent()).toBe('待审查');
    const filingUrl = page.url();
    expect(await pdfPages(page, () => page.getByRole('button', { name: '下载民事起诉状' }).click(), '民事起诉状.pdf')).toBeGreaterThanOrEqual(1);

    // 4. The clerk asks for a correction.
    const staff = await journey.newPage({ viewport: DESKTOP });
    const clerk = staffAccount(server, 'clerk');
    await signInWithPassword(staff, clerk.username, clerk.password);
    await expectPage(staff, HOME_HEADINGS.clerk);
    await staff.goto('/filings');
    await expectPage(staff, '立案审查');
    await staff.getByRole('link', { name: new RegExp(TITLE) }).click();
    await expectPage(staff, TITLE);
    await staff.getByRole('radio', { name: '通知补正' }).check();
    await staff.getByLabel('补正理由').fill('请补充被告法定代表人的姓名');
    await staff.getByRole('button', { name: '确认', exact: true }).click();
    await staff.getByTestId('filing-status').filter({ hasText: '待补正' }).waitFor();
    await expectAccessible(staff, 'correction asked');

    // 5. The party corrects and resubmits.
    await page.reload();
    await expectPage(page, TITLE);
    expect(await page.getByTestId('correction-items').textContent()).toContain('请补充被告法定代表人的姓名');
    await page.getByRole('link', { name: '修改并补正' }).click();
    await expectPage(page, '补正起诉状');
    await next(page);
    await card(page, '当事人 2').getByLabel('法定代表人或主要负责人').fill('李四');
    await next(page);
    await next(page);
    await next(page);
    await page.getByRole('button', { name: '提交补正' }).click();
    await page.getByTestId('filing-status').filter({ hasText: '待审查' }).waitFor();

    // 6. The clerk accepts: the case number.
    await staff.reload();
    await expectPage(staff, TITLE);
    await staff.getByRole('radio', { name: '登记立案' }).check();
    await staff.getByRole('button', { name: '确认', exact: true }).click();
    const caseNumber = await staff.getByTestId('case-number').textContent();
    expect(caseNumber).toMatch(/^案号：（\d{4}）闽0213民初\d+号$/);

    // 7. The party sees it, and pays the 2,300 yuan on the provider's page.
    await page.goto(filingUrl);
    await expectPage(page, TITLE);
    expect(await page.getByTestId('case-number').textContent()).toBe(caseNumber);
    await page.getByText('案件受理费 2,300.00 元').waitFor();
    expect(await pdfPages(page, () => page.getByRole('button', { name: '下载交纳诉讼费用通知书' }).click(), '交纳诉讼费用通知书.pdf')).toBe(1);
    await expectNoHorizontalScroll(page, 'accepted filing');
    await page.getByRole('link', { name: '去缴费' }).click();
    await page.waitForURL(/\/pay\/local\/LP\d{28}$/);
    expect(await page.getByTestId('pay-amount').textContent()).toBe('￥2,300.00');
    await page.getByRole('button', { name: '确认支付' }).click();
    await page.waitForURL(/\/matters\/[0-9a-f-]+\?payment=/);
    // Paid only once the provider's signed notification has arrived.
    await page.getByTestId('payment-status').filter({ hasText: '已支付' }).waitFor({ timeout: 20_000 });
    const fees = page.locator('.oc-payments');
    expect(await pdfPages(page, () => fees.getByRole('button', { name: '下载收费凭证' }).click(), '收费凭证.pdf')).toBeGreaterThanOrEqual(1);
    await page.goto(filingUrl);
    await page.getByTestId('fee-paid').waitFor();

    // 8. The law: the limitation period the risk report warned about.
    await page.goto('/library');
    await expectPage(page, '法律法规检索');
    await page.getByLabel('要查找的内容').fill('诉讼时效');
    await page.getByRole('button', { name: '查找', exact: true }).click();
    await page.getByRole('link', { name: '中华人民共和国民法典 · 总则 第一百八十八条' }).click();
    await expectPage(page, '中华人民共和国民法典 · 总则 第一百八十八条');
    await expect.poll(() => page.locator('article .oc-library-text').textContent()).toContain('向人民法院请求保护民事权利的诉讼时效期间为三年');
    await expectNoHorizontalScroll(page, 'article');
  }, 420_000);
});
