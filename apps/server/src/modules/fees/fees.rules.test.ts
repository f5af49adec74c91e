// The fee rules against 《诉讼费用交纳办法》, table by table: every band boundary of every scale, every kind
// and every procedure. Each describe names the article it checks.
import { ZFeeEstimateRequest, type TFeeEstimate, type TFeeEstimateInput } from '@opencourt/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/index.ts';
import { formatYuan, parseYuan } from './fees.money.ts';
import { estimateFee } from './fees.rules.ts';
import { createFeeSchedule, type FeeSchedule } from './fees.schedule.ts';
import * as T from './fees.test-tables.ts';

const PROCEDURES = ['ordinary', 'simplified', 'mediated', 'withdrawn'] as const;

/** Through the request schema first, exactly as the API and the command line do. */
const estimate = (input: TFeeEstimateInput, schedule?: FeeSchedule): TFeeEstimate => estimateFee(ZFeeEstimateRequest.parse(input), schedule);
const fen = (yuan: string) => Number(parseYuan(yuan)!);
const yuanOf = (e: TFeeEstimate) => formatYuan(BigInt(e.feeFen));
const sum = (e: TFeeEstimate) => e.lines.reduce((s, l) => s + l.amountFen, 0);

function expectTable(rows: T.Row[], input: (amountFen: number) => TFeeEstimateInput) {
  for (const [amount, fee] of rows) {
    const result = estimate(input(fen(amount)));
    expect(yuanOf(result), `${amount} yuan`).toBe(fee);
    expect(sum(result), `${amount} yuan: the lines add up to the fee`).toBe(result.feeFen);
  }
}

const bases = (e: TFeeEstimate) => e.lines.map((l) => l.basis);

describe('《诉讼费用交纳办法》第十三条第一项: property cases', () => {
  it('charges each band its own rate on the part inside it, at every boundary of the ten bands', () => {
    expectTable(T.PROPERTY, (amountFen) => ({ kind: 'property', amountFen }));
  });

  it('words each band as the Decree does and cites 第十三条第一项 on every line', () => {
    const result = estimate({ kind: 'property', amountFen: fen('1000000') });
    expect(result.feeFen).toBe(fen('13800'));
    expect(result.lines.map((l) => [l.label, l.amountFen])).toEqual([
      ['不超过1万元的，每件交纳50元', 5_000],
      ['超过1万元至10万元的部分，按照2.5%交纳（本段90000.00元）', 225_000],
      ['超过10万元至20万元的部分，按照2%交纳（本段100000.00元）', 200_000],
      ['超过20万元至50万元的部分，按照1.5%交纳（本段300000.00元）', 450_000],
      ['超过50万元至100万元的部分，按照1%交纳（本段500000.00元）', 500_000],
    ]);
    expect(new Set(bases(result))).toEqual(new Set(['《诉讼费用交纳办法》第十三条第一项']));
  });

  it('lists all ten bands above 20 million yuan, with their bounds and rates', () => {
    const result = estimate({ kind: 'property', amountFen: fen('30000000') });
    expect(result.lines.map((l) => [l.fromFen, l.toFen, l.rateBp ?? null])).toEqual([
      [0, fen('10000'), null],
      [fen('10000'), fen('100000'), 250],
      [fen('100000'), fen('200000'), 200],
      [fen('200000'), fen('500000'), 150],
      [fen('500000'), fen('1000000'), 100],
      [fen('1000000'), fen('2000000'), 90],
      [fen('2000000'), fen('5000000'), 80],
      [fen('5000000'), fen('10000000'), 70],
      [fen('10000000'), fen('20000000'), 60],
      [fen('20000000'), null, 50],
    ]);
    expect(result.lines.at(-1)!.portionFen).toBe(fen('10000000'));
    expect(yuanOf(result)).toBe('191800.00');
  });

  it('never charges less for a larger claim', () => {
    let previous = 0;
    for (let yuan = 0n; yuan <= 30_000_000n; yuan += 9_973n) {
      const fee = estimate({ kind: 'property', amountFen: Number(yuan * 100n + 1n) }).feeFen;
      expect(fee).toBeGreaterThanOrEqual(previous);
      previous = fee;
    }
  });
});

