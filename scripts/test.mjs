// `npm test`: every test. Unit and integration tests (Vitest, real PostgreSQL), then the end-to-end
// tests in Debian's Chromium. Ends with one "N passed, N failed" line for CI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemPackages } from './system-deps.mjs';
import { ensureWebBuilt } from './web-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const extra = process.argv.slice(2);

ensureSystemPackages();
const suites = [{ name: 'unit+integration', args: [] }];
if (fs.existsSync(path.join(root, 'e2e/vitest.config.ts'))) {
  ensureWebBuilt();
  suites.push({ name: 'e2e', args: ['--config', 'e2e/vitest.config.ts'] });
}

let passed = 0;
let failed = 0;
let exitCode = 0;
for (const suite of suites) {
  const report = path.join(os.tmpdir(), `opencourt-vitest-${process.pid}-${suite.name}.json`);
  const res = spawnSync(process.execPath, [vitest, 'run', ...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], {
    cwd: root,
    stdio: 'inherit',
  });
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (r.numTotalTests === 0) exitCode = 1;
    fs.rmSync(report, { force: true });
  } else {
    failed += 1;
  }
  if (res.status !== 0) exitCode = res.status ?? 1;
}
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
process.exit(exitCode || (failed > 0 ? 1 : 0));
