// Entry of the `opencourt` command (bin/opencourt.mjs loads it through tsx).
import { runCli } from './run.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin,
});
// Let stdout drain, then leave even if a library keeps a handle open.
process.stdout.write('', () => process.exit(code));