describe('《诉讼费用交纳办法》第十五条、第十六条、第十八条: halving', () => {
  it('halves the exact fee and rounds once, at the end, for simplified procedure, mediation, withdrawal and counterclaims', () => {
    for (const procedure of ['simplified', 'mediated', 'withdrawn'] as const) {
      expectTable(T.PROPERTY_HALVED, (amountFen) => ({ kind: 'property', amountFen, procedure }));
    }
    expectTable(T.PROPERTY_HALVED, (amountFen) => ({ kind: 'property', amountFen, counterclaim: true }));
  });

  it('rounds only at the end: 10,000.20 yuan is 50.005 yuan, halved 25.0025, so 25.00 (not half of 50.01)', () => {
    const result = estimate({ kind: 'property', amountFen: fen('10000.20'), procedure: 'simplified' });
    expect(result.feeFen).toBe(2_500);
    expect(result.lines.map((l) => l.amountFen)).toEqual([5_000, 1, -2_501]);
  });

  it('cites the article of each reason', () => {
    const basis = (input: TFeeEstimateInput) => estimate(input).lines.find((l) => l.code === 'halved')!;
    expect(basis({ kind: 'property', amountFen: 1, procedure: 'simplified' })).toMatchObject({ basis: '《诉讼费用交纳办法》第十六条', reason: 'simplified' });
    expect(basis({ kind: 'property', amountFen: 1, procedure: 'mediated' })).toMatchObject({ basis: '《诉讼费用交纳办法》第十五条', reason: 'mediated' });
    expect(basis({ kind: 'property', amountFen: 1, procedure: 'withdrawn' })).toMatchObject({ basis: '《诉讼费用交纳办法》第十五条', reason: 'withdrawn' });
    expect(basis({ kind: 'property', amountFen: 1, counterclaim: true })).toMatchObject({ basis: '《诉讼费用交纳办法》第十八条', reason: 'counterclaim' });
  });

  it('halves only once when several reasons apply (SPC Civil Procedure Interpretation, 第二百零六条)', () => {
    for (const procedure of ['simplified', 'mediated', 'withdrawn'] as const) {
      const result = estimate({ kind: 'property', amountFen: fen('1000000'), procedure, counterclaim: true });
      expect(yuanOf(result)).toBe('6900.00');
      expect(result.lines.filter((l) => l.code === 'halved')).toHaveLength(1);
      expect(result.lines.at(-1)).toMatchObject({
        code: 'halved-once',
        reason: 'counterclaim',
        amountFen: 0,
        basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百零六条',
      });
    }
  });
});

describe('《诉讼费用交纳办法》第十三条第二项: non-property cases', () => {
  it('第一目: divorce, 50 yuan per case, and 0.5% of the property to divide beyond 200,000 yuan', () => {
    expectTable(T.DIVORCE, (amountFen) => ({ kind: 'divorce', amountFen }));
    const result = estimate({ kind: 'divorce', amountFen: fen('500000') });
    expect(yuanOf(result)).toBe('1550.00');
    expect(result.lines.map((l) => [l.label, l.amountFen, l.basis])).toEqual([
      ['离婚案件每件交纳50元至300元（本地标准50元）', 5_000, '《诉讼费用交纳办法》第十三条第二项第一目'],
      ['涉及财产分割，财产总额不超过20万元的，不另行交纳', 0, '《诉讼费用交纳办法》第十三条第二项第一目'],
      ['超过20万元的部分，按照0.5%交纳（本段300000.00元）', 150_000, '《诉讼费用交纳办法》第十三条第二项第一目'],
    ]);
  });

  it('第一目: a divorce without property to divide has only the per-case line', () => {
    expect(estimate({ kind: 'divorce' }).lines).toHaveLength(1);
  });

  it('第二目: personality rights, 100 yuan per case, and damages at 1% from 50,000 to 100,000 yuan and 0.5% above', () => {
    expectTable(T.PERSONALITY, (amountFen) => ({ kind: 'personality', amountFen }));
    expect(bases(estimate({ kind: 'personality', amountFen: fen('200000') }))).toEqual(Array(4).fill('《诉讼费用交纳办法》第十三条第二项第二目'));
  });

  it('第三目: other non-property cases, per case', () => {
    const result = estimate({ kind: 'non-property' });
    expect(yuanOf(result)).toBe('50.00');
    expect(bases(result)).toEqual(['《诉讼费用交纳办法》第十三条第二项第三目']);
  });
});

