// Journey: a party opens their own matter but is refused another party's, with a clear message that
// does not reveal whether the matter exists.
import { describe, expect, it } from 'vitest';
import { useJourney } from './support/browser.ts';
import { expectPage, HOME_HEADINGS, signInWithSms } from './support/pages.ts';
import { mattersForParty, partyAccounts } from './support/server.ts';
import { expectAccessible } from './support/axe.ts';

describe("a party and another party's matter", () => {
  const journey = useJourney();

  it('refuses the matter with 案件不存在或无权查看, as for a matter that does not exist', async () => {
    const { page, server } = journey;
    const party = partyAccounts(server)[0]!;
    const { mine, others } = await mattersForParty(server, party.phone);
    expect(others.length).toBeGreaterThan(0);
    await signInWithSms(page, server, party.phone);
    await expectPage(page, HOME_HEADINGS.party);

    await page.goto(`/matters/${mine[0]!.id}`);
    await expectPage(page, mine[0]!.title);

    await page.goto(`/matters/${others[0]!.id}`);
    const refusal = page.getByRole('alert').filter({ hasText: '案件不存在或无权查看' });
    await refusal.waitFor();
    await expectAccessible(page, 'refused matter');
    expect(await page.getByText(others[0]!.title).count()).toBe(0);
    expect(await page.title()).toContain('案件不存在或无权查看');
    // The server says the same, by code, without the title.
    const api = await page.evaluate((id) => fetch(`/api/v1/matters/${id}`).then(async (r) => ({ status: r.status, body: await r.json() })), others[0]!.id);
    expect(api.status).toBe(404);
    expect(api.body.code).toBe('MATTER_NOT_FOUND');

    // A matter that does not exist at all looks the same.
    await page.goto('/matters/00000000-0000-4000-8000-000000000000');
    await page.getByRole('alert').filter({ hasText: '案件不存在或无权查看' }).waitFor();

    await page.getByRole('button', { name: '返回首页' }).click();
    await expectPage(page, HOME_HEADINGS.party);
  });
});
