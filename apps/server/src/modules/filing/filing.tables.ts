import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { TCorrectionItem, TGuaranteeExemption } from '@opencourt/contracts';
import { bytea, createdAt, tstz } from '../../platform/db/columns.ts';

const fen = (name: string) => bigint(name, { mode: 'number' });

/** A complaint filed online (网上立案), from submission to acceptance, refusal or lapse. */
export const filingApplication = pgTable(
  'filing_application',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull(),
    filerId: uuid('filer_id').notNull(),
    /** party | agent: as what the filer takes part in the matter once accepted. */
    filerRole: text('filer_role').notNull(),
    cause: text('cause').notNull(),
    facts: text('facts').notNull(),
    evidence: text('evidence').notNull(),
    claimsTotalFen: fen('claims_total_fen').notNull(),
    status: text('status').notNull(), // submitted | correction | accepted | refused | lapsed
    /** Optimistic concurrency: every change bumps it; a decision names the version it saw. */
    version: integer('version').notNull(),
    submittedAt: tstz('submitted_at').notNull(),
    correctionItems: jsonb('correction_items').$type<TCorrectionItem[]>(),
    correctionDeadline: tstz('correction_deadline'),
    refusalReasons: text('refusal_reasons'),
    decidedBy: uuid('decided_by'),
    decidedAt: tstz('decided_at'),
    matterId: uuid('matter_id'),
    caseNumber: text('case_number'),
    feeFen: fen('fee_fen'),
    paymentOrderId: uuid('payment_order_id'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('filing_application_court_idx').on(t.courtId, t.status, t.submittedAt), index('filing_application_filer_idx').on(t.filerId), index('filing_application_deadline_idx').on(t.status, t.correctionDeadline)],
);

/**
 * The parties as the complaint names them (a snapshot: the matter core keeps its own). Identity
 * numbers, phones and addresses are sealed; only the masked forms are stored in the clear.
 */
export const filingParty = pgTable(
  'filing_party',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => filingApplication.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(), // person | organisation
    side: text('side').notNull(), // plaintiff | defendant | third-party
    name: text('name').notNull(),
    idKind: text('id_kind'),
    idNumberMasked: text('id_number_masked'),
    uscc: text('uscc'),
    /** The whole party as submitted (with identity number, phone, address), sealed with the keyring. */
    sealed: bytea('sealed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.seq] })],
);

export const filingClaim = pgTable(
  'filing_claim',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => filingApplication.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    description: text('description').notNull(),
    amountFen: fen('amount_fen'),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.seq] })],
);

/** Materials: files the filer uploaded through the files platform, attached to the complaint. */
export const filingMaterial = pgTable(
  'filing_material',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => filingApplication.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.fileId] })],
);

export const filingStatusHistory = pgTable(
  'filing_status_history',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => filingApplication.id, { onDelete: 'cascade' }),
    /** The application's version this change produced: orders the history even within one instant. */
    version: integer('version').notNull(),
    status: text('status').notNull(),
    actorId: uuid('actor_id'),
    note: text('note'),
    at: tstz('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.version] })],
);

/** A property preservation application (诉前 / 诉中财产保全). */
export const preservationApplication = pgTable(
  'preservation_application',
  {
    id: uuid('id').primaryKey(),
    stage: text('stage').notNull(), // pre-litigation | in-litigation
    courtId: uuid('court_id').notNull(),
    applicantId: uuid('applicant_id').notNull(),
    filingId: uuid('filing_id').references(() => filingApplication.id),
    matterId: uuid('matter_id'),
    caseNumber: text('case_number'),
    respondent: text('respondent').notNull(),
    reasons: text('reasons').notNull(),
    amountFen: fen('amount_fen').notNull(),
    guaranteeKind: text('guarantee_kind').notNull(),
    guaranteeFen: fen('guarantee_fen').notNull(),
    guaranteeDescription: text('guarantee_description'),
    guaranteeExemption: text('guarantee_exemption').$type<TGuaranteeExemption>(),
    feeFen: fen('fee_fen').notNull(),
    paymentOrderId: uuid('payment_order_id'),
    status: text('status').notNull(), // submitted | granted | refused
    version: integer('version').notNull(),
    decisionReasons: text('decision_reasons'),
    decidedBy: uuid('decided_by'),
    decidedAt: tstz('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [index('preservation_application_court_idx').on(t.courtId, t.status), index('preservation_application_applicant_idx').on(t.applicantId)],
);

export const preservationProperty = pgTable(
  'preservation_property',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => preservationApplication.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    /** Where the property is, or the bank and account: sealed (a bank account is sensitive). */
    locationSealed: bytea('location_sealed').notNull(),
    valueFen: fen('value_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.seq] })],
);