describe('《诉讼费用交纳办法》第十三条第三项: intellectual property', () => {
  it('without a disputed amount: per case', () => {
    const result = estimate({ kind: 'ip' });
    expect(yuanOf(result)).toBe('500.00');
    expect(bases(result)).toEqual(['《诉讼费用交纳办法》第十三条第三项']);
  });

  it('with a disputed amount: as a property case, at every boundary', () => {
    expectTable(T.PROPERTY, (amountFen) => ({ kind: 'ip', amountFen }));
    const result = estimate({ kind: 'ip', amountFen: fen('200000') });
    expect(result.lines[0]).toMatchObject({ code: 'ip-amount', amountFen: 0, basis: '《诉讼费用交纳办法》第十三条第三项' });
    expect(result.lines[1]!.basis).toBe('《诉讼费用交纳办法》第十三条第一项');
  });
});

describe('《诉讼费用交纳办法》第十三条第四项至第六项: labour, administrative, jurisdiction objections', () => {
  it('第四项: labour disputes, 10 yuan per case', () => {
    const result = estimate({ kind: 'labour' });
    expect(yuanOf(result)).toBe('10.00');
    expect(bases(result)).toEqual(['《诉讼费用交纳办法》第十三条第四项']);
  });

  it('第五项: trademark, patent and maritime administrative cases 100 yuan, other administrative cases 50 yuan', () => {
    for (const administrativeKind of ['trademark', 'patent', 'maritime'] as const) {
      const result = estimate({ kind: 'administrative', administrativeKind });
      expect(yuanOf(result)).toBe('100.00');
      expect(bases(result)).toEqual(['《诉讼费用交纳办法》第十三条第五项第一目']);
    }
    for (const input of [{ kind: 'administrative' as const }, { kind: 'administrative' as const, administrativeKind: 'other' as const }]) {
      const result = estimate(input);
      expect(yuanOf(result)).toBe('50.00');
      expect(bases(result)).toEqual(['《诉讼费用交纳办法》第十三条第五项第二目']);
    }
  });

  it('第六项: a jurisdiction objection that fails, per case', () => {
    const result = estimate({ kind: 'jurisdiction-objection' });
    expect(yuanOf(result)).toBe('50.00');
    expect(bases(result)).toEqual(['《诉讼费用交纳办法》第十三条第六项']);
  });
});

describe('every case kind under every procedure (arts. 13, 15, 16)', () => {
  // [request, fee under ordinary procedure, halved fee]
  const cases: [TFeeEstimateInput, string, string][] = [
    [{ kind: 'property', amountFen: fen('123456.78') }, '2769.14', '1384.57'],
    [{ kind: 'divorce', amountFen: fen('200100') }, '50.50', '25.25'],
    [{ kind: 'divorce' }, '50.00', '25.00'],
    [{ kind: 'personality', amountFen: fen('50000.50') }, '100.01', '50.00'],
    [{ kind: 'personality' }, '100.00', '50.00'],
    [{ kind: 'non-property' }, '50.00', '25.00'],
    [{ kind: 'ip' }, '500.00', '250.00'],
    [{ kind: 'ip', amountFen: fen('10000.60') }, '50.02', '25.01'],
    [{ kind: 'labour' }, '10.00', '5.00'],
    [{ kind: 'administrative', administrativeKind: 'patent' }, '100.00', '50.00'],
    [{ kind: 'administrative' }, '50.00', '25.00'],
  ];
  it.each(cases)('%j', (input, full, halved) => {
    for (const procedure of PROCEDURES) {
      const result = estimate({ ...input, procedure } as TFeeEstimateInput);
      expect(yuanOf(result), procedure).toBe(procedure === 'ordinary' ? full : halved);
      expect(result.procedure).toBe(procedure);
      expect(sum(result)).toBe(result.feeFen);
    }
  });

  it('refuses halving for a jurisdiction objection, which is charged per objection', () => {
    for (const procedure of ['simplified', 'mediated', 'withdrawn'] as const) {
      expect(ZFeeEstimateRequest.safeParse({ kind: 'jurisdiction-objection', procedure }).success).toBe(false);
    }
  });
});

