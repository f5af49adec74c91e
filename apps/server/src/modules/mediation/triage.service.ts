// Triage (纠纷分拣): disputes registered at intake wait in their court's queue; the coordinator sees the
// routing proposal and the ranked mediators, writes a plan and assigns one mediator or a joint group.
import {
  ZNetworkAreaCode,
  ZDisputeKind,
  ZTriageQuery,
  ZUrgency,
  type TAssignment,
  type TAssignRequest,
  type TDisputeKind,
  type TMatter,
  type TPlatform,
  type TTriageDetail,
  type TTriageItem,
  type TTriageQuery,
  type TUrgency,
} from '@opencourt/contracts';
import { z } from 'zod';
import { can, type Actor, type MatterFacts, type MatterRole } from '../../platform/auth/index.ts';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events/index.ts';
import { CommonErrors, decodeCursor, encodeCursor, type FieldError } from '../../platform/http/index.ts';
import type { Notifier } from '../../platform/notify/index.ts';
import { areaName, isKnownArea } from './mediation.areas.ts';
import { MediationErrors } from './mediation.errors.ts';
import { KIND_NAMES, URGENCY_LEVELS } from './mediation.names.ts';
import { checkAssignment, matchRule, rankMediators, type RuleFacts } from './mediation.rules.ts';
import { mediationStore as store, type EntryRow, type NodeRow } from './mediation.store.ts';
import { mediatorView } from './network.service.ts';

export type TriageMatters = {
  getMatter(actor: Actor, matterId: string, tx?: Executor): Promise<TMatter>;
  factsOf(matterId: string, tx?: Executor): Promise<MatterFacts | undefined>;
  addParticipants(tx: Executor, matterId: string, people: { userId: string; role: MatterRole }[]): Promise<void>;
};

export const ZTriageRegistration = z.strictObject({
  matterId: z.uuid(),
  courtId: z.uuid(),
  disputeKind: ZDisputeKind,
  areaCode: ZNetworkAreaCode.refine(isKnownArea, '未知的地区代码'),
  urgency: ZUrgency.default('normal'),
  receivedAt: z.date(),
});
export type TTriageRegistration = z.input<typeof ZTriageRegistration>;

/**
 * Puts a matter in its court's triage queue, in the caller's transaction (intake calls it when a dispute
 * is submitted). A matter is registered once; a second registration is refused.
 */
export async function registerForTriage(tx: Executor, input: TTriageRegistration, actorId: string | null = null): Promise<void> {
  const parsed = ZTriageRegistration.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ pointer: `/${i.path.join('/')}`, detail: i.message }));
    throw MediationErrors.MEDIATION_INVALID(fields.map((f) => f.detail).join('；'), { fields });
  }
  const e = parsed.data;
  const inserted = await store.insertEntry(tx, {
    matterId: e.matterId,
    courtId: e.courtId,
    disputeKind: e.disputeKind,
    areaCode: e.areaCode,
    urgency: URGENCY_LEVELS.indexOf(e.urgency),
    receivedAt: e.receivedAt,
    updatedAt: e.receivedAt,
  });
  if (!inserted) throw MediationErrors.MEDIATION_ALREADY_REGISTERED();
  await appendEvent(tx, { type: 'triage.registered', aggregateType: 'matter', aggregateId: e.matterId, actorId, payload: { disputeKind: e.disputeKind, areaCode: e.areaCode, urgency: e.urgency } });
}

/** Records how a mediation ended, for the mediators' results (the mediation flow calls it). */
export async function recordMediationOutcome(tx: Executor, matterId: string, outcome: 'settled' | 'failed' | 'withdrawn', now: Date): Promise<boolean> {
  return store.closeAssignment(tx, matterId, outcome, now);
}

const DAY_MS = 86_400_000;
const ZCursor = z.object({ u: z.number().int(), r: z.string(), id: z.string() });

