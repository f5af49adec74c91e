// Parses `opencourt <command> [options]`, runs the command, and turns failures into a clear message
// and a non-zero exit code (2 for a wrong call, 1 for a failure).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { AppError } from '../platform/http/index.ts';
import { COMMANDS, UsageError, type Io } from './commands.ts';

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = [
    'OpenCourt 开放法院 — 命令行 / command line',
    '',
    'Usage: opencourt <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  显示帮助 / show this help, or a command's: opencourt help <command>`,
    '',
    'Configuration comes from the environment (DATABASE_URL, DATA_DIR, MASTER_KEY, BLOB_DRIVER, …): see README.',
    '',
  ];
  return lines.join('\n');
}

function describeError(err: unknown): string {
  if (err instanceof AppError) {
    const fields = err.fields?.map((f) => `${f.pointer}: ${f.detail}`).join('; ');
    return [err.detail ?? err.spec.title['zh-CN'], fields].filter(Boolean).join(' — ');
  }
  return err instanceof Error ? err.message : String(err);
}

export async function runCli(argv: string[], io: Io, env: Record<string, string | undefined> = process.env): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = topic ? COMMANDS[topic] : undefined;
    io.out(command ? `${command.summary}\n\nUsage: ${command.usage}\n` : help());
    return topic && !command ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知命令 / unknown command: ${name}\n\n${help()}`);
    return 2;
  }
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`${command.summary}\n\nUsage: ${command.usage}\n`);
      return 0;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const expected = command.positionals;
    if (typeof expected === 'number' && parsed.positionals.length !== expected) {
      throw new UsageError(expected ? `需要 ${expected} 个参数 / expects ${expected} argument(s)` : '不接受位置参数 / takes no arguments');
    }
    if (typeof expected === 'object' && parsed.positionals.length < expected.min) {
      throw new UsageError(`至少需要 ${expected.min} 个参数 / expects at least ${expected.min} argument(s)`);
    }
    return (await command.run(parsed, loadConfig(env), io)) ?? 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`错误 / error: ${err.message}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    io.err(`错误 / error: ${describeError(err)}\n`);
    return 1;
  }
}
