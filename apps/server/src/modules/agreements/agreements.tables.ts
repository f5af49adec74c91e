import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { TAgreementTerms } from '@opencourt/contracts';
import { bytea, createdAt, tstz } from '../../platform/db/columns.ts';

/** A mediation agreement of a matter, from draft to signed (or failed / withdrawn). */
export const mediationAgreement = pgTable(
  'mediation_agreement',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id').notNull(),
    status: text('status').notNull(), // draft | signing | signed | failed | withdrawn
    /** Bumped by every change: a signature or a decision names the version it saw. */
    version: integer('version').notNull(),
    terms: jsonb('terms').$type<TAgreementTerms>().notNull(),
    draftedBy: uuid('drafted_by').notNull(),
    fileId: uuid('file_id'),
    sha256: text('sha256'),
    closedReason: text('closed_reason'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('mediation_agreement_matter_idx').on(t.matterId)],
);

/** Who signs an agreement, and their handwritten signature once they have (sealed at rest). */
export const agreementSignatory = pgTable(
  'agreement_signatory',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => mediationAgreement.id),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(), // party | mediator
    name: text('name').notNull(),
    /** Parties first, in matter order; the mediator last. */
    position: integer('position').notNull(),
    signedAt: tstz('signed_at'),
    signatureCipher: bytea('signature_cipher'),
    signatureSha256: text('signature_sha256'),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.userId] })],
);
