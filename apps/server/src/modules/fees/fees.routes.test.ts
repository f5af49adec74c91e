// POST /api/v1/fees/estimate over the real app: public, exact, and every bad input answered with a
// localised problem+json that points at the field (issue 6, "Bad input").
import { ZFeeEstimate } from '@opencourt/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParty, loginWithSms, startTestApp, type TestContext } from '../../../test/harness.ts';
import { loadConfig } from '../../config.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx?.close();
});

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/fees/estimate', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(payload) });

describe('estimates', () => {
  it('prices a property case of 1,000,000 yuan without signing in (《诉讼费用交纳办法》第十三条第一项)', async () => {
    const res = await post({ kind: 'property', amountFen: 100_000_000 });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'property', amountFen: 100_000_000, feeFen: 1_380_000, procedure: 'ordinary', instance: 'first' });
    expect(body.lines).toHaveLength(5);
    expect(body.lines[0]).toEqual({
      code: 'per-case',
      label: '不超过1万元的，每件交纳50元',
      amountFen: 5_000,
      basis: '《诉讼费用交纳办法》第十三条第一项',
      ref: { law: 'decree', article: 13, item: 1 },
      fromFen: 0,
      toFen: 1_000_000,
      portionFen: 1_000_000,
    });
  });

  it('applies halving and the kind-specific options (arts. 13(2)1, 13(5), 15, 16, 18)', async () => {
    expect((await post({ kind: 'divorce', amountFen: 50_000_000, procedure: 'mediated' })).json().feeFen).toBe(77_500);
    expect((await post({ kind: 'administrative', administrativeKind: 'maritime', procedure: 'simplified' })).json().feeFen).toBe(5_000);
    expect((await post({ kind: 'property', amountFen: 100_000_000, counterclaim: true, procedure: 'withdrawn' })).json().feeFen).toBe(690_000);
    expect((await post({ kind: 'preservation', amountFen: 100_000_000 })).json().feeFen).toBe(500_000);
  });

  it('answers a signed-in party the same, and records nothing in the audit trail (a calculation changes nothing)', async () => {
    const party = await createParty(ctx);
    const session = await loginWithSms(ctx, party.phone);
    const count = async () => Number((await ctx.database.db.execute(sql`select count(*)::int as n from audit_entry where action like '%fees%'`)).rows[0]!.n);
    const res = await post({ kind: 'labour' }, session.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json().feeFen).toBe(1_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(await count()).toBe(0);
  });

  it('answers exactly the ZFeeEstimate shape for every kind (the response is not re-validated at run time)', async () => {
    const inputs = [
      { kind: 'property', amountFen: 1, instance: 'appeal', procedure: 'mediated', counterclaim: true },
      { kind: 'divorce', amountFen: 99_999_999 },
      { kind: 'personality', amountFen: 20_000_000 },
      { kind: 'non-property' },
      { kind: 'ip', amountFen: 5 },
      { kind: 'labour', procedure: 'withdrawn' },
      { kind: 'administrative', administrativeKind: 'trademark' },
      { kind: 'jurisdiction-objection', instance: 'appeal' },
      { kind: 'execution', amountFen: 10 ** 12 },
      { kind: 'preservation', amountFen: 10 ** 12 },
      { kind: 'payment-order', amountFen: 7 },
      { kind: 'public-summons' },
      { kind: 'arbitration' },
      { kind: 'bankruptcy', amountFen: 10 ** 15 },
    ];
    for (const input of inputs) {
      const res = await post(input);
      expect(res.statusCode, input.kind).toBe(200);
      const body = res.json();
      // Parsing strips unknown keys, so equality means nothing more and nothing less.
      expect(ZFeeEstimate.parse(body)).toEqual(body);
      expect(body.feeFen).toBe(body.lines.reduce((s: number, l: { amountFen: number }) => s + l.amountFen, 0));
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const op = doc.paths['/api/v1/fees/estimate'].post;
    expect(op.tags).toEqual(['fees']);
    expect(op.requestBody.content['application/json'].schema.oneOf).toHaveLength(14);
  });
});

