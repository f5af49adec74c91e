// The ledger's public endpoints (no sign-in): its trust anchors and receipts.
import { api } from '../../shared/api/client.ts';

export type LedgerKeys = {
  origin: string;
  hashSuite: 'sha256' | 'sm3';
  court: { name: string };
  log: { name: string; verifierKey: string };
  witnesses: { name: string; verifierKey: string }[];
  quorum: number;
};

export type InclusionAnswer = { kind: string; leafIndex: number; recordedAt: string; receipt: unknown };

export const fetchLedgerKeys = () => api.get<LedgerKeys>('/ledger/keys');
export const fetchInclusion = (hashHex: string) => api.get<InclusionAnswer>('/ledger/proof/inclusion', { hash: hashHex });
