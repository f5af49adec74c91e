// Journey: the court's clerk registers a matter with both parties (ID numbers checked), the claims, a cause
// of action and the area, sets an evidence deadline and files the complaint into the e-dossier (all over
// the real API). On a phone (390×844) the applicant signs in with an SMS code, opens the matter from
// 我的案件, reads where it stands and what happens next in plain words, sees the deadline, the history with
// its ledger receipts, the other side's ID number masked, and downloads the complaint.
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { usersStore } from '../apps/server/src/platform/auth/index.ts';
import { multipartBody } from '../apps/server/src/platform/blobs/multipart-body.ts';
import { loginWithPassword } from '../apps/server/test/harness.ts';
import { waitFor } from '../apps/server/test/wait.ts';
import { expectAccessible } from './support/axe.ts';
import { PHONE, useJourney } from './support/browser.ts';
import { expectNoHorizontalScroll, expectPage, HOME_HEADINGS, signInWithSms } from './support/pages.ts';
import { partyAccounts, staffAccount } from './support/server.ts';

const ID_APPLICANT = '350213199001011232';
const ID_RESPONDENT = '350203198511114568';

describe('a party follows their matter on a phone', () => {
  const journey = useJourney({ viewport: PHONE, serverConfig: { LEDGER_BATCH_INTERVAL_MS: '50' } });

  it('sees the stage, what happens next, the deadline and the history, and downloads the complaint', async () => {
    const { page, server } = journey;
    const { app, database, keyring } = server.ctx;
    const clerkAccount = staffAccount(server, 'clerk');
    const clerk = await loginWithPassword(server.ctx, clerkAccount.username, clerkAccount.password);
    const party = partyAccounts(server)[0]!;
    const partyUser = (await usersStore.findUserByPhone(database.db, keyring.lookup(party.phone)))!;
    const { rows } = await database.pool.query<{ id: string }>(`select id from organisation where kind = 'court' limit 1`);

    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/matters',
      headers: { ...clerk.headers, 'idempotency-key': 'e2e-progress-0001' },
      payload: {
        title: '陈明与林华民间借贷纠纷',
        courtId: rows[0]!.id,
        parties: [
          { type: 'person', side: 'applicant', name: '陈明', idKind: 'mainland-resident', idNumber: ID_APPLICANT, phone: party.phone, userId: partyUser.id },
          { type: 'person', side: 'respondent', name: '林华', idKind: 'mainland-resident', idNumber: ID_RESPONDENT, phone: '13906001234', address: '厦门市思明区某路 1 号' },
        ],
        claims: [{ kind: 'payment', description: '请求判令被申请人归还借款', amountFen: 5_000_000 }],
        cause: { version: '2021', code: 'C10' },
        areaCode: '350213',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const matterId = created.json().id as string;
    const deadline = await app.inject({
      method: 'POST',
      url: `/api/v1/matters/${matterId}/deadlines`,
      headers: clerk.headers,
      payload: { kind: 'evidence', title: '提交借条原件等证据', dueAt: '2027-01-15T09:00:00Z', actor: 'applicant' },
    });
    expect(deadline.statusCode, deadline.body).toBe(201);
    const doc = await PDFDocument.create();
    for (let i = 0; i < 2; i++) doc.addPage([595, 842]).drawText(`complaint page ${i + 1}`);
    const pdf = Buffer.from(await doc.save());
    const body = multipartBody([{ name: 'matterId', value: matterId }, { name: 'file', filename: '民事起诉状.pdf', content: pdf, contentType: 'application/pdf' }]);
    const uploaded = await app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...clerk.headers, ...body.headers }, payload: body.payload });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const filed = await app.inject({
      method: 'POST',
      url: `/api/v1/matters/${matterId}/documents`,
      headers: clerk.headers,
      payload: { fileId: uploaded.json().id, category: 'pleading', title: '民事起诉状', source: 'applicant', documentDate: '2026-11-20' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    // The history shows receipts once the ledger has recorded the events.
    await waitFor(
      async () => {
        const t = (await app.inject({ method: 'GET', url: `/api/v1/matters/${matterId}/timeline`, headers: clerk.headers })).json() as { items: { receipt: { status: string } }[] };
        return t.items.length >= 3 && t.items.every((i) => i.receipt.status === 'recorded');
      },
      { timeoutMs: 20_000, what: 'receipts for the matter events' },
    );

    await signInWithSms(page, server, party.phone);
    await expectPage(page, HOME_HEADINGS.party);
    await page.goto('/matters');
    await expectPage(page, '我的案件');
    await page.getByRole('link', { name: /陈明与林华民间借贷纠纷/ }).click();
    await expectPage(page, '陈明与林华民间借贷纠纷');

    const stage = page.getByTestId('progress-stage');
    await stage.getByText('当前阶段：登记受理').waitFor();
    await stage.getByText('您的纠纷已登记，工作人员正在审查材料。').waitFor();
    await stage.getByText(/工作人员审查后会安排调解/).waitFor();
    await stage.getByText('案由：合同纠纷').waitFor();
    await stage.getByText('所属地区：福建省 厦门市 翔安区').waitFor();

    const deadlines = page.getByTestId('progress-deadlines');
    await deadlines.getByText('提交借条原件等证据').waitFor();
    await deadlines.getByText('需办理：申请人（原告）').waitFor();
    await deadlines.getByText('未到期').waitFor();

    const history = page.getByTestId('progress-timeline');
    await history.getByText('案件登记').waitFor();
    await history.getByText('设定期限').waitFor();
    await history.getByText('新增卷宗材料').waitFor();
    expect(await history.getByText('已存证').count()).toBeGreaterThanOrEqual(3);

    const parties = page.getByTestId('progress-parties');
    await parties.getByText(ID_APPLICANT).waitFor();
    await parties.getByText('3502**********4568').waitFor();
    expect(await page.content()).not.toContain(ID_RESPONDENT);
    await page.getByTestId('progress-claims').getByText('金额：50,000.00 元').waitFor();

    await expectAccessible(page, 'matter progress on a phone');
    await expectNoHorizontalScroll(page, 'matter progress on a phone');

    const dossier = page.getByTestId('progress-dossier');
    await dossier.getByText('起诉状、申请书 · 申请人提交 · 2026-11-20 · 2 页').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), dossier.getByRole('link', { name: '下载 民事起诉状' }).click()]);
    expect(download.suggestedFilename()).toBe('民事起诉状.pdf');
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.equals(pdf)).toBe(true);
  });
});
