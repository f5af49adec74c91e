import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, tstz } from '../../platform/db/columns.ts';

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
    /** The cause-of-action catalogue version and code it was filed under (modules/causes). */
    causeVersion: text('cause_version'),
    causeCode: text('cause_code'),
    /** GB/T 2260 administrative division code. */
    areaCode: text('area_code'),
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

/** A party to the matter: a natural person or an organisation. ID numbers, phones and addresses are sealed at rest. */
export const matterParty = pgTable(
  'matter_party',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matter.id),
    ordinal: integer('ordinal').notNull(),
    type: text('type').notNull(), // person | organisation
    side: text('side').notNull(), // applicant | respondent | third_party
    name: text('name').notNull(),
    idKind: text('id_kind'),
    idNumberSealed: bytea('id_number_sealed'),
    /** Keyed hash of the normalised ID number, to find a person's matters without unsealing. */
    idNumberLookup: text('id_number_lookup'),
    uscc: text('uscc'),
    legalRepresentative: text('legal_representative'),
    phoneSealed: bytea('phone_sealed'),
    addressSealed: bytea('address_sealed'),
    userId: uuid('user_id'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('matter_party_matter_idx').on(t.matterId, t.ordinal), index('matter_party_lookup_idx').on(t.idNumberLookup), index('matter_party_user_idx').on(t.userId)],
);

/** Someone acting for a party: a lawyer (with licence number) or another agent. */
export const matterAgent = pgTable(
  'matter_agent',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matter.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => matterParty.id),
    kind: text('kind').notNull(), // lawyer | other
    name: text('name').notNull(),
    licenceNo: text('licence_no'),
    lawFirm: text('law_firm'),
    phoneSealed: bytea('phone_sealed'),
    userId: uuid('user_id'),
    createdAt: createdAt(),
  },
  (t) => [index('matter_agent_matter_idx').on(t.matterId)],
);

/** One claim (诉讼请求 / 调解请求), its amount in fen when it asks for money. */
export const matterClaim = pgTable(
  'matter_claim',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matter.id),
    ordinal: integer('ordinal').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('matter_claim_matter_idx').on(t.matterId, t.ordinal)],
);

/** A deadline in the matter: who must act by when, and whether they did. */
export const matterDeadline = pgTable(
  'matter_deadline',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matter.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    dueAt: tstz('due_at').notNull(),
    actor: text('actor').notNull(),
    partyId: uuid('party_id').references(() => matterParty.id),
    status: text('status').notNull().default('open'), // open | met | missed
    closedAt: tstz('closed_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('matter_deadline_matter_idx').on(t.matterId, t.dueAt), index('matter_deadline_open_idx').on(t.dueAt).where(sql`status = 'open'`)],
);

/** A document of the e-dossier: a stored file with its catalogue entry. */
export const matterDocument = pgTable(
  'matter_document',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matter.id),
    /** stored_file.id (platform/blobs); the file belongs to this matter. */
    fileId: uuid('file_id').notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    source: text('source').notNull(),
    documentDate: date('document_date', { mode: 'string' }).notNull(),
    pages: integer('pages'),
    visibility: text('visibility').notNull(), // parties | staff
    addedBy: uuid('added_by'),
    createdAt: createdAt(),
  },
  (t) => [index('matter_document_matter_idx').on(t.matterId, t.category, t.documentDate), uniqueIndex('matter_document_file_idx').on(t.matterId, t.fileId)],
);
