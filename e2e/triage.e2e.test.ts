// Journey: the coordinator opens the triage queue (纠纷分拣), filters it to the 新店街道 sub-centre's area,
// opens the traffic-accident dispute, sees the routing proposal (the traffic platform) and the ranked
// mediators with the reasons, and assigns a joint mediation group (新店街道人民调解委员会 leading, with the
// traffic platform) in one click. The lead mediator then sees the dispute in their list, and the matter.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/browser.ts';
import { expectNoHorizontalScroll, expectPage, h1, HOME_HEADINGS, signInWithPassword } from './support/pages.ts';
import { staffAccount } from './support/server.ts';

const DISPUTE = '王某某与林某某机动车交通事故责任纠纷';
const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

describe('triage of a dispute to a joint mediation group', () => {
  const journey = useJourney();

  it('filters the queue by area, reads the ranked suggestion with reasons, assigns a joint group; the mediator sees it', async () => {
    const { page, server } = journey;
    const coordinator = staffAccount(server, 'coordinator');
    await signInWithPassword(page, coordinator.username, coordinator.password);
    await expectPage(page, HOME_HEADINGS.coordinator);

    await nav(page).getByRole('link', { name: '纠纷分拣' }).click();
    // Scanned once the queue has loaded: while it loads, the filter button is dimmed on purpose.
    await h1(page, '纠纷分拣').waitFor();
    await expect.poll(() => rows(page).count()).toBe(5);
    await expectAccessible(page, '纠纷分拣');
    // The most urgent first: the labour dispute is 特急.
    expect(await rows(page).first().textContent()).toContain('刘某与某建材公司劳动争议');

    await page.getByLabel('地区（调解网络）').click();
    await page.locator('.ant-select-item-option').getByText('新店街道 · 新店街道矛盾纠纷调处分中心', { exact: true }).click();
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    const row = rows(page).first();
    expect(await row.textContent()).toContain('道路交通事故纠纷调解平台');
    expect(await row.textContent()).toContain('紧急');
    await expectAccessible(page, 'triage queue filtered by area');

    await row.getByRole('link', { name: DISPUTE }).click();
    await expectPage(page, `纠纷分拣：${DISPUTE}`);
    expect(await page.getByTestId('proposal').textContent()).toContain('道路交通事故纠纷调解平台');

    const suggestions = page.getByTestId('suggestion');
    const first = suggestions.first();
    expect(await first.getAttribute('aria-label')).toBe('陈调解');
    const reasons = await first.locator('li').allTextContents();
    expect(reasons.slice(0, 4)).toEqual(['擅长交通事故纠纷', '同属新店街道', '当前在办 0 件/上限 8 件', '调解成功率 75%（6/8）']);
    const guo = page.getByTestId('suggestion').filter({ has: page.getByText('郭律师', { exact: true }) });
    expect(await guo.locator('li').allTextContents()).toContain('同属翔安区');
    // A mediator serving another town is listed, but cannot be chosen.
    const he = page.getByTestId('suggestion').filter({ has: page.getByText('何社工', { exact: true }) });
    expect(await he.locator('li').allTextContents()).toContain('服务地区不含新店街道');

    await page.getByRole('radio', { name: '联合调解组' }).check();
    await expect.poll(() => he.getByRole('checkbox').isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: '选择 陈调解' }).check();
    await page.getByRole('checkbox', { name: '选择 郭律师' }).check();
    expect(await page.getByRole('radio', { name: '牵头 陈调解' }).isChecked()).toBe(true);
    await page.getByLabel('分拣方案').fill('交通事故平台核定损失，新店调委会牵头组织双方面对面调解。');
    await expectAccessible(page, 'joint group chosen');
    await page.getByRole('button', { name: '指派联合调解组' }).click();

    await page.getByText('已指派（联合调解组）').waitFor();
    expect(await page.getByText('新店街道人民调解委员会').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'assigned');

    const { rows: members } = await server.ctx.database.pool.query<{ name: string; lead: boolean }>(
      `select u.display_name as name, m.lead from mediation_assignment_member m join mediator_profile p on p.id = m.mediator_id join app_user u on u.id = p.user_id
        join mediation_assignment a on a.id = m.assignment_id join matter x on x.id = a.matter_id where x.title = $1 order by u.display_name`,
      [DISPUTE],
    );
    expect(members).toEqual(expect.arrayContaining([{ name: '陈调解', lead: true }, { name: '郭律师', lead: false }]));

    // The lead mediator, on a phone, finds it in their list and opens the matter.
    const mediator = staffAccount(server, 'mediator');
    const phone = await journey.newPage({ viewport: { width: 390, height: 844 } });
    await signInWithPassword(phone, mediator.username, mediator.password);
    await expectPage(phone, HOME_HEADINGS.mediator);
    await phone.goto('/mediation/mine');
    await expectPage(phone, '我承办的调解');
    await phone.getByRole('link', { name: DISPUTE }).waitFor();
    expect(await phone.getByText('联合调解 · 牵头').count()).toBe(1);
    await expectNoHorizontalScroll(phone, 'my mediations on a phone');
    await phone.getByRole('link', { name: DISPUTE }).click();
    await expectPage(phone, DISPUTE);
  }, 180_000);

  it('keeps the mediator pool and edits routing rules, refusing an overlap of equal priority', async () => {
    const { page, server } = journey;
    const coordinator = staffAccount(server, 'coordinator');
    await signInWithPassword(page, coordinator.username, coordinator.password);
    await expectPage(page, HOME_HEADINGS.coordinator);

    await page.goto('/mediation/mediators');
    await expectPage(page, '调解人才智库');
    const chen = rows(page).filter({ hasText: '陈调解' });
    expect(await chen.textContent()).toContain('8 件 / 75%');
    await page.getByRole('button', { name: '修改 郭律师' }).click();
    await page.getByLabel('在办上限（件）').fill('12');
    await page.getByRole('button', { name: '保存' }).click();
    // Open cases / the new maximum (the first journey may have given him one).
    await expect.poll(() => rows(page).filter({ hasText: '郭律师' }).textContent()).toMatch(/\d\/12/);

    await page.getByRole('link', { name: '分流规则' }).click();
    await expectPage(page, '分流规则');
    const before = await rows(page).count();
    await page.getByRole('button', { name: '新增规则' }).click();
    const drawer = page.locator('.ant-drawer');
    const choose = async (label: string, option: string) => {
      await drawer.getByLabel(label, { exact: true }).click();
      // The lists are long: type to narrow them, as a coordinator would.
      await page.keyboard.type(option.slice(0, 4));
      await page.locator('.ant-select-item-option').getByText(option, { exact: true }).click();
    };
    await choose('地区', '新店街道（350213003）');
    await choose('纠纷类型', '交通事故');
    await choose('调解组织', '新店街道人民调解委员会（新店街道）');
    await drawer.getByLabel('优先级（0–1000）').fill('100');
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.getByText(/重叠且优先级同为 100/).waitFor();
    await expectAccessible(page, 'overlapping rule refused');
    await drawer.getByLabel('优先级（0–1000）').fill('120');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => rows(page).count()).toBe(before + 1);

    const added = rows(page).filter({ hasText: '新店街道人民调解委员会' }).filter({ hasText: '120' });
    await added.getByRole('button', { name: '修改' }).click();
    await drawer.getByLabel('优先级（0–1000）').fill('130');
    await drawer.getByRole('button', { name: '保存' }).click();
    const edited = rows(page).filter({ hasText: '新店街道人民调解委员会' }).filter({ hasText: '130' });
    await edited.getByRole('button', { name: 'v2' }).click();
    await page.getByText(/^第 2 版，林统筹/).waitFor();
    expect(await page.getByText(/^第 1 版，林统筹/).count()).toBe(1);
  }, 180_000);
});
