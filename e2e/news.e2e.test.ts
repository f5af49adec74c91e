// Journey: the court's clerk writes a legal-education article in Markdown on the staff console (a
// <script> in the body is refused, field by field), adds a cover image, saves the draft and publishes
// it; a visitor on a phone (390×844) finds it in 新闻与普法 by column and by title and reads it, with
// the Markdown rendered as headings, lists and links, and no raw HTML.
import { describe, expect, it } from 'vitest';
import { PNG_1X1 } from '../apps/server/src/platform/blobs/sample-files.ts';
import { expectAccessible } from './support/axe.ts';
import { DESKTOP, PHONE, useJourney } from './support/browser.ts';
import { expectNoHorizontalScroll, expectPage, HOME_HEADINGS, signInWithPassword } from './support/pages.ts';
import { staffAccount } from './support/server.ts';

const TITLE = '法官提醒：民间借贷要留好借条';

describe('news and legal education', () => {
  const journey = useJourney({ viewport: PHONE });

  it('is written and published by the clerk and read by a visitor on a phone', async () => {
    const { server } = journey;
    const staff = await journey.newPage({ viewport: DESKTOP });
    const clerk = staffAccount(server, 'clerk');
    await signInWithPassword(staff, clerk.username, clerk.password);
    await expectPage(staff, HOME_HEADINGS.clerk);
    await staff.goto('/news/manage');
    await expectPage(staff, '新闻与普法管理');
    await staff.getByRole('button', { name: '撰写文章' }).click();
    await staff.getByLabel('标题').fill(TITLE);
    await staff.getByLabel('栏目').click();
    await staff.locator('.ant-select-item-option').getByText('普法', { exact: true }).click();
    await staff.getByLabel('摘要').fill('借钱给亲友，记得写清金额、利息和还款日期。');
    const body = staff.getByLabel('正文（Markdown）');
    await body.fill('## 借条要写清楚\n\n<script>alert(1)</script>');
    await staff.getByRole('button', { name: '保存草稿' }).click();
    await staff.getByText('正文不能包含 HTML 标签（如 <script>），请只使用 Markdown').waitFor();
    expect(await server.ctx.database.pool.query('select 1 from news_article').then((r) => r.rowCount)).toBe(0);

    await body.fill('## 借条要写清楚\n\n- 出借人与借款人的姓名\n- **金额**、利息与还款日期\n\n详见[国家法律法规数据库](https://flk.npc.gov.cn/)。');
    await staff.getByRole('region', { name: '预览' }).getByRole('heading', { name: '借条要写清楚' }).waitFor();
    await staff.locator('#news-cover').setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await staff.getByRole('img', { name: '封面图片' }).waitFor();
    await expectAccessible(staff, 'writing an article');
    await staff.getByRole('button', { name: '保存草稿' }).click();
    const row = staff.locator('.ant-list-item').filter({ hasText: TITLE });
    await row.getByTestId('news-status').filter({ hasText: '草稿' }).waitFor();
    await row.getByRole('button', { name: '发布' }).click();
    await row.getByTestId('news-status').filter({ hasText: '已发布' }).waitFor();
    await expectAccessible(staff, 'article published');

    // A visitor, not signed in, on a phone.
    const { page } = journey;
    await page.goto('/news');
    await expectPage(page, '新闻与普法');
    await page.getByRole('link', { name: TITLE }).waitFor();
    await page.getByText('公告', { exact: true }).click();
    await page.getByText('暂无文章').waitFor();
    await page.getByText('普法', { exact: true }).click();
    await page.getByRole('link', { name: TITLE }).waitFor();
    await page.getByRole('searchbox', { name: '按标题搜索' }).fill('借条');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/q=/);
    await page.getByRole('link', { name: TITLE }).waitFor();
    await expectNoHorizontalScroll(page, 'news list');
    await page.getByRole('link', { name: TITLE }).click();
    await expectPage(page, TITLE);
    await page.getByRole('heading', { level: 2, name: '借条要写清楚' }).waitFor();
    expect(await page.getByRole('listitem').allTextContents()).toEqual(['出借人与借款人的姓名', '金额、利息与还款日期']);
    expect(await page.getByRole('link', { name: '国家法律法规数据库' }).getAttribute('href')).toBe('https://flk.npc.gov.cn/');
    expect(await page.locator('article script').count()).toBe(0);
    await expectNoHorizontalScroll(page, 'news article');
  }, 180_000);
});
