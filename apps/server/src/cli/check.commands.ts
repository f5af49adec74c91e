// `opencourt check id <number>` and `opencourt check uscc <code>`: the identifier checks the API and
// the web forms use, for clerks and scripts. Prints JSON; exit code 1 when the number is not valid.
import { checkIdNumber, checkUscc, type IdKind } from '@opencourt/contracts';
import type { Command } from './commands.ts';
import { UsageError } from './commands.ts';

const ID_KINDS: readonly IdKind[] = ['mainland-resident', 'hong-kong', 'macau', 'home-return-permit', 'taiwan-permit', 'passport'];

export const CHECK_COMMANDS: Record<string, Command> = {
  check: {
    summary: '校验证件号码或统一社会信用代码 / check an identity document number or a Unified Social Credit Code',
    usage: [
      'opencourt check id <number> [--kind <kind>]',
      'opencourt check uscc <code>',
      `  kinds: ${ID_KINDS.join(', ')} (guessed from the number's shape when not given)`,
      '  prints JSON with `valid` and `kind`; exit code 1 when not valid',
    ].join('\n'),
    options: { kind: { type: 'string' } },
    positionals: 2,
    async run({ positionals, values }, _config, io) {
      const [what, value] = positionals as [string, string];
      const kind = values.kind as string | undefined;
      if (kind !== undefined && !ID_KINDS.includes(kind as IdKind)) throw new UsageError(`未知的证件类型 / unknown kind: ${kind}`);
      let result: { valid: boolean };
      if (what === 'id') result = checkIdNumber(value, kind as IdKind | undefined);
      else if (what === 'uscc') {
        if (kind !== undefined) throw new UsageError('--kind 只用于 check id / --kind is for `check id` only');
        result = checkUscc(value);
      } else throw new UsageError(`应为 id 或 uscc / expected id or uscc: ${what}`);
      io.out(`${JSON.stringify(result, null, 2)}\n`);
      return result.valid ? undefined : 1;
    },
  },
};
