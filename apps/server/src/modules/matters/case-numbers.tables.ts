import { boolean, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from '../../platform/db/columns.ts';

/** A court's own type codes (类型代字): additions to the defaults, or defaults it renamed or turned off. */
export const courtCaseType = pgTable(
  'court_case_type',
  {
    courtId: uuid('court_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    updatedBy: uuid('updated_by'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.courtId, t.code] })],
);

/** The last case number given per court, type code and filing year (counted from 1). */
export const caseNumberCounter = pgTable(
  'case_number_counter',
  {
    courtId: uuid('court_id').notNull(),
    typeCode: text('type_code').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.courtId, t.typeCode, t.year] })],
);
