// What npm cannot bring: Debian packages the tests (and later features) need. Found, or installed with
// apt-get when running as root on Debian, or else we stop at once and say exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const SYSTEM_PACKAGES = [
  { bin: '/usr/bin/chromium', pkg: 'chromium', why: 'end-to-end tests (Playwright drives Debian\'s Chromium)' },
  { bin: '/usr/bin/ffprobe', pkg: 'ffmpeg', why: 'checking and remuxing recordings' },
];

const say = (msg) => process.stdout.write(`[system-deps] ${msg}\n`);

export function ensureSystemPackages(wanted = SYSTEM_PACKAGES) {
  const missing = wanted.filter((p) => !fs.existsSync(p.bin));
  if (missing.length === 0) return;
  const names = [...new Set(missing.map((p) => p.pkg))];
  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    const lines = missing.map((p) => `  ${p.bin} (Debian package "${p.pkg}") for ${p.why}`);
    process.stderr.write(`Missing system packages:\n${lines.join('\n')}\nInstall them with:\n  sudo apt-get update && sudo apt-get install -y ${names.join(' ')}\n`);
    process.exit(2);
  }
  say(`installing ${names.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const res = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { stdio: 'inherit', env });
  const still = missing.filter((p) => !fs.existsSync(p.bin));
  if (res.status !== 0 || still.length) {
    process.stderr.write(`apt-get could not install: ${still.map((p) => p.pkg).join(', ') || names.join(', ')}\n`);
    process.exit(2);
  }
}
