// Journey on a phone (390×844): the court's clerk records a first-instance judgment on a matter with
// its signed PDF and its service on both parties in October; today the 15-day appeal period (Civil
// Procedure Law art. 171, counted per art. 85) is long over, so the matter page shows 已生效 with the
// computed date. A party issues the certificate of effect (生效证明) and downloads its PDF; a visitor
// without an account checks its code on /verify/certificate, by typing it with the PDF chosen and by
// the QR link; a wrong code and a malformed one are refused.
import fs from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { PHONE, useJourney } from './support/browser.ts';
import { expectNoHorizontalScroll, expectPage, HOME_HEADINGS, signInWithPassword, signInWithSms } from './support/pages.ts';
import { addToMatter, mattersForParty, partyAccounts, staffAccount } from './support/server.ts';

async function signedJudgmentPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  page.drawText('Civil judgment (2026) Min 0213 Min Chu No. 45 - signed and sealed', { x: 50, y: 780, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save());
}

describe('a certificate that a judgment has taken effect', () => {
  const journey = useJourney({ viewport: PHONE });

  it('is recorded by the clerk, issued by a party, and accepted by the public check', async () => {
    const { page, server } = journey;
    const [first, second] = partyAccounts(server);
    const matter = (await mattersForParty(server, first!.phone)).mine[0]!;
    await addToMatter(server, matter.id, second!.phone, 'party');

    // The clerk, on a phone too.
    const clerk = staffAccount(server, 'clerk');
    await signInWithPassword(page, clerk.username, clerk.password);
    await expectPage(page, HOME_HEADINGS.clerk);
    await page.goto(`/matters/${matter.id}`);
    await expectPage(page, matter.title);
    const decisions = page.locator('.oc-decisions');
    await decisions.getByText('暂无裁判文书').waitFor();
    await decisions.getByText('录入裁判文书').click();
    await decisions.getByLabel('作出日期').fill('2026-10-09');
    await decisions.getByLabel('案号（本案尚无案号时填写）').fill('（2026）闽0213民初45号');
    await decisions.locator('#decision-file').setInputFiles({ name: '判决书.pdf', mimeType: 'application/pdf', buffer: await signedJudgmentPdf() });
    const times = decisions.getByLabel('送达时间');
    expect(await times.count()).toBe(2);
    // Served on Saturday 10-10 (a make-up working day): 15 days end on Sunday 10-25, so on Monday 10-26.
    await times.nth(0).fill('2026-10-10T09:30');
    await times.nth(1).fill('2026-10-10T15:00');
    await expectAccessible(page, 'recording a decision');
    await expectNoHorizontalScroll(page, 'recording a decision');
    await decisions.getByRole('button', { name: '保存' }).click();
    await decisions.getByRole('status').filter({ hasText: '已录入裁判文书。' }).waitFor();
    await decisions.getByTestId('decision-status').filter({ hasText: '已生效' }).waitFor();
    expect(await decisions.getByTestId('decision-effective-on').textContent()).toBe('生效日期：2026-10-27');

    // The party, on their own phone.
    const party = await journey.newPage({ viewport: PHONE });
    await signInWithSms(party, server, first!.phone);
    await expectPage(party, HOME_HEADINGS.party);
    await party.goto(`/matters/${matter.id}`);
    await expectPage(party, matter.title);
    const mine = party.locator('.oc-decisions');
    await mine.getByTestId('decision-status').filter({ hasText: '已生效' }).waitFor();
    expect(await mine.textContent()).toContain('《中华人民共和国民事诉讼法》第八十五条、第一百五十八条、第一百七十一条第一款');
    const [download] = await Promise.all([party.waitForEvent('download'), mine.getByRole('button', { name: '出具生效证明' }).click()]);
    expect(download.suggestedFilename()).toBe('生效证明.pdf');
    const certificate = fs.readFileSync((await download.path())!);
    expect(certificate.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await PDFDocument.load(certificate)).getPageCount()).toBeGreaterThanOrEqual(1);
    const code = (await mine.getByTestId('certificate-code').first().textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
    await expectAccessible(party, 'certificate issued');
    await expectNoHorizontalScroll(party, 'matter page with a certificate');

    // A visitor (a bank, an employer) checks it without signing in, typing the code in lower case.
    const visitor = await journey.newPage({ viewport: PHONE });
    await visitor.goto('/verify/certificate');
    await expectPage(visitor, '核验生效证明');
    await visitor.getByLabel('验证码', { exact: true }).fill(code.toLowerCase().replace(/-/g, ' '));
    await visitor.locator('#certificate-pdf').setInputFiles({ name: '生效证明.pdf', mimeType: 'application/pdf', buffer: certificate });
    await visitor.getByRole('button', { name: '核验' }).click();
    const verified = visitor.getByRole('alert').filter({ hasText: '验证码有效' });
    await verified.waitFor();
    expect(await visitor.getByTestId('verified-effective-on').textContent()).toBe('2026-10-27');
    const text = (await verified.textContent())!;
    expect(text).toContain('（2026）闽0213民初45号');
    expect(text).toContain('民事判决书');
    expect(text).toContain('上传的 PDF 与出具记录一致');
    expect(text).not.toContain(first!.name);
    await expectAccessible(visitor, 'certificate verified');
    await expectNoHorizontalScroll(visitor, 'certificate verified');

    // The QR code's link checks at once.
    await visitor.goto(`/verify/certificate?code=${code}`);
    await visitor.getByRole('alert').filter({ hasText: '验证码有效' }).waitFor();

    // A wrong code, and one that is not a code at all.
    await visitor.goto('/verify/certificate');
    await expectPage(visitor, '核验生效证明');
    await visitor.getByLabel('验证码', { exact: true }).fill('AAAA-BBBB-CCCC-DDDD-EEEE');
    await visitor.getByRole('button', { name: '核验' }).click();
    await visitor.getByRole('alert').filter({ hasText: '没有这个验证码的生效证明' }).waitFor();
    await visitor.getByLabel('验证码', { exact: true }).fill('1234');
    await visitor.getByRole('button', { name: '核验' }).click();
    await visitor.getByText('验证码格式应为 XXXX-XXXX-XXXX-XXXX-XXXX（字母 A–Z 与数字 2–7）').waitFor();
    await expectAccessible(visitor, 'wrong code');
  }, 180_000);
});
