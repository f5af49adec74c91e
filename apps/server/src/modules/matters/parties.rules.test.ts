import { describe, expect, it } from 'vitest';
import { maskIdNumber } from './parties.rules.ts';

describe('maskIdNumber', () => {
  it.each([
    ['350203199001011234', '3502**********1234'],
    ['A1234563', 'A******3'],
    ['H12345678', 'H*******8'],
    ['E1234567890', 'E123***7890'],
    ['AB', '**'],
  ])('%s → %s', (n, masked) => {
    expect(maskIdNumber(n)).toBe(masked);
    expect(masked).toHaveLength(n.length);
  });
});
