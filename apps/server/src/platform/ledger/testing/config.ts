import type { LedgerConfig } from '../ledger.ts';

export const TEST_ORIGIN = 'court.test/ledger';

export function ledgerConfig(overrides: Partial<LedgerConfig> = {}): LedgerConfig {
  return {
    origin: TEST_ORIGIN,
    originExplicit: true,
    hashSuite: 'sha256',
    hashExplicit: false,
    quorum: 0,
    courtName: '测试法院',
    witnesses: [],
    batchMax: 1000,
    intervalMs: 20,
    ...overrides,
  };
}
