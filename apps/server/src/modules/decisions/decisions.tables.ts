import { date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from '../../platform/db/columns.ts';

/** A decision document the court recorded on a matter: its kind, date and signed PDF (a stored file). */
export const decision = pgTable(
  'decision',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id').notNull(),
    kind: text('kind').notNull(), // judgment | ruling_appealable | ruling_final | mediation_statement | confirmation_ruling
    caseNumber: text('case_number').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    fileId: uuid('file_id').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileName: text('file_name').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('decision_matter_idx').on(t.matterId, t.createdAt)],
);

/** The service of a decision on one party: one row per party. */
export const decisionService = pgTable(
  'decision_service',
  {
    id: uuid('id').primaryKey(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decision.id),
    partyUserId: uuid('party_user_id').notNull(),
    servedAt: tstz('served_at').notNull(),
    method: text('method').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('decision_service_party_idx').on(t.decisionId, t.partyUserId)],
);

/** An appeal against a decision, as the court recorded it: it stops the decision taking effect. */
export const decisionAppeal = pgTable(
  'decision_appeal',
  {
    id: uuid('id').primaryKey(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decision.id),
    partyUserId: uuid('party_user_id').notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('decision_appeal_decision_idx').on(t.decisionId)],
);

/** A certificate that a decision has taken effect (生效证明), issued by a party to themselves. */
export const decisionCertificate = pgTable(
  'decision_certificate',
  {
    id: uuid('id').primaryKey(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decision.id),
    matterId: uuid('matter_id').notNull(),
    issuedTo: uuid('issued_to').notNull(),
    /** The public verification code: 100 random bits in base32. */
    code: text('code').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    fileId: uuid('file_id').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    /** The issuance event's subject digest on the evidence ledger (hex). */
    ledgerDigest: text('ledger_digest').notNull(),
    issuedAt: tstz('issued_at').notNull(),
  },
  (t) => [uniqueIndex('decision_certificate_code_idx').on(t.code), index('decision_certificate_decision_idx').on(t.decisionId)],
);
