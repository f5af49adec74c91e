import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from '../../platform/db/columns.ts';

export const matter = pgTable(
  'matter',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull(),
    title: text('title').notNull(),
    caseNumber: text('case_number'),
    stage: text('stage').notNull(),
    /** The institution that filed it (bulk filing by banks and other integrators). */
    filedByOrgId: uuid('filed_by_org_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('matter_court_idx').on(t.courtId), index('matter_filed_by_idx').on(t.filedByOrgId)],
);

/** Who takes part in a matter, and as what: the basis of per-matter access. */
export const matterParticipant = pgTable(
  'matter_participant',
  {
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matter.id),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(), // party | agent | mediator | judge | clerk | coordinator | appraiser
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.matterId, t.userId, t.role] }), index('matter_participant_user_idx').on(t.userId)],
);