export function createTriageService(deps: { db: Db; clock: Clock; id: IdGenerator; matters: TriageMatters; notifier: Notifier }) {
  const { db, clock, id, matters, notifier } = deps;

  function courtOf(actor: Actor): string {
    if (!can(actor, 'mediation.assign') || !actor.courtId) throw CommonErrors.FORBIDDEN();
    return actor.courtId;
  }

  async function routing(q: Executor, courtId: string) {
    const [nodes, rules] = await Promise.all([store.nodes(q, courtId), store.rules(q, courtId)]);
    const nodeMap = new Map(nodes.map((n) => [n.id, n]));
    const facts: (RuleFacts & { nodeName: string })[] = rules.map((r) => ({
      id: r.id,
      areaPrefix: r.areaPrefix,
      disputeKind: r.disputeKind as TDisputeKind | null,
      nodeId: r.nodeId,
      platform: r.platform as TPlatform | null,
      priority: r.priority,
      active: r.active,
      nodeName: nodeMap.get(r.nodeId)?.name ?? '',
    }));
    return { nodeMap, rules: facts };
  }

  function itemView(e: EntryRow, matter: TMatter, rules: (RuleFacts & { nodeName: string })[]): TTriageItem {
    const rule = matchRule(rules, { areaCode: e.areaCode, disputeKind: e.disputeKind as TDisputeKind });
    return {
      matterId: e.matterId,
      title: matter.title,
      stage: matter.stage,
      disputeKind: e.disputeKind as TDisputeKind,
      areaCode: e.areaCode,
      areaName: areaName(e.areaCode),
      urgency: URGENCY_LEVELS[e.urgency] as TUrgency,
      receivedAt: e.receivedAt.toISOString(),
      ageDays: Math.max(0, Math.floor((clock.now().getTime() - e.receivedAt.getTime()) / DAY_MS)),
      status: e.status as TTriageItem['status'],
      version: e.version,
      proposal: rule ? { ruleId: rule.id, nodeId: rule.nodeId, nodeName: rule.nodeName, platform: rule.platform } : null,
    };
  }

  /** The entry and its matter, when the actor triages for its court; anything else looks missing. */
  async function readableEntry(actor: Actor, matterId: string, q: Executor = db) {
    const courtId = courtOf(actor);
    const entry = await store.entry(q, matterId);
    if (!entry || entry.courtId !== courtId) throw MediationErrors.MEDIATION_NOT_FOUND();
    const matter = await matters.getMatter(actor, matterId, q === db ? undefined : q).catch(() => {
      throw MediationErrors.MEDIATION_NOT_FOUND();
    });
    return { courtId, entry, matter };
  }

  function assignmentView(found: Awaited<ReturnType<typeof store.currentAssignment>>): TAssignment | null {
    if (!found) return null;
    const a = found.assignment;
    return {
      id: a.id,
      matterId: a.matterId,
      mode: a.mode as TAssignment['mode'],
      plan: a.plan,
      members: found.members.map((m) => ({ mediatorId: m.mediatorId, name: m.name, nodeId: m.nodeId, nodeName: m.nodeName, lead: m.lead })),
      assignedAt: a.assignedAt.toISOString(),
      outcome: a.outcome as TAssignment['outcome'],
    };
  }

  return {
    async queue(actor: Actor, raw: TTriageQuery) {
      const courtId = courtOf(actor);
      const query = ZTriageQuery.parse(raw);
      const { nodeMap, rules } = await routing(db, courtId);
      let areaPrefix: string | undefined;
      if (query.nodeId) {
        const node = nodeMap.get(query.nodeId);
        if (!node) throw MediationErrors.MEDIATION_INVALID(undefined, { fields: [{ pointer: '/querystring/nodeId', detail: '调解网络中没有该节点', code: 'unknown' }] });
        areaPrefix = node.areaCode;
      }
      const after = decodeCursor(query.cursor, ZCursor);
      const rows = await store.queue(db, {
        courtId,
        status: query.status,
        areaPrefix,
        kind: query.kind,
        urgency: query.urgency ? URGENCY_LEVELS.indexOf(query.urgency) : undefined,
        receivedBefore: query.minAgeDays !== undefined ? new Date(clock.now().getTime() - query.minAgeDays * DAY_MS) : undefined,
        sort: query.sort,
        limit: query.limit,
        after,
      });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      const nextCursor = rows.length > query.limit && last ? encodeCursor({ u: last.urgency, r: last.receivedAt.toISOString(), id: last.matterId }) : null;
      const titled = await Promise.all(page.map(async (e) => ({ e, matter: await matters.getMatter(actor, e.matterId).catch(() => undefined) })));
      return { items: titled.filter((t) => t.matter).map((t) => itemView(t.e, t.matter!, rules)), nextCursor };
    },

    async detail(actor: Actor, matterId: string): Promise<TTriageDetail> {
      const { courtId, entry, matter } = await readableEntry(actor, matterId);
      const { nodeMap, rules } = await routing(db, courtId);
      const mediators = await store.mediators(db, courtId);
      const ranked = rankMediators(
        { disputeKind: entry.disputeKind as TDisputeKind, areaCode: entry.areaCode },
        mediators.map((m) => ({ ...m, specialties: m.specialties as TDisputeKind[], load: m.stats.open, settled: m.stats.settled, closed: m.stats.closed })),
        clock.now(),
      );
      const assignment = assignmentView(await store.currentAssignment(db, matterId));
      return {
        item: itemView(entry, matter, rules),
        plan: assignment?.plan ?? '',
        suggestions: ranked.slice(0, 30).map((r) => {
          const view = mediatorView(r, nodeMap);
          return { mediatorId: r.id, userId: r.userId, name: r.name, kind: view.kind, nodes: view.nodes, score: r.score, eligible: r.eligible, reasons: r.reasons };
        }),
        assignment,
      };
    },

    /**
     * One click, one transaction: the assignment and its members, the mediators as matter participants,
     * the triage entry marked assigned (only at the version the coordinator saw), the event, and an in-app
     * and SMS notice to each mediator.
     */
    async assign(actor: Actor, matterId: string, input: TAssignRequest, tx: Executor): Promise<TAssignment> {
      const { courtId, entry, matter } = await readableEntry(actor, matterId, tx);
      const facts = await matters.factsOf(matterId, tx);
      if (!facts || !can(actor, 'matter.update', facts)) throw MediationErrors.MEDIATION_NOT_FOUND();
      if (entry.status === 'assigned') throw MediationErrors.MEDIATION_ALREADY_ASSIGNED();
      if (entry.version !== input.version) throw MediationErrors.MEDIATION_STALE(`分拣记录已更新至第 ${entry.version} 版，请刷新后再分派`);

      const ids = [...new Set(input.members.map((m) => m.mediatorId))].sort();
      await store.lockMediators(tx, ids);
      const [mediators, nodes] = await Promise.all([store.mediators(tx, courtId, ids), store.nodes(tx, courtId)]);
      const byId = new Map(mediators.map((m) => [m.id, m]));
      const nodeMap = new Map<string, NodeRow>(nodes.map((n) => [n.id, n]));
      const members = input.members.map((m) => ({ ...m, lead: input.members.length === 1 ? true : (m.lead ?? false) }));
      const now = clock.now();
      const { fields, outsideArea } = checkAssignment(
        entry,
        members.map((m) => {
          const med = byId.get(m.mediatorId);
          return {
            ...m,
            mediator: med && { name: med.name, areaCodes: med.areaCodes, nodeIds: med.nodeIds, load: med.stats.open, maxLoad: med.maxLoad, onLeaveUntil: med.onLeaveUntil },
            node: nodeMap.get(m.nodeId),
          };
        }),
        now,
      );
      if (fields.length) {
        const detail = fields.map((f: FieldError) => f.detail).join('；');
        throw outsideArea ? MediationErrors.MEDIATION_OUTSIDE_AREA(detail, { fields }) : MediationErrors.MEDIATION_INVALID(detail, { fields });
      }

      // The optimistic check: of two coordinators assigning at once, the second finds the version moved.
      const claimed = await store.claimEntry(tx, matterId, input.version, now);
      if (!claimed) {
        const latest = await store.entry(tx, matterId);
        throw latest?.status === 'assigned' ? MediationErrors.MEDIATION_ALREADY_ASSIGNED() : MediationErrors.MEDIATION_STALE();
      }
      const assignmentId = id();
      const mode = members.length > 1 ? 'joint' : 'single';
      await store.insertAssignment(tx, { id: assignmentId, matterId, mode, plan: input.plan, assignedBy: actor.userId, assignedAt: now }, members.map((m) => ({ mediatorId: m.mediatorId, nodeId: m.nodeId, lead: m.lead })));
      await matters.addParticipants(tx, matterId, members.map((m) => ({ userId: byId.get(m.mediatorId)!.userId, role: 'mediator' as const })));
      await appendEvent(tx, {
        type: 'mediation.assigned',
        aggregateType: 'matter',
        aggregateId: matterId,
        actorId: actor.userId,
        payload: { assignmentId, mode, members: members.map((m) => ({ mediatorId: m.mediatorId, nodeId: m.nodeId, lead: m.lead })) },
      });
      const kind = KIND_NAMES[entry.disputeKind as TDisputeKind];
      for (const m of members) {
        const med = byId.get(m.mediatorId)!;
        const role = mode === 'single' ? '' : m.lead ? '（联合调解组牵头人）' : '（联合调解组成员）';
        await notifier.notify(tx, {
          userId: med.userId,
          kind: 'mediation.assigned',
          title: '新的调解指派',
          body: `您已被指派调解「${matter.title}」（${kind}，${areaName(entry.areaCode)}）${role}，请及时联系当事人。`,
          link: `/matters/${matterId}`,
          data: { matterId, assignmentId },
          channels: ['inapp', 'sms'],
        });
      }
      return assignmentView(await store.currentAssignment(tx, matterId))!;
    },

    /** The disputes a mediator has been assigned and that are still open. */
    async myAssignments(actor: Actor) {
      if (!can(actor, 'mediation.read')) throw CommonErrors.FORBIDDEN();
      const rows = await store.assignmentsOfUser(db, actor.userId);
      const items = await Promise.all(
        rows.map(async (r) => {
          const matter = await matters.getMatter(actor, r.matterId).catch(() => undefined);
          return matter && { matterId: r.matterId, title: matter.title, disputeKind: r.disputeKind as TDisputeKind, areaName: areaName(r.areaCode), lead: r.lead, mode: r.mode as 'single' | 'joint', assignedAt: r.assignedAt.toISOString() };
        }),
      );
      return items.filter((i) => !!i);
    },
  };
}

export type TriageService = ReturnType<typeof createTriageService>;
