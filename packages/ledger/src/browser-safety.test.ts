import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The package also runs in browsers (receipts are verified offline in a page), so runtime code
// may use only Uint8Array, TextEncoder/TextDecoder, BigInt and DataView, plus the @noble packages.
describe('browser safety', () => {
  const dir = import.meta.dirname;
  const runtimeFiles = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it('has runtime modules to check', () => {
    expect(runtimeFiles).toContain('index.ts');
    expect(runtimeFiles.length).toBeGreaterThan(10);
  });

  it.each(runtimeFiles)('%s imports no Node built-ins and uses no Node globals', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    for (const specifier of imports) {
      expect(specifier.startsWith('./') || specifier.startsWith('@noble/'), `${file} imports ${specifier}`).toBe(true);
    }
    expect(source).not.toMatch(/\bBuffer\.|\bprocess\.|\brequire\(/);
  });
});