describe('bad input', () => {
  type Case = [name: string, payload: unknown, pointer: string];
  const cases: Case[] = [
    ['a negative amount', { kind: 'divorce', amountFen: -1 }, '/body/amountFen'],
    ['zero for a property case', { kind: 'property', amountFen: 0 }, '/body/amountFen'],
    ['zero for a payment order', { kind: 'payment-order', amountFen: 0 }, '/body/amountFen'],
    ['a fraction of a fen', { kind: 'property', amountFen: 100.5 }, '/body/amountFen'],
    ['a number as a string', { kind: 'property', amountFen: '100' }, '/body/amountFen'],
    ['a non-numeric amount', { kind: 'property', amountFen: 'a lot' }, '/body/amountFen'],
    ['no amount for a property case', { kind: 'property' }, '/body/amountFen'],
    ['an absurdly large amount', { kind: 'property', amountFen: 1e15 + 1 }, '/body/amountFen'],
    ['an amount beyond exact integers', { kind: 'property', amountFen: 2 ** 53 + 2 }, '/body/amountFen'],
    ['an amount for a kind charged per case', { kind: 'labour', amountFen: 500_000 }, '/body/amountFen'],
    ['a kind the Decree does not know', { kind: 'speeding-ticket', amountFen: 100 }, '/body/kind'],
    ['no kind', { amountFen: 100 }, '/body/kind'],
    ['an unknown procedure', { kind: 'property', amountFen: 100, procedure: 'express' }, '/body/procedure'],
    ['halving an application fee', { kind: 'execution', amountFen: 100, procedure: 'withdrawn' }, '/body/procedure'],
    ['an appeal under simplified procedure', { kind: 'property', amountFen: 100, instance: 'appeal', procedure: 'simplified' }, '/body/procedure'],
    ['an unknown field', { kind: 'property', amountFen: 100, discount: 50 }, '/body'],
    ['an option of another kind', { kind: 'execution', amountFen: 100, counterclaim: true }, '/body'],
    ['not an object', [1, 2, 3], '/body'],
  ];

  it.each(cases)('refuses %s with 400 and a pointer to the field', async (_name, payload, pointer) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', title: '提交的内容有误', instance: '/api/v1/fees/estimate' });
    expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    for (const e of problem.errors) expect(e.detail).toBeTruthy();
  });

  it('words the amount errors plainly in Chinese', async () => {
    const detail = async (payload: unknown) => (await post(payload)).json().errors[0].detail;
    expect(await detail({ kind: 'property', amountFen: -5 })).toBe('诉讼请求金额必须大于零');
    expect(await detail({ kind: 'divorce', amountFen: -5 })).toBe('分割财产总额不能为负数');
    expect(await detail({ kind: 'property', amountFen: 1e16 })).toBe('诉讼请求金额超出可计算的范围（最多 10 万亿元）');
    expect(await detail({ kind: 'property', amountFen: 1.5 })).toBe('诉讼请求金额应为以分为单位的整数');
    expect(await detail({ kind: 'mystery' })).toMatch(/^未知的案件类型，可选：property、divorce/);
  });

  it('gives the title in traditional Chinese or English when asked', async () => {
    const zhHK = (await post({ kind: 'property', amountFen: -1 }, { 'accept-language': 'zh-HK' })).json();
    expect(zhHK.title).toBe('提交的內容有誤');
    const en = (await post({ kind: 'property', amountFen: -1 }, { cookie: 'oc_lang=en' })).json();
    expect(en.title).toBe('The request is invalid');
    expect(en.errors[0].pointer).toBe('/body/amountFen');
  });

  it('refuses malformed JSON, another content type and a cross-site form post', async () => {
    const malformed = await ctx.app.inject({ method: 'POST', url: '/api/v1/fees/estimate', headers: { 'content-type': 'application/json' }, payload: '{"kind": "property", ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('MALFORMED_REQUEST');
    const form = await ctx.app.inject({ method: 'POST', url: '/api/v1/fees/estimate', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'kind=property&amountFen=1' });
    expect(form.statusCode).toBe(415);
    const crossSite = await post({ kind: 'labour' }, { origin: 'https://elsewhere.example', host: 'court.example' });
    expect(crossSite.statusCode).toBe(403);
  });
});

describe("the province's schedule (FEE_SCHEDULE; art. 13, last paragraph)", () => {
  it('prices a divorce at the configured figure', async () => {
    const province = await startTestApp({ config: { FEE_SCHEDULE: '{"divorceFen":20000}' } });
    try {
      const res = await province.app.inject({ method: 'POST', url: '/api/v1/fees/estimate', payload: { kind: 'divorce' } });
      expect(res.json()).toMatchObject({ kind: 'divorce', feeFen: 20_000 });
    } finally {
      await province.close();
    }
  });

  it('refuses to start with a figure outside the Decree’s range, naming it', () => {
    expect(() => loadConfig({ FEE_SCHEDULE: '{"divorceFen":40000}' })).toThrow(/FEE_SCHEDULE\.divorceFen: 应为 5000 至 30000 分/);
    expect(() => loadConfig({ FEE_SCHEDULE: '{"weddingFen":100}' })).toThrow(/FEE_SCHEDULE\.weddingFen: 未知的收费项目/);
    expect(() => loadConfig({ FEE_SCHEDULE: '[1]' })).toThrow(/FEE_SCHEDULE: expected a JSON object/);
    expect(() => loadConfig({ FEE_SCHEDULE: '{' })).toThrow(/FEE_SCHEDULE: /);
  });
});
