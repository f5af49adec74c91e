// The e-dossier over real HTTP: files uploaded to the matter, catalogued with their PDF page count, listed
// per viewer, downloaded; files of another matter and unknown files refused at their field.
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisations, createParty, createStaff, loginWithPassword, loginWithSms, startTestApp, type Fixture, type Session, type TestContext } from '../../../test/harness.ts';
import { multipartBody } from '../../platform/blobs/multipart-body.ts';
import { uuid } from '../../platform/clock/index.ts';
import { pdfPageCount } from './dossier.service.ts';

let ctx: TestContext;
let orgs: Fixture;
let clerk: Session;
let party: { id: string; session: Session };
let matterId: string;
let otherMatterId: string;

async function pdfOf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`page ${i + 1}`);
  return Buffer.from(await doc.save());
}

async function upload(s: Session, content: Buffer, filename: string, forMatter: string) {
  const body = multipartBody([{ name: 'matterId', value: forMatter }, { name: 'file', filename, content }]);
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...s.headers, ...body.headers }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const add = (s: Session, id: string, payload: unknown) => ctx.app.inject({ method: 'POST', url: `/api/v1/matters/${id}/documents`, headers: s.headers, payload: payload as object });
const list = (s: Session, id: string) => ctx.app.inject({ method: 'GET', url: `/api/v1/matters/${id}/documents`, headers: s.headers });

beforeAll(async () => {
  ctx = await startTestApp();
  orgs = await createOrganisations(ctx);
  clerk = await loginWithPassword(ctx, (await createStaff(ctx, 'clerk', orgs.courtId)).username);
  const p = await createParty(ctx);
  party = { id: p.id, session: await loginWithSms(ctx, p.phone) };
  const create = (title: string) => ctx.app.inject({ method: 'POST', url: '/api/v1/matters', headers: clerk.headers, payload: { title, courtId: orgs.courtId, participants: [{ userId: party.id, role: 'party' }] } });
  matterId = (await create('卷宗测试纠纷')).json().id;
  otherMatterId = (await create('另一件纠纷')).json().id;
});
afterAll(() => ctx.close());

describe('pdfPageCount', () => {
  it('counts the pages of a PDF, and gives null for bytes that are not one', async () => {
    expect(await pdfPageCount(await pdfOf(1))).toBe(1);
    expect(await pdfPageCount(await pdfOf(120))).toBe(120);
    expect(await pdfPageCount(Buffer.from('not a pdf'))).toBeNull();
  });
});

describe('the e-dossier', () => {
  it('catalogues a PDF with its page count; the party sees it and downloads it, but not staff-only entries', async () => {
    const pdf = await pdfOf(3);
    const fileId = await upload(clerk, pdf, '起诉状.pdf', matterId);
    const res = await add(clerk, matterId, { fileId, category: 'pleading', title: '民事起诉状', source: 'applicant', documentDate: '2026-11-20' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ pages: 3, category: 'pleading', filename: '起诉状.pdf', visibility: 'parties' });
    const note = await upload(clerk, Buffer.from('合议庭内部意见'), 'note.txt', matterId);
    expect((await add(clerk, matterId, { fileId: note, category: 'record', title: '内部笔记', source: 'court', documentDate: '2026-11-21', visibility: 'staff' })).json().pages).toBeNull();

    const seen = (await list(party.session, matterId)).json().items;
    expect(seen.map((d: { title: string }) => d.title)).toEqual(['民事起诉状']);
    expect((await list(clerk, matterId)).json().items).toHaveLength(2);
    const download = await ctx.app.inject({ method: 'GET', url: seen[0].downloadUrl, headers: party.session.headers });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it('refuses a file of another matter, an unknown file, the same file twice, and a bad date, at their fields', async () => {
    const elsewhere = await upload(clerk, await pdfOf(1), 'other.pdf', otherMatterId);
    const entry = { category: 'evidence', title: '证据一', source: 'applicant', documentDate: '2026-11-20' };
    expect((await add(clerk, matterId, { ...entry, fileId: elsewhere })).json().errors[0].pointer).toBe('/body/fileId');
    expect((await add(clerk, matterId, { ...entry, fileId: uuid() })).json().errors[0].pointer).toBe('/body/fileId');
    const once = await upload(clerk, await pdfOf(2), 'evidence.pdf', matterId);
    expect((await add(clerk, matterId, { ...entry, fileId: once })).statusCode).toBe(201);
    expect((await add(clerk, matterId, { ...entry, fileId: once })).json().errors[0].pointer).toBe('/body/fileId');
    expect((await add(clerk, matterId, { ...entry, fileId: once, documentDate: '2026-13-01' })).json().errors[0].pointer).toBe('/body/documentDate');
  });

  it('lets only staff working on the matter catalogue documents', async () => {
    const fileId = await upload(party.session, await pdfOf(1), 'mine.pdf', matterId);
    const res = await add(party.session, matterId, { fileId, category: 'evidence', title: '我的证据', source: 'applicant', documentDate: '2026-11-20' });
    expect(res.statusCode).toBe(403);
  });
});
