// The mediation network, mediator pool, routing rules, triage entries and assignments.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from '../../platform/db/columns.ts';

/** One node of a court's "1+5+N" network: the district centre, a town/street sub-centre, or an organisation under one. */
export const mediationNode = pgTable(
  'mediation_node',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull(),
    parentId: uuid('parent_id'),
    level: text('level').notNull(), // centre | sub_centre | organisation
    kind: text('kind').notNull(), // centre | sub_centre | people_committee | industry | platform
    platform: text('platform'), // traffic | property | family | labour | enterprise (specialised platforms)
    name: text('name').notNull(),
    areaCode: text('area_code').notNull(),
    disputeKinds: text('dispute_kinds').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [index('mediation_node_court_idx').on(t.courtId, t.areaCode)],
);

/** A mediator's profile in the pool (调解人才智库); the person is an account with the mediator role. */
export const mediatorProfile = pgTable(
  'mediator_profile',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull(),
    userId: uuid('user_id').notNull().unique(),
    kind: text('kind').notNull(),
    specialties: text('specialties').array().notNull(),
    areaCodes: text('area_codes').array().notNull(),
    availability: jsonb('availability').$type<{ day: number; from: number; to: number }[]>().notNull(),
    onLeaveUntil: tstz('on_leave_until'),
    maxLoad: integer('max_load').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('mediator_profile_court_idx').on(t.courtId)],
);

export const mediatorMembership = pgTable(
  'mediator_membership',
  {
    mediatorId: uuid('mediator_id').notNull().references(() => mediatorProfile.id),
    nodeId: uuid('node_id').notNull().references(() => mediationNode.id),
  },
  (t) => [primaryKey({ columns: [t.mediatorId, t.nodeId] }), index('mediator_membership_node_idx').on(t.nodeId)],
);

/** Area prefix + dispute kind → the proposed organisation and specialised platform. */
export const routingRule = pgTable(
  'routing_rule',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull(),
    areaPrefix: text('area_prefix').notNull(),
    disputeKind: text('dispute_kind'),
    nodeId: uuid('node_id').notNull().references(() => mediationNode.id),
    platform: text('platform'),
    priority: integer('priority').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('routing_rule_court_idx').on(t.courtId)],
);

/** Every version of a rule as it was saved, and who saved it. */
export const routingRuleRevision = pgTable(
  'routing_rule_revision',
  {
    ruleId: uuid('rule_id').notNull().references(() => routingRule.id),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    changedBy: uuid('changed_by').notNull(),
    changedAt: tstz('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.version] })],
);

/** The facts triage needs about a matter, registered at intake; `version` guards concurrent assignment. */
export const triageEntry = pgTable(
  'triage_entry',
  {
    matterId: uuid('matter_id').primaryKey(),
    courtId: uuid('court_id').notNull(),
    disputeKind: text('dispute_kind').notNull(),
    areaCode: text('area_code').notNull(),
    urgency: integer('urgency').notNull(), // 0 normal, 1 urgent, 2 critical
    receivedAt: tstz('received_at').notNull(),
    status: text('status').notNull().default('pending'), // pending | assigned
    version: integer('version').notNull().default(1),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('triage_entry_queue_idx').on(t.courtId, t.status, t.urgency, t.receivedAt)],
);

export const mediationAssignment = pgTable(
  'mediation_assignment',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id').notNull(),
    mode: text('mode').notNull(), // single | joint
    plan: text('plan').notNull(),
    assignedBy: uuid('assigned_by').notNull(),
    assignedAt: tstz('assigned_at').notNull(),
    outcome: text('outcome').notNull().default('open'), // open | settled | failed | withdrawn
    closedAt: tstz('closed_at'),
  },
  (t) => [index('mediation_assignment_matter_idx').on(t.matterId)],
);

export const mediationAssignmentMember = pgTable(
  'mediation_assignment_member',
  {
    assignmentId: uuid('assignment_id').notNull().references(() => mediationAssignment.id),
    mediatorId: uuid('mediator_id').notNull().references(() => mediatorProfile.id),
    nodeId: uuid('node_id').notNull().references(() => mediationNode.id),
    lead: boolean('lead').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.mediatorId] }), index('mediation_assignment_member_mediator_idx').on(t.mediatorId)],
);
