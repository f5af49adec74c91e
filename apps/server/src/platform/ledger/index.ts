// The evidence ledger's face: an append-only RFC 6962 log of every event and stored file (hashes and
// ids only), signed checkpoints cosigned by witnesses, receipts anyone can verify offline.
export { createLedger, type Ledger, type LedgerConfig } from './ledger.ts';
export { ledgerRoutes } from './ledger.routes.ts';
export { type LedgerService, type LedgerKeys, type RecordedReceipt, type ReceiptLookup } from './ledger.service.ts';
export { LedgerErrors } from './ledger.errors.ts';
export { eventSubjectDigest, eventSubject, canonicalJson, fileEntry, eventEntry, type LedgerKind } from './subject.ts';
export { verifyLog, type VerifyReport } from './verify-log.ts';
export { LedgerConfigError, readLogIdentity } from './log-setup.ts';
export { createLedgerService } from './ledger.service.ts';
export { serverHashSuite } from './hash.ts';
export { startWitness, type StartedWitness } from './witness/start.ts';
export { type KnownLog } from './witness/witness.ts';
