// POST /api/v1/risk/reports (JSON), …/pdf and …/docx over real HTTP on a real database: public, every
// bad answer a problem+json pointing at its field, the downloads real documents, and the comparable
// outcomes counted from the matters closed on this platform.
import { ZRiskReport } from '@opencourt/contracts';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { uuid } from '../../platform/clock/index.ts';
import { appendEvent } from '../../platform/events/index.ts';
import { MATTER_CLOSED_EVENT } from './index.ts';

let ctx: TestContext;
let base: string;

beforeAll(async () => {
  // 10:00 on 25 November 2026 in Beijing.
  ctx = await startTestApp({ deps: { clock: { now: () => new Date('2026-11-25T02:00:00Z') } } });
  base = await ctx.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await ctx?.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${base}/api/v1/risk/reports${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const questionnaire = {
  kind: 'private-lending',
  summary: '2023年借给朋友10万元，约定一年后归还，至今未还。',
  amountFen: 10_000_000,
  knewOn: '2023-12-20',
  evidence: ['iou', 'demand-records'],
  otherSide: { type: 'person', reachable: 'yes', assets: 'unknown', otherDebts: 'no' },
  preservation: { amountFen: 10_000_000 },
};

async function closeMatter(disputeKind: string, outcome: string, matterId = uuid()) {
  await ctx.database.db.transaction((tx) => appendEvent(tx, { type: MATTER_CLOSED_EVENT, aggregateType: 'matter', aggregateId: matterId, payload: { disputeKind, outcome } }));
  return matterId;
}

describe('the report', () => {
  it('answers without signing in, with the limitation warning, fee, missing evidence and enforcement risk', async () => {
    const res = await post('', questionnaire);
    expect(res.status).toBe(200);
    const report = ZRiskReport.parse(await res.json());
    expect(report.madeOn).toBe('2026-11-25');
    expect(report.limitation).toMatchObject({ status: 'near', warning: 'near', lastDay: '2026-12-21', daysLeft: 26 });
    expect(report.fee.estimate).toMatchObject({ kind: 'property', feeFen: 230_000 });
    expect(report.costs).toMatchObject({ caseFeeFen: 230_000, totalFen: 332_000 });
    expect(report.evidence.missing.map((m) => m.id)).toEqual(['transfer-records', 'interest-agreement', 'borrower-identity']);
    expect(report.enforcement.level).toBe('medium');
    expect(report.comparables).toMatchObject({ total: 0, enough: false });
  });

  it('counts how matters of the same kind ended, each matter once as it last ended, and only once there are enough', async () => {
    for (let i = 0; i < 5; i++) await closeMatter('private-lending', 'won');
    for (let i = 0; i < 3; i++) await closeMatter('private-lending', 'mediated');
    const reopened = await closeMatter('private-lending', 'withdrawn');
    await closeMatter('private-lending', 'lost', reopened); // closed again: counts once, as lost
    await closeMatter('labour', 'won'); // another kind
    let report = ZRiskReport.parse(await (await post('', questionnaire)).json());
    expect(report.comparables).toMatchObject({ total: 9, enough: false });
    expect(report.comparables.statement.text).toContain('少于 10 件');

    await closeMatter('private-lending', 'partly-won');
    report = ZRiskReport.parse(await (await post('', questionnaire)).json());
    expect(report.comparables).toMatchObject({ total: 10, enough: true });
    expect(report.comparables.outcomes).toEqual([
      { outcome: 'won', count: 5 },
      { outcome: 'partly-won', count: 1 },
      { outcome: 'lost', count: 1 },
      { outcome: 'mediated', count: 3 },
    ]);
  });
});

describe('bad answers', () => {
  it.each([
    { body: { ...questionnaire, amountFen: -5 }, pointer: '/body/amountFen', detail: '不能为负数' },
    { body: { ...questionnaire, amountFen: 'lots' }, pointer: '/body/amountFen', detail: '以分为单位的整数' },
    { body: { ...questionnaire, amountFen: 0 }, pointer: '/body/amountFen', detail: '请填写请求金额' },
    { body: { ...questionnaire, kind: 'piracy' }, pointer: '/body/kind', detail: '请选择纠纷类型' },
    { body: { ...questionnaire, knewOn: '2025-02-29' }, pointer: '/body/knewOn', detail: '不是存在的日期' },
    { body: { ...questionnaire, evidence: ['iou', 'marriage-certificate'] }, pointer: '/body/evidence/1', detail: '不是此类纠纷的证据清单项' },
    { body: { ...questionnaire, kind: 'divorce', lastInstalmentDueOn: '2025-01-01' }, pointer: '/body/lastInstalmentDueOn', detail: '不适用分期履行' },
    { body: { ...questionnaire, otherSide: { assets: 'maybe' } }, pointer: '/body/otherSide/assets', detail: '' },
    { body: { ...questionnaire, summary: '字'.repeat(2001) }, pointer: '/body/summary', detail: '最多 2000 字' },
    { body: { ...questionnaire, surprise: true }, pointer: '/body', detail: '' },
    { body: { ...questionnaire, knewOn: '2026-11-26' }, pointer: '/body/knewOn', detail: '不能晚于今天（2026-11-25）' },
    { body: { ...questionnaire, interruptions: [{ on: '2025-01-01', kind: 'demand' }, { on: '2027-01-01', kind: 'acknowledgement' }] }, pointer: '/body/interruptions/1/on', detail: '不能晚于今天' },
  ])('refuses $pointer: $detail', async ({ body, pointer, detail }) => {
    for (const path of ['', '/pdf']) {
      const res = await post(path, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as { code: string; errors: { pointer: string; detail: string }[] };
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors.map((e) => e.pointer)).toContain(pointer);
      expect(problem.errors.find((e) => e.pointer === pointer)!.detail).toContain(detail);
    }
  });
});

describe('downloads', () => {
  it('renders the report as a PDF with the CJK font embedded', async () => {
    const res = await post('/pdf', questionnaire);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="risk-report.pdf"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe('诉讼风险评估报告');
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);
  });

  it('renders the same report as a Word document holding its statements', async () => {
    const res = await post('/docx', questionnaire);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
    for (const text of ['诉讼风险评估报告', '民间借贷纠纷', '距诉讼时效期间届满仅剩 26 天', '转账记录或收款凭证', '《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二条第一款']) {
      expect(xml).toContain(text);
    }
  });
});

it('is described in the OpenAPI document, downloads with their media types', async () => {
  const doc = (await (await fetch(`${base}/api/docs/json`)).json()) as { paths: Record<string, { post?: { responses: Record<string, { content?: Record<string, unknown> }> } }> };
  expect(doc.paths['/api/v1/risk/reports']?.post).toBeDefined();
  expect(Object.keys(doc.paths['/api/v1/risk/reports/pdf']!.post!.responses['200']!.content ?? {})).toContain('application/pdf');
});

it("prices a divorce at the province's configured figure, like the fee estimate (FEE_SCHEDULE; Decree art. 13(2)1)", async () => {
  const province = await startTestApp({ config: { FEE_SCHEDULE: '{"divorceFen":20000}' } });
  try {
    const res = await province.app.inject({ method: 'POST', url: '/api/v1/risk/reports', payload: { kind: 'divorce' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().fee.estimate).toMatchObject({ kind: 'divorce', feeFen: 20_000 });
  } finally {
    await province.close();
  }
});
