// Journey: on a phone (390×844), without signing in, a party with an unpaid private loan answers the
// risk questionnaire, sees that the limitation period (Civil Code art. 188) is about to run out, the
// fee, the evidence still missing and the enforcement risk with the rules they rest on, then downloads
// the report as a PDF. Every state of the page passes the axe-core scan.
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { PHONE, useJourney } from './support/browser.ts';
import { expectNoHorizontalScroll, expectPage } from './support/pages.ts';

/** Today in Beijing, shifted by years and days, as the date input takes it. */
function chinaDate(years: number, days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('risk report on a phone', () => {
  const journey = useJourney({ viewport: PHONE });

  it('fills the questionnaire, sees the limitation warning with its articles, and downloads the PDF', async () => {
    const { page } = journey;
    await page.goto('/login');
    await page.getByRole('link', { name: '不用登录，评估一下打官司的风险' }).click();
    await expectPage(page, '诉讼风险评估');
    await expectNoHorizontalScroll(page, 'risk questionnaire');

    await page.getByRole('radio', { name: '民间借贷（借钱不还）' }).check();
    await page.getByLabel('发生了什么？（可不填）').fill('借给朋友10万元，到期没还。');
    await page.getByLabel('要对方给付的金额').fill('100000');
    // Three years from this day (art. 188) ends in about forty days: inside the last six months.
    await page.getByLabel('您哪天知道权利受到损害、知道是谁造成的？').fill(chinaDate(-3, 40));
    await page.getByRole('checkbox', { name: '借条、欠条、收据或借款合同' }).check();
    await page.getByRole('group', { name: '还能联系上对方吗？' }).getByRole('radio', { name: '是' }).check();
    await page.getByRole('group', { name: '对方有房、车、存款或稳定收入吗？' }).getByRole('radio', { name: '不清楚' }).check();
    await expectAccessible(page, 'risk questionnaire filled');
    await page.getByRole('button', { name: '生成风险报告' }).click();

    const warning = page.getByTestId('risk-limitation-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/诉讼时效将于 \d{4}-\d{2}-\d{2} 届满，只剩 \d+ 天/);
    const report = page.locator('.oc-risk-report');
    const text = async () => (await report.textContent()) ?? '';
    expect(await text()).toContain('依据：《中华人民共和国民法典》第一百八十八条第一款');
    // 100,000 yuan: 50 + 90,000 × 2.5% (《诉讼费用交纳办法》第十三条第一项).
    expect(await page.getByTestId('risk-fee').textContent()).toBe('2,300.00 元');
    expect(await page.getByRole('list', { name: '尚缺的证据' }).textContent()).toContain('转账记录或收款凭证');
    expect(await text()).toContain('《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第十五条第二款');
    expect(await text()).toContain('风险中等');
    expect(await text()).toContain('不足以说明同类案件的结果'); // a new platform has too few ended matters
    await expectAccessible(page, 'risk report');
    await expectNoHorizontalScroll(page, 'risk report');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('诉讼风险评估报告.pdf');
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe('诉讼风险评估报告');
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it('explains a date in the future next to its field, then reads the report in English', async () => {
    const { page } = journey;
    await page.goto('/risk');
    await expectPage(page, '诉讼风险评估');
    await page.getByRole('radio', { name: '劳动争议（工资、辞退）' }).check();
    await page.getByLabel('您哪天知道自己的权利被侵害？').fill(chinaDate(1, 0));
    await page.getByRole('button', { name: '生成风险报告' }).click();
    await page.getByText(/知道权利受损的日期不能晚于今天/).waitFor();
    expect(await page.locator('.oc-risk-report').count()).toBe(0);
    await expectAccessible(page, 'future date');

    // Labour arbitration has one year (劳动争议调解仲裁法 art. 27): ten months ago leaves about sixty days.
    await page.getByLabel('您哪天知道自己的权利被侵害？').fill(chinaDate(0, -300));
    await page.getByRole('button', { name: '生成风险报告' }).click();
    await page.getByTestId('risk-limitation-warning').waitFor();
    expect(await page.locator('.oc-risk-report').textContent()).toContain('《中华人民共和国劳动争议调解仲裁法》第二十七条第一款');

    await page.getByTestId('language-menu').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expectPage(page, 'Litigation risk check');
    expect(await page.getByTestId('risk-limitation-warning').textContent()).toMatch(/The limitation period ends on \d{4}-\d{2}-\d{2}, in \d+ days/);
    await expectNoHorizontalScroll(page, 'report in English');
  });
});
