import { describe, expect, it } from 'vitest';
import { checkAreaCode } from './areas.rules.ts';

describe('GB/T 2260 area codes', () => {
  it.each([
    ['350213', ['福建省', '厦门市', '翔安区']],
    ['350200', ['福建省', '厦门市']],
    ['350000', ['福建省']],
    ['110105', ['北京市']], // a county we do not ship yet: accepted by its province
    ['820000', ['澳门特别行政区']],
  ])('%s is valid: %j', (code, path) => {
    const r = checkAreaCode(code);
    expect(r.valid && r.path).toEqual(path);
  });

  it.each([
    ['35021', '6 位'],
    ['35021a', '6 位'],
    ['990000', '省级代码不存在'],
    ['000000', '省级代码不存在'],
    ['350299', '厦门市没有该区县代码'],
  ])('%s is refused (%s)', (code, reason) => {
    const r = checkAreaCode(code);
    expect(r.valid).toBe(false);
    expect(!r.valid && r.reason).toContain(reason);
  });
});
