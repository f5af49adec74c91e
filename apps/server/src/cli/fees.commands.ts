// `opencourt fee <kind> <amount-in-yuan>`: the fee rules for administrators and scripts. The amount is
// read exactly from its decimal string, checked by the same schema as the API, and priced by the rules.
import fs from 'node:fs';
import { FEE_KINDS, ZFeeEstimateRequest } from '@opencourt/contracts';
import { createFeeSchedule, estimateFee, formatYuan, parseYuan } from '../modules/fees/index.ts';
import type { Command } from './commands.ts';
import { UsageError } from './commands.ts';

// Where each request field comes from on the command line, to name it in a message.
const FIELD_NAMES: Record<string, string> = { kind: '<kind>', amountFen: '<amount-in-yuan>', procedure: '--procedure', instance: '--appeal' };

function readSchedule(file: string | undefined) {
  if (!file) return undefined;
  let overrides: unknown;
  try {
    overrides = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`无法读取收费标准文件 / cannot read the schedule ${file}: ${(err as Error).message}`);
  }
  if (!overrides || typeof overrides !== 'object' || Array.isArray(overrides)) throw new UsageError(`收费标准文件应为 JSON 对象 / the schedule must be a JSON object: ${file}`);
  return createFeeSchedule(overrides as Record<string, unknown>);
}

export const FEE_COMMANDS: Record<string, Command> = {
  fee: {
    summary: '按《诉讼费用交纳办法》计算诉讼费用 / litigation fee under the fee Decree',
    usage: [
      'opencourt fee <kind> <amount-in-yuan> [--procedure ordinary|simplified|mediated|withdrawn] [--appeal] [--counterclaim]',
      '                  [--administrative-kind trademark|patent|maritime|other] [--schedule <province.json>]',
      `  kinds: ${FEE_KINDS.join(', ')}`,
      '  amount: yuan with at most two decimals (e.g. 123456.78); 0 for kinds charged per case',
      '  --schedule: the province\'s per-case figures in fen, e.g. {"divorceFen": 20000}',
    ].join('\n'),
    options: {
      procedure: { type: 'string' },
      appeal: { type: 'boolean' },
      counterclaim: { type: 'boolean' },
      'administrative-kind': { type: 'string' },
      schedule: { type: 'string' },
    },
    positionals: 2,
    async run({ positionals, values }, _config, io) {
      const [kind, amount] = positionals as [string, string];
      const fen = parseYuan(amount);
      if (fen === undefined) throw new UsageError(`金额应为不带符号的元数，最多两位小数 / the amount must be yuan with at most two decimals: ${amount}`);
      const input: Record<string, unknown> = { kind, amountFen: Number(fen) };
      if (values.procedure !== undefined) input.procedure = values.procedure;
      if (values.appeal) input.instance = 'appeal';
      if (values.counterclaim) input.counterclaim = true;
      if (values['administrative-kind'] !== undefined) input.administrativeKind = values['administrative-kind'];
      const parsed = ZFeeEstimateRequest.safeParse(input);
      if (!parsed.success) {
        throw new UsageError(parsed.error.issues.map((i) => `${FIELD_NAMES[String(i.path[0])] ?? (i.path.join('.') || kind)}: ${i.message}`).join('\n'));
      }
      const estimate = estimateFee(parsed.data, readSchedule(values.schedule as string | undefined));
      const { kind: k, amountFen, feeFen, ...rest } = estimate;
      io.out(`${JSON.stringify({ kind: k, amountFen, amountYuan: formatYuan(BigInt(amountFen)), feeFen, feeYuan: formatYuan(BigInt(feeFen)), ...rest }, null, 2)}\n`);
    },
  },
};