describe('appeals (arts. 8, 17)', () => {
  it('第十七条: a property appeal pays on the contested amount, and says so', () => {
    const result = estimate({ kind: 'property', amountFen: fen('300000'), instance: 'appeal' });
    expect(yuanOf(result)).toBe('5800.00');
    expect(result.instance).toBe('appeal');
    expect(result.lines[0]).toMatchObject({ code: 'appeal-amount', amountFen: 0, basis: '《诉讼费用交纳办法》第十七条' });
    expect(yuanOf(estimate({ kind: 'ip', amountFen: fen('300000'), instance: 'appeal' }))).toBe('5800.00');
  });

  it('第十五条: an appeal settled by mediation or withdrawn pays half', () => {
    for (const procedure of ['mediated', 'withdrawn'] as const) {
      expect(yuanOf(estimate({ kind: 'property', amountFen: fen('300000'), instance: 'appeal', procedure }))).toBe('2900.00');
    }
  });

  it('第八条第三项: an appeal against a ruling on jurisdiction pays nothing', () => {
    const result = estimate({ kind: 'jurisdiction-objection', instance: 'appeal' });
    expect(result.feeFen).toBe(0);
    expect(result.lines).toEqual([expect.objectContaining({ code: 'not-charged', amountFen: 0, basis: '《诉讼费用交纳办法》第八条第三项' })]);
  });

  it('refuses an appeal heard by simplified procedure, in the schema and in the rules', () => {
    const parsed = ZFeeEstimateRequest.safeParse({ kind: 'divorce', instance: 'appeal', procedure: 'simplified' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['procedure']);
    expect(() => estimateFee({ kind: 'property', amountFen: 100, instance: 'appeal', procedure: 'simplified', counterclaim: false })).toThrowError(AppError);
  });
});

describe('《诉讼费用交纳办法》第十四条: application fees', () => {
  it('第一项第一目: execution without an amount, per case', () => {
    const result = estimate({ kind: 'execution' });
    expect(yuanOf(result)).toBe('50.00');
    expect(bases(result)).toEqual(['《诉讼费用交纳办法》第十四条第一项第一目']);
  });

  it('第一项第二目: execution with an amount, at every boundary', () => {
    expectTable(T.EXECUTION, (amountFen) => ({ kind: 'execution', amountFen }));
    expect(new Set(bases(estimate({ kind: 'execution', amountFen: fen('20000000') })))).toEqual(new Set(['《诉讼费用交纳办法》第十四条第一项第二目']));
  });

  it('第二项: preservation, 30 yuan up to 1,000 yuan or with no amount, then 1% and 0.5%, never above 5,000 yuan', () => {
    expectTable(T.PRESERVATION, (amountFen) => ({ kind: 'preservation', amountFen }));
    const capped = estimate({ kind: 'preservation', amountFen: fen('1000000') });
    expect(capped.lines.at(-1)).toMatchObject({ code: 'cap', amountFen: -52_000, basis: '《诉讼费用交纳办法》第十四条第二项' });
    // At the cap exactly, no cap line: nothing was cut.
    expect(estimate({ kind: 'preservation', amountFen: fen('896000') }).lines.some((l) => l.code === 'cap')).toBe(false);
  });

  it('第三项: a payment order, 1/3 of the property-case fee, rounded once', () => {
    expectTable(T.PAYMENT_ORDER, (amountFen) => ({ kind: 'payment-order', amountFen }));
    const result = estimate({ kind: 'payment-order', amountFen: fen('1000000') });
    expect(result.lines.at(-1)).toMatchObject({ code: 'fraction', numerator: 1, denominator: 3, basis: '《诉讼费用交纳办法》第十四条第三项' });
  });

  it('第四项 and 第五项: public summons 100 yuan, arbitration applications 400 yuan', () => {
    const summons = estimate({ kind: 'public-summons' });
    expect([yuanOf(summons), ...bases(summons)]).toEqual(['100.00', '《诉讼费用交纳办法》第十四条第四项']);
    const arbitration = estimate({ kind: 'arbitration' });
    expect([yuanOf(arbitration), ...bases(arbitration)]).toEqual(['400.00', '《诉讼费用交纳办法》第十四条第五项']);
  });

  it('第六项: bankruptcy, half the property-case fee, at most 300,000 yuan', () => {
    expectTable(T.BANKRUPTCY, (amountFen) => ({ kind: 'bankruptcy', amountFen }));
    const capped = estimate({ kind: 'bankruptcy', amountFen: fen('200000000') });
    expect(capped.lines.slice(-2).map((l) => [l.code, l.basis])).toEqual([
      ['fraction', '《诉讼费用交纳办法》第十四条第六项'],
      ['cap', '《诉讼费用交纳办法》第十四条第六项'],
    ]);
  });

  it('never halves an application fee: only ordinary is accepted (arts. 15, 16 and 18 concern case acceptance fees)', () => {
    for (const kind of ['execution', 'preservation', 'payment-order', 'public-summons', 'arbitration', 'bankruptcy'] as const) {
      const amountFen = kind === 'public-summons' || kind === 'arbitration' ? 0 : 100;
      expect(estimate({ kind, amountFen } as TFeeEstimateInput).procedure).toBe('ordinary');
      for (const procedure of ['simplified', 'mediated', 'withdrawn']) {
        const parsed = ZFeeEstimateRequest.safeParse({ kind, amountFen, procedure });
        expect(parsed.success, `${kind} ${procedure}`).toBe(false);
        expect(parsed.error!.issues.map((i) => i.path)).toEqual([['procedure']]);
      }
      expect(ZFeeEstimateRequest.safeParse({ kind, amountFen, counterclaim: true }).success).toBe(false);
    }
  });
});

describe('the province schedule (art. 13, last paragraph; art. 14(1)1)', () => {
  const top = createFeeSchedule({
    divorceFen: 30_000,
    personalityFen: 50_000,
    otherNonPropertyFen: 10_000,
    ipWithoutAmountFen: 100_000,
    jurisdictionObjectionFen: 10_000,
    executionWithoutAmountFen: 50_000,
  });

  it('uses the configured figure for each per-case fee given as a range, and names it', () => {
    const cases: [TFeeEstimateInput, string][] = [
      [{ kind: 'divorce', amountFen: fen('300000') }, '800.00'],
      [{ kind: 'personality', amountFen: fen('60000') }, '600.00'],
      [{ kind: 'non-property' }, '100.00'],
      [{ kind: 'ip' }, '1000.00'],
      [{ kind: 'jurisdiction-objection' }, '100.00'],
      [{ kind: 'execution' }, '500.00'],
    ];
    for (const [input, fee] of cases) expect(yuanOf(estimate(input, top)), input.kind).toBe(fee);
    expect(estimate({ kind: 'divorce' }, top).lines[0]!.label).toBe('离婚案件每件交纳50元至300元（本地标准300元）');
  });

  it('leaves the fixed fees alone', () => {
    expect(yuanOf(estimate({ kind: 'labour' }, top))).toBe('10.00');
    expect(yuanOf(estimate({ kind: 'property', amountFen: fen('1000000') }, top))).toBe('13800.00');
  });
});

describe('the breakdown', () => {
  const kinds: TFeeEstimateInput[] = [
    { kind: 'property', amountFen: 0 },
    { kind: 'divorce', amountFen: 0 },
    { kind: 'personality', amountFen: 0 },
    { kind: 'ip', amountFen: 0 },
    { kind: 'execution', amountFen: 0 },
    { kind: 'preservation', amountFen: 0 },
    { kind: 'payment-order', amountFen: 0 },
    { kind: 'bankruptcy', amountFen: 0 },
  ];

  it('adds up to the fee and cites the Decree or the Interpretation on every line, for amounts across every magnitude', () => {
    let seed = 20_070_401;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 400; i++) {
      const amountFen = Math.max(1, Math.floor(10 ** (random() * 15)));
      for (const input of kinds) {
        const procedures = ['execution', 'preservation', 'payment-order', 'bankruptcy'].includes(input.kind) ? ['ordinary' as const] : PROCEDURES;
        for (const procedure of procedures) {
          const result = estimate({ ...input, amountFen, procedure } as TFeeEstimateInput);
          expect(sum(result)).toBe(result.feeFen);
          expect(result.amountFen).toBe(amountFen);
          for (const line of result.lines) expect(line.basis).toMatch(/^《(诉讼费用交纳办法|最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释)》第[一二三四五六七八九十百零]+条/);
        }
      }
    }
  });

  it('computes the largest amount accepted exactly', () => {
    const result = estimate({ kind: 'property', amountFen: 1e15 });
    expect(result.feeFen).toBe(5_000_004_180_000);
    expect(Number.isSafeInteger(result.feeFen)).toBe(true);
  });
});
