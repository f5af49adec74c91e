// Journey: the mediator drafts a mediation agreement with a two-instalment payment schedule and sends it
// for signing; each party, on a phone (390×844), reads it, writes a signature on the screen, confirms
// with the code sent to their phone, and signs; the mediator signs last and the agreement is in force
// (人民调解法 art. 29); the signed agreement downloads as a PDF stored on the matter; both parties then
// apply for judicial confirmation with one click each.
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { DESKTOP, PHONE, useJourney } from './support/browser.ts';
import { expectNoHorizontalScroll, expectPage, HOME_HEADINGS, signInWithPassword, signInWithSms } from './support/pages.ts';
import { addToMatter, mattersForParty, partyAccounts, staffAccount, type E2eServer } from './support/server.ts';

/** The signing code in the newest signing SMS to this phone (other messages to it are skipped). */
function signingCode(server: E2eServer, phone: string): string {
  const lines = fs.readFileSync(server.config.sms.logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { to: string; text: string });
  const text = lines.filter((l) => l.to === phone && l.text.includes('签署调解协议')).pop()?.text;
  const code = text?.match(/验证码 (\d{6})/)?.[1];
  if (!code) throw new Error(`no signing code sent to ${phone}`);
  return code;
}

/** Writes a short stroke across the signature pad with the pointer. */
async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 18, box.y + box.height / 2 + (i % 2 ? -25 : 25));
  await page.mouse.up();
}

describe('a mediation agreement signed by both parties and the mediator', () => {
  const journey = useJourney({ viewport: DESKTOP });

  it('is drafted, signed by hand with SMS codes on phones, and comes into force with a stored PDF', async () => {
    const { page, server } = journey;
    const [first, second] = partyAccounts(server);
    const matter = (await mattersForParty(server, first!.phone)).mine[0]!;
    await addToMatter(server, matter.id, second!.phone, 'party');

    // The parties sign in first, so their sign-in codes are the newest messages to their phones.
    const phones: Page[] = [];
    for (const party of [first!, second!]) {
      const phone = await journey.newPage({ viewport: PHONE });
      await signInWithSms(phone, server, party.phone);
      await expectPage(phone, HOME_HEADINGS.party);
      phones.push(phone);
    }

    const mediator = staffAccount(server, 'mediator');
    await signInWithPassword(page, mediator.username, mediator.password);
    await expectPage(page, HOME_HEADINGS.mediator);
    await page.goto(`/matters/${matter.id}/agreements/new`);
    await expectPage(page, '起草调解协议');
    await page.getByLabel('纠纷的主要事实和争议事项').fill('赵芳向李明借款五万元，到期未还；双方对还款期限有争议。');
    await page.getByLabel('第 1 条').fill('赵芳确认尚欠李明借款本金五万元，按下列给付安排分两期归还。');
    await page.getByRole('button', { name: '添加一项给付' }).click();
    await page.getByLabel('付款人').fill('赵芳');
    await page.getByLabel('收款人').fill('李明');
    await page.getByLabel('第 1 期 履行日期').fill('2026-12-31');
    await page.keyboard.press('Enter');
    await page.getByLabel('金额（元）').fill('30000');
    await page.getByRole('button', { name: '添加一期' }).click();
    await page.getByLabel('第 2 期 履行日期').fill('2027-01-31');
    await page.keyboard.press('Enter');
    await page.getByLabel('金额（元）').nth(1).fill('20000');
    await page.getByRole('button', { name: '生成协议草稿' }).click();
    await page.waitForURL(/\/agreements\/[0-9a-f-]{36}$/);
    await expectPage(page, '人民调解协议书');
    await page.getByText('草稿', { exact: true }).waitFor();
    await page.getByRole('button', { name: '提交各方签署' }).click();
    await page.getByText('待签署', { exact: true }).first().waitFor();
    const agreementPath = new URL(page.url()).pathname;

    for (const [i, phone] of phones.entries()) {
      const party = [first!, second!][i]!;
      await phone.goto(agreementPath);
      await expectPage(phone, '人民调解协议书');
      await phone.getByText('赵芳确认尚欠李明借款本金五万元').waitFor();
      await phone.getByText('第 2 期 2027-01-31 ¥20,000.00').waitFor();
      await expectNoHorizontalScroll(phone, 'agreement page on a phone');
      await drawSignature(phone);
      await phone.getByRole('button', { name: '获取验证码' }).click();
      await phone.getByText(/验证码已发送至/).waitFor();
      await phone.getByLabel('短信验证码').fill(signingCode(server, party.phone));
      await expectAccessible(phone, 'signing an agreement');
      await phone.getByRole('button', { name: '确认签署' }).click();
      await phone.getByText('您已签署本协议。').waitFor();
    }

    // The mediator's page follows the signatures and offers the last one.
    await page.getByText('各方当事人均已签署。请手写签名确认，协议即生效。').waitFor({ timeout: 20_000 });
    await drawSignature(page);
    await page.getByRole('button', { name: '确认签署' }).click();
    await page.getByRole('status').filter({ hasText: '各方已签署，协议已生效' }).waitFor();

    // A party downloads what was signed.
    const phone = phones[0]!;
    await phone.reload();
    const [download] = await Promise.all([phone.waitForEvent('download'), phone.getByRole('link', { name: '下载已签署的协议书' }).click()]);
    const bytes = fs.readFileSync((await download.path())!);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe('人民调解协议书');
    const { rows } = await server.ctx.database.pool.query(`select status, sha256 from mediation_agreement where matter_id = $1`, [matter.id]);
    expect(rows).toEqual([{ status: 'signed', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    // Both parties apply for judicial confirmation with one click each (民事诉讼法 art. 205).
    await phone.getByRole('button', { name: '一键申请司法确认' }).click();
    await phone.getByRole('status').filter({ hasText: '您已申请，等待对方当事人共同申请' }).waitFor();
    const other = phones[1]!;
    await other.reload();
    await other.getByRole('status').filter({ hasText: '对方当事人已申请' }).waitFor();
    await other.getByRole('button', { name: '一键申请司法确认' }).click();
    await other.getByRole('status').filter({ hasText: '双方已共同申请，已提交人民法院审查。' }).waitFor();
    await expectAccessible(other, 'joint application for judicial confirmation');
  }, 240_000);
});
