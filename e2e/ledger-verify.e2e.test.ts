// Journey: anyone checks a file against the court's evidence ledger at /verify. A party's uploaded
// evidence is found and verified in the browser; an altered copy is unknown; a tampered receipt fails.
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { PHONE, useJourney } from './support/browser.ts';
import { expectPage, HOME_HEADINGS, signInWithSms } from './support/pages.ts';
import { mattersForParty, partyAccounts } from './support/server.ts';

const EVIDENCE = '借条：今借到赵芳人民币伍万元整（¥50,000.00），于2026年12月31日前归还。借款人：李明\n';

describe('verifying a record on the evidence ledger', () => {
  const journey = useJourney({ viewport: PHONE });

  it('finds an uploaded file, refuses an altered copy and a tampered receipt', async () => {
    const { page, server } = journey;
    const party = partyAccounts(server)[0]!;
    const { mine } = await mattersForParty(server, party.phone);
    await signInWithSms(page, server, party.phone);
    await expectPage(page, HOME_HEADINGS.party);

    // The party uploads evidence to their matter (as the app does), then waits until it is on the ledger.
    const uploaded = await page.evaluate(
      async ({ text, matterId }) => {
        const { csrfToken: csrf } = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
        const form = new FormData();
        form.append('matterId', matterId);
        form.append('file', new Blob([text], { type: 'text/plain' }), '借条.txt');
        const res = await fetch('/api/v1/files', { method: 'POST', body: form, headers: { 'x-csrf-token': csrf } });
        return (await res.json()) as { sha256: string };
      },
      { text: EVIDENCE, matterId: mine[0]!.id },
    );
    expect(uploaded.sha256).toMatch(/^[0-9a-f]{64}$/);
    let receipt: unknown;
    for (let i = 0; i < 100 && !receipt; i++) {
      const res = await fetch(`${server.baseUrl}/api/v1/ledger/proof/inclusion?hash=${uploaded.sha256}`);
      if (res.ok) receipt = ((await res.json()) as { receipt: unknown }).receipt;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(receipt).toBeTruthy();

    // A stranger (no sign-in) checks the same bytes.
    const visitor = await journey.newPage({ viewport: PHONE });
    await visitor.goto('/verify');
    await visitor.getByRole('heading', { level: 1, name: '验证电子证据' }).waitFor();
    const fileInput = visitor.locator('input[type=file]');
    await fileInput.setInputFiles({ name: '借条.txt', mimeType: 'text/plain', buffer: Buffer.from(EVIDENCE) });
    const verified = visitor.getByRole('alert').filter({ hasText: '已核实' });
    await verified.waitFor();
    await expect(verified.innerText()).resolves.toContain('厦门市翔安区人民法院');
    await expect(verified.innerText()).resolves.toContain(uploaded.sha256);
    await expectAccessible(visitor, 'verify: verified file');

    // One character changed: not on the ledger.
    await fileInput.setInputFiles({ name: '借条.txt', mimeType: 'text/plain', buffer: Buffer.from(EVIDENCE.replace('伍万', '陆万')) });
    await visitor.getByRole('alert').filter({ hasText: '证据账本中没有这个文件的记录' }).waitFor();

    // The receipt itself: as issued it verifies; with one proof hash altered it does not.
    await visitor.getByRole('tab', { name: '校验回执' }).click();
    const box = visitor.getByLabel('粘贴回执（JSON）');
    await box.fill(JSON.stringify(receipt));
    await visitor.getByRole('button', { name: '校验回执' }).click();
    await visitor.getByRole('alert').filter({ hasText: '已核实' }).waitFor();
    const tampered = JSON.parse(JSON.stringify(receipt)) as { leafHash: string };
    tampered.leafHash = (tampered.leafHash[0] === '0' ? '1' : '0') + tampered.leafHash.slice(1);
    await box.fill(JSON.stringify(tampered));
    await visitor.getByRole('button', { name: '校验回执' }).click();
    await visitor.getByRole('alert').filter({ hasText: '校验未通过' }).waitFor();
    await expectAccessible(visitor, 'verify: tampered receipt');
  });
});
