import { integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from '../../platform/db/columns.ts';

/** One application for judicial confirmation of one signed mediation agreement. */
export const confirmationApplication = pgTable(
  'confirmation_application',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    status: text('status').notNull(), // applying | submitted | confirmed | dismissed | withdrawn
    version: integer('version').notNull(),
    /** YYYY-MM-DD: thirty days after the agreement took effect, moved off rest days. */
    lastDay: text('last_day').notNull(),
    submittedAt: tstz('submitted_at'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('confirmation_application_agreement_key').on(t.agreementId)],
);

/** Each party of the agreement; `appliedAt` once they have joined the application. */
export const confirmationApplicant = pgTable(
  'confirmation_applicant',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => confirmationApplication.id),
    userId: uuid('user_id').notNull(),
    appliedAt: tstz('applied_at'),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.userId] })],
);
