// `opencourt fee` as an administrator runs it: the real launcher (bin/opencourt.mjs) in a child process.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/opencourt.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-fee-cli-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

type Run = { code: number; stdout: string; stderr: string };

function opencourt(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      // No database settings: the command needs none.
      { env: { PATH: process.env.PATH ?? '', HOME: work, DATA_DIR: path.join(work, 'data'), LOG_LEVEL: 'silent' }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Each run starts Node and tsx; a busy machine makes that slow.
describe('opencourt fee', { timeout: 120_000 }, () => {
  it('prints the fee of a property case as JSON, with each line citing its article (第十三条第一项)', async () => {
    const run = await opencourt(['fee', 'property', '1000000']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ kind: 'property', amountFen: 100_000_000, amountYuan: '1000000.00', feeFen: 1_380_000, feeYuan: '13800.00', procedure: 'ordinary' });
    expect(out.lines.every((l: { basis: string }) => l.basis === '《诉讼费用交纳办法》第十三条第一项')).toBe(true);
  });

  it('reads the amount exactly from its decimals and halves once at the end (第十六条)', async () => {
    // 10,000.20 yuan is 50.005 yuan; halved 25.0025, so 25.00.
    const run = await opencourt(['fee', 'property', '10000.20', '--procedure', 'simplified']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ amountFen: 1_000_020, feeFen: 2_500, procedure: 'simplified' });
  });

  it('takes the options of each kind and a province schedule (第十三条第二项第一目, 第十四条第六项, 第八条第三项)', async () => {
    const schedule = path.join(work, 'province.json');
    fs.writeFileSync(schedule, JSON.stringify({ divorceFen: 20_000 }));
    const [divorce, bankruptcy, objection, tooHigh] = await Promise.all([
      opencourt(['fee', 'divorce', '500000', '--schedule', schedule]),
      opencourt(['fee', 'bankruptcy', '200000000']),
      opencourt(['fee', 'jurisdiction-objection', '0', '--appeal']),
      (fs.writeFileSync(path.join(work, 'bad.json'), JSON.stringify({ divorceFen: 40_000 })), opencourt(['fee', 'divorce', '0', '--schedule', path.join(work, 'bad.json')])),
    ]);
    expect(JSON.parse(divorce.stdout)).toMatchObject({ feeFen: 170_000 });
    expect(JSON.parse(bankruptcy.stdout)).toMatchObject({ feeFen: 30_000_000 });
    expect(JSON.parse(objection.stdout)).toMatchObject({ feeFen: 0, instance: 'appeal' });
    expect(tooHigh.code).toBe(1);
    expect(tooHigh.stderr).toContain('/divorceFen: 应为 5000 至 30000 分（50元至300元）之间的整数');
  });

  it('refuses bad input with exit code 2 and a clear message', async () => {
    const cases: [string[], string][] = [
      [['fee', 'property', '--', '-5'], '金额应为不带符号的元数'],
      [['fee', 'property', '1.234'], '最多两位小数'],
      [['fee', 'property', '1e6'], '金额应为不带符号的元数'],
      [['fee', 'property', '0'], '<amount-in-yuan>: 诉讼请求金额必须大于零'],
      [['fee', 'property', '10000000000000.01'], '超出可计算的范围'],
      [['fee', 'parking', '100'], '<kind>: 未知的案件类型'],
      [['fee', 'execution', '100', '--procedure', 'simplified'], '--procedure: 申请费不适用减半交纳'],
      [['fee', 'property', '100', '--procedure', 'fast'], '--procedure'],
      [['fee', 'labour', '3000'], '这类案件按件交纳'],
      [['fee', 'property'], '需要 2 个参数'],
    ];
    const runs = await Promise.all(cases.map(([args]) => opencourt(args)));
    runs.forEach((run, i) => {
      const [args, message] = cases[i]!;
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(message);
      expect(run.stdout).toBe('');
    });
  });

  it('is listed in the help', async () => {
    const run = await opencourt(['help', 'fee']);
    expect(run.stdout).toContain('opencourt fee <kind> <amount-in-yuan> [--procedure ordinary|simplified|mediated|withdrawn]');
    expect(run.stdout).toContain('payment-order');
  });
});
