// Journey: on a phone (390×844), without signing in, a party searches the law library for 诉讼时效,
// sees the words marked in the hits, opens the Civil Code's 第一百八十八条, pages to the next article,
// reads the whole document, and looks up the articles a cause of action rests on. Every page is scanned
// with axe-core. The demo seed's starting set is the library.
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { PHONE, useJourney } from './support/browser.ts';
import { expectNoHorizontalScroll, expectPage, h1 } from './support/pages.ts';

describe('law library on a phone', () => {
  const journey = useJourney({ viewport: PHONE });

  it('searches, opens an article with the words marked, and reads on', async () => {
    const { page } = journey;
    await page.goto('/library');
    await expectPage(page, '法律法规检索');
    await expectNoHorizontalScroll(page, 'library search page');

    // An empty search is answered on the page, not sent.
    await page.getByRole('button', { name: '查找', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '请输入要查找的字词' }).waitFor();

    await page.getByLabel('要查找的内容').fill('诉讼时效');
    await page.getByLabel('文件类别').selectOption('law');
    await page.getByRole('button', { name: '查找', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: '检索结果' }).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('诉讼时效');
    const hit = page.getByRole('link', { name: '中华人民共和国民法典 · 总则 第一百八十八条' });
    await hit.waitFor();
    // The words searched for are marked, as text (no markup comes from the server).
    const marks = await page.locator('.oc-library-hit mark').allTextContents();
    expect(marks).toContain('诉讼时效');
    for (const mark of marks) expect(['诉讼时效', '诉讼', '时效']).toContain(mark);
    await expectAccessible(page, 'library results');
    await expectNoHorizontalScroll(page, 'library results');

    await hit.click();
    await expectPage(page, '中华人民共和国民法典 · 总则 第一百八十八条');
    await expectNoHorizontalScroll(page, 'article page');
    const text = page.locator('article .oc-library-text');
    await expect.poll(() => text.textContent()).toContain('向人民法院请求保护民事权利的诉讼时效期间为三年');
    expect(await text.locator('mark').allTextContents()).toEqual(['诉讼时效', '诉讼时效']);
    await page.getByText('全国人民代表大会').waitFor();

    await page.getByRole('link', { name: '下一条：第一百八十九条' }).click();
    await expectPage(page, '中华人民共和国民法典 · 总则 第一百八十九条');
    await page.getByRole('link', { name: /阅读《中华人民共和国民法典 · 总则》全文/ }).click();
    await expectPage(page, '中华人民共和国民法典 · 总则');
    await page.getByRole('heading', { level: 2, name: '第九章 诉讼时效' }).waitFor();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#a2');
    await expectNoHorizontalScroll(page, 'document page');

    // Back to the results the search gave.
    await page.getByRole('link', { name: '返回法律法规检索' }).click();
    await expectPage(page, '法律法规检索');
  });

  it('shows the articles a cause of action rests on', async () => {
    const { page } = journey;
    await page.goto('/library');
    await expectPage(page, '法律法规检索');
    await page.getByRole('link', { name: '民间借贷纠纷' }).click();
    await expectPage(page, '民间借贷纠纷：相关法条');
    await page.getByRole('link', { name: '中华人民共和国民法典 · 合同编 第六百六十七条' }).waitFor();
    // Named even where the starting set lacks the document.
    expect(await page.getByText('本库暂未收录这份文件。').count()).toBeGreaterThan(0);
    await expectNoHorizontalScroll(page, 'cause page');
  });

  it('answers a query that is too long or made of control characters plainly', async () => {
    const { page } = journey;
    await page.goto(`/library?q=${encodeURIComponent('\u0007\u001b')}`);
    await h1(page, '法律法规检索').waitFor();
    await page.getByRole('alert').filter({ hasText: '不能包含控制字符' }).waitFor();
    await expectAccessible(page, 'library with a refused query');
  });
});
