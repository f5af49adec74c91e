// All of the mediation module's SQL. Every method takes `db` or `tx` and returns plain rows.
import { and, asc, desc, eq, gt, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { appUser } from '../../platform/auth/auth.tables.ts';
import type { Executor } from '../../platform/db/database.ts';
import {
  mediationAssignment,
  mediationAssignmentMember,
  mediationNode,
  mediatorMembership,
  mediatorProfile,
  routingRule,
  routingRuleRevision,
  triageEntry,
} from './mediation.tables.ts';

export type NodeRow = typeof mediationNode.$inferSelect;
export type ProfileRow = typeof mediatorProfile.$inferSelect;
export type RuleRow = typeof routingRule.$inferSelect;
export type EntryRow = typeof triageEntry.$inferSelect;
export type AssignmentRow = typeof mediationAssignment.$inferSelect;
export type MemberRow = typeof mediationAssignmentMember.$inferSelect;
export type MediatorStats = { total: number; open: number; settled: number; closed: number };
export type MediatorRow = ProfileRow & { name: string; nodeIds: string[]; stats: MediatorStats };

export type QueueFilter = {
  courtId: string;
  status: 'pending' | 'assigned';
  areaPrefix?: string;
  kind?: string;
  urgency?: number;
  receivedBefore?: Date;
  sort: 'urgency' | 'oldest' | 'newest';
  limit: number;
  after?: { u: number; r: string; id: string };
};

const mediatorSelect = {
  profile: mediatorProfile,
  name: appUser.displayName,
  nodeIds: sql<string[]>`coalesce((select array_agg(mm.node_id order by mm.node_id) from ${mediatorMembership} mm where mm.mediator_id = ${mediatorProfile.id}), '{}')`,
  stats: sql<MediatorStats>`(select json_build_object(
      'total', count(*)::int,
      'open', (count(*) filter (where a.outcome = 'open'))::int,
      'settled', (count(*) filter (where a.outcome = 'settled'))::int,
      'closed', (count(*) filter (where a.outcome <> 'open'))::int)
    from ${mediationAssignmentMember} am join ${mediationAssignment} a on a.id = am.assignment_id where am.mediator_id = ${mediatorProfile.id})`,
};
type MediatorSelected = { profile: ProfileRow; name: string; nodeIds: string[]; stats: MediatorStats };
const flatten = (r: MediatorSelected): MediatorRow => ({ ...r.profile, name: r.name, nodeIds: r.nodeIds, stats: r.stats });

export const mediationStore = {
  // ---- network ----
  async nodes(db: Executor, courtId: string): Promise<NodeRow[]> {
    return db.select().from(mediationNode).where(eq(mediationNode.courtId, courtId)).orderBy(asc(mediationNode.areaCode), asc(mediationNode.level), asc(mediationNode.name));
  },
  async node(db: Executor, id: string): Promise<NodeRow | undefined> {
    const [row] = await db.select().from(mediationNode).where(eq(mediationNode.id, id));
    return row;
  },
  async insertNode(db: Executor, row: typeof mediationNode.$inferInsert) {
    await db.insert(mediationNode).values(row);
  },

  // ---- mediators ----
  async mediators(db: Executor, courtId: string, ids?: string[]): Promise<MediatorRow[]> {
    const rows = await db
      .select(mediatorSelect)
      .from(mediatorProfile)
      .innerJoin(appUser, eq(appUser.id, mediatorProfile.userId))
      .where(and(eq(mediatorProfile.courtId, courtId), ids ? inArray(mediatorProfile.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']) : undefined))
      .orderBy(asc(appUser.displayName), asc(mediatorProfile.id));
    return rows.map(flatten);
  },
  async mediatorByUser(db: Executor, userId: string): Promise<ProfileRow | undefined> {
    const [row] = await db.select().from(mediatorProfile).where(eq(mediatorProfile.userId, userId));
    return row;
  },
  /** Locks the profiles in id order, so two assignments naming the same mediators never deadlock. */
  async lockMediators(tx: Executor, ids: string[]) {
    if (!ids.length) return;
    await tx.execute(sql`select id from ${mediatorProfile} where id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)}) order by id for update`);
  },
  async insertMediator(db: Executor, row: typeof mediatorProfile.$inferInsert, nodeIds: string[]) {
    await db.insert(mediatorProfile).values(row);
    await db.insert(mediatorMembership).values(nodeIds.map((nodeId) => ({ mediatorId: row.id, nodeId })));
  },
  /** Applies only if the row is still at `version`; returns whether it did. */
  async updateMediator(db: Executor, id: string, version: number, set: Partial<typeof mediatorProfile.$inferInsert>, nodeIds: string[]): Promise<boolean> {
    const done = await db
      .update(mediatorProfile)
      .set({ ...set, version: version + 1 })
      .where(and(eq(mediatorProfile.id, id), eq(mediatorProfile.version, version)))
      .returning({ id: mediatorProfile.id });
    if (!done.length) return false;
    await db.delete(mediatorMembership).where(eq(mediatorMembership.mediatorId, id));
    await db.insert(mediatorMembership).values(nodeIds.map((nodeId) => ({ mediatorId: id, nodeId })));
    return true;
  },
  async userFacts(db: Executor, userId: string) {
    const [row] = await db.select({ id: appUser.id, roles: appUser.roles, organisationId: appUser.organisationId }).from(appUser).where(eq(appUser.id, userId));
    return row;
  },

  // ---- routing rules ----
  async rules(db: Executor, courtId: string): Promise<RuleRow[]> {
    return db.select().from(routingRule).where(eq(routingRule.courtId, courtId)).orderBy(desc(routingRule.priority), asc(routingRule.areaPrefix), asc(routingRule.id));
  },
  async rule(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<RuleRow | undefined> {
    const q = db.select().from(routingRule).where(eq(routingRule.id, id));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },
  /** Serialises rule edits of one court, so two overlapping rules cannot both pass the overlap check. */
  async lockRules(tx: Executor, courtId: string) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`routing_rule|${courtId}`}))`);
  },
  async insertRule(db: Executor, row: typeof routingRule.$inferInsert) {
    await db.insert(routingRule).values(row);
  },
  async updateRule(db: Executor, id: string, version: number, set: Partial<typeof routingRule.$inferInsert>): Promise<boolean> {
    const done = await db.update(routingRule).set({ ...set, version: version + 1 }).where(and(eq(routingRule.id, id), eq(routingRule.version, version))).returning({ id: routingRule.id });
    return done.length > 0;
  },
  async insertRevision(db: Executor, row: typeof routingRuleRevision.$inferInsert) {
    await db.insert(routingRuleRevision).values(row);
  },
  async revisions(db: Executor, ruleId: string) {
    return db
      .select({ version: routingRuleRevision.version, snapshot: routingRuleRevision.snapshot, changedAt: routingRuleRevision.changedAt, changedBy: appUser.displayName })
      .from(routingRuleRevision)
      .innerJoin(appUser, eq(appUser.id, routingRuleRevision.changedBy))
      .where(eq(routingRuleRevision.ruleId, ruleId))
      .orderBy(desc(routingRuleRevision.version));
  },

  // ---- triage ----
  async insertEntry(db: Executor, row: typeof triageEntry.$inferInsert): Promise<boolean> {
    const done = await db.insert(triageEntry).values(row).onConflictDoNothing().returning({ id: triageEntry.matterId });
    return done.length > 0;
  },
  async entry(db: Executor, matterId: string): Promise<EntryRow | undefined> {
    const [row] = await db.select().from(triageEntry).where(eq(triageEntry.matterId, matterId));
    return row;
  },
  /** Marks the entry assigned if it is still pending at `version` (the optimistic check). */
  async claimEntry(tx: Executor, matterId: string, version: number, now: Date): Promise<EntryRow | undefined> {
    const [row] = await tx
      .update(triageEntry)
      .set({ status: 'assigned', version: version + 1, updatedAt: now })
      .where(and(eq(triageEntry.matterId, matterId), eq(triageEntry.version, version), eq(triageEntry.status, 'pending')))
      .returning();
    return row;
  },
  /** The queue, keyset-paged: `after` is (urgency, receivedAt, matterId) of the last row seen. */
  async queue(db: Executor, f: QueueFilter): Promise<EntryRow[]> {
    const where: (SQL | undefined)[] = [eq(triageEntry.courtId, f.courtId), eq(triageEntry.status, f.status)];
    if (f.areaPrefix) where.push(like(triageEntry.areaCode, `${f.areaPrefix}%`));
    if (f.kind) where.push(eq(triageEntry.disputeKind, f.kind));
    if (f.urgency !== undefined) where.push(eq(triageEntry.urgency, f.urgency));
    if (f.receivedBefore) where.push(lt(triageEntry.receivedAt, f.receivedBefore));
    const a = f.after;
    if (a) {
      const r = new Date(a.r);
      const laterOrSame = or(gt(triageEntry.receivedAt, r), and(eq(triageEntry.receivedAt, r), gt(triageEntry.matterId, a.id)));
      const earlierOrSame = or(lt(triageEntry.receivedAt, r), and(eq(triageEntry.receivedAt, r), lt(triageEntry.matterId, a.id)));
      if (f.sort === 'urgency') where.push(or(lt(triageEntry.urgency, a.u), and(eq(triageEntry.urgency, a.u), laterOrSame)));
      else where.push(f.sort === 'oldest' ? laterOrSame : earlierOrSame);
    }
    const order =
      f.sort === 'urgency'
        ? [desc(triageEntry.urgency), asc(triageEntry.receivedAt), asc(triageEntry.matterId)]
        : f.sort === 'oldest'
          ? [asc(triageEntry.receivedAt), asc(triageEntry.matterId)]
          : [desc(triageEntry.receivedAt), desc(triageEntry.matterId)];
    return db.select().from(triageEntry).where(and(...where)).orderBy(...order).limit(f.limit + 1);
  },

  // ---- assignments ----
  async insertAssignment(tx: Executor, row: typeof mediationAssignment.$inferInsert, members: Omit<MemberRow, 'assignmentId'>[]) {
    await tx.insert(mediationAssignment).values(row);
    await tx.insert(mediationAssignmentMember).values(members.map((m) => ({ ...m, assignmentId: row.id })));
  },
  async currentAssignment(db: Executor, matterId: string): Promise<{ assignment: AssignmentRow; members: (MemberRow & { name: string; nodeName: string })[] } | undefined> {
    const [assignment] = await db.select().from(mediationAssignment).where(eq(mediationAssignment.matterId, matterId)).orderBy(desc(mediationAssignment.assignedAt)).limit(1);
    if (!assignment) return undefined;
    const members = await db
      .select({ member: mediationAssignmentMember, name: appUser.displayName, nodeName: mediationNode.name })
      .from(mediationAssignmentMember)
      .innerJoin(mediatorProfile, eq(mediatorProfile.id, mediationAssignmentMember.mediatorId))
      .innerJoin(appUser, eq(appUser.id, mediatorProfile.userId))
      .innerJoin(mediationNode, eq(mediationNode.id, mediationAssignmentMember.nodeId))
      .where(eq(mediationAssignmentMember.assignmentId, assignment.id))
      .orderBy(desc(mediationAssignmentMember.lead), asc(appUser.displayName));
    return { assignment, members: members.map((m) => ({ ...m.member, name: m.name, nodeName: m.nodeName })) };
  },
  async assignmentsOfUser(db: Executor, userId: string) {
    return db
      .select({ matterId: mediationAssignment.matterId, mode: mediationAssignment.mode, assignedAt: mediationAssignment.assignedAt, lead: mediationAssignmentMember.lead, disputeKind: triageEntry.disputeKind, areaCode: triageEntry.areaCode })
      .from(mediationAssignmentMember)
      .innerJoin(mediatorProfile, eq(mediatorProfile.id, mediationAssignmentMember.mediatorId))
      .innerJoin(mediationAssignment, eq(mediationAssignment.id, mediationAssignmentMember.assignmentId))
      .innerJoin(triageEntry, eq(triageEntry.matterId, mediationAssignment.matterId))
      .where(and(eq(mediatorProfile.userId, userId), eq(mediationAssignment.outcome, 'open')))
      .orderBy(desc(mediationAssignment.assignedAt))
      .limit(200);
  },
  async closeAssignment(tx: Executor, matterId: string, outcome: string, now: Date): Promise<boolean> {
    const done = await tx
      .update(mediationAssignment)
      .set({ outcome, closedAt: now })
      .where(and(eq(mediationAssignment.matterId, matterId), eq(mediationAssignment.outcome, 'open')))
      .returning({ id: mediationAssignment.id });
    return done.length > 0;
  },
};
