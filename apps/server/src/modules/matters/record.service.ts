// Use cases on what a matter holds: parties, agents, claims, cause, area, staff, deadlines. Every change runs
// in one transaction with its event; events carry ids and kinds only, never personal data (they are published
// to the matter's realtime room and hashed onto the ledger).
import type { TAgentInput, TClaimInput, TDeadlineView, TMatterOverview, TPartyInput, TPartyView, TTimeline } from '@opencourt/contracts';
import { ZDeadlineInput, ZPartyUpdate, ZClaimUpdate, ZStaffAssign } from '@opencourt/contracts';
import type { z } from 'zod';
import { can, type Actor, type MatterFacts } from '../../platform/auth/index.ts';
import { usersStore } from '../../platform/auth/index.ts';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import { normalisePhone, type Keyring } from '../../platform/crypto/index.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events/index.ts';
import { eventSubjectDigest, type LedgerService } from '../../platform/ledger/index.ts';
import { checkIdNumber, checkUscc } from '@opencourt/contracts';
import { causeCatalogue, fileable } from '../causes/index.ts';
import { checkAreaCode } from './areas.rules.ts';
import { MatterErrors, MatterRecordErrors } from './matters.errors.ts';
import { mattersStore } from './matters.store.ts';
import { agentView, claimView, deadlineView, ownPartyIds, partyView, timelineVisible, type AgentPlain, type PartyPlain, type Viewer } from './matters.views.ts';
import { recordStore, type AgentRow, type PartyRow } from './record.store.ts';

type RecordDeps = {
  db: Db;
  clock: Clock;
  id: IdGenerator;
  keyring: Keyring;
  /** The matter's access facts, read inside the caller's transaction when one is given. */
  factsOf: (matterId: string, tx?: Executor) => Promise<MatterFacts | undefined>;
  /** Receipts for the timeline; absent where no ledger runs. */
  ledger?: () => Pick<LedgerService, 'lookup'> | undefined;
};

export type NewRecord = {
  parties: TPartyInput[];
  agents: (Omit<TAgentInput, 'partyId'> & { partyIndex: number })[];
  claims: TClaimInput[];
  cause?: { version: string; code: string };
  areaCode?: string;
};

/**
 * ledger.lookup reads the leaf, then the queue entry; when the sequencer integrates the entry between the two
 * reads it reports the log as damaged. Asking again sees the leaf.
 */
async function lookupSettled(ledger: Pick<LedgerService, 'lookup'>, digest: string) {
  try {
    return await ledger.lookup(digest);
  } catch (err) {
    if ((err as { code?: string }).code !== 'LEDGER_DAMAGED') throw err;
    return ledger.lookup(digest);
  }
}

const fieldError = (pointer: string, detail: string) => ({ fields: [{ pointer, detail }] });

export function createMatterRecord(deps: RecordDeps) {
  const { db, clock, id, keyring } = deps;
  const seal = (v: string | null | undefined) => (v == null ? null : keyring.seal(v));
  const open = (v: Buffer | null) => (v === null ? null : keyring.open(v).toString('utf8'));

  const partyRow = (matterId: string, ordinal: number, p: TPartyInput, now: Date): typeof import('./matters.tables.ts').matterParty.$inferInsert => {
    const idNumber = p.type === 'person' ? checkIdNumber(p.idNumber, p.idKind).normalised : null;
    return {
      id: id(),
      matterId,
      ordinal,
      type: p.type,
      side: p.side,
      name: p.name,
      idKind: p.type === 'person' ? p.idKind : null,
      idNumberSealed: seal(idNumber),
      idNumberLookup: idNumber ? keyring.lookup(`id:${idNumber}`) : null,
      uscc: p.type === 'organisation' ? checkUscc(p.uscc).normalised : null,
      legalRepresentative: p.type === 'organisation' ? p.legalRepresentative : null,
      phoneSealed: seal(p.phone ? normalisePhone(p.phone) : null),
      addressSealed: seal(p.address),
      userId: p.userId ?? null,
      createdAt: now,
      updatedAt: now,
    };
  };
  const agentRow = (matterId: string, partyId: string, a: Omit<TAgentInput, 'partyId'>, now: Date) => ({
    id: id(),
    matterId,
    partyId,
    kind: a.kind,
    name: a.name,
    licenceNo: a.licenceNo ?? null,
    lawFirm: a.lawFirm ?? null,
    phoneSealed: seal(a.phone ? normalisePhone(a.phone) : null),
    userId: a.userId ?? null,
    createdAt: now,
  });
  const plainParty = (r: PartyRow): PartyPlain => ({
    id: r.id,
    type: r.type as PartyPlain['type'],
    side: r.side as PartyPlain['side'],
    name: r.name,
    idKind: r.idKind as PartyPlain['idKind'],
    idNumber: open(r.idNumberSealed),
    uscc: r.uscc,
    legalRepresentative: r.legalRepresentative,
    phone: open(r.phoneSealed),
    address: open(r.addressSealed),
    userId: r.userId,
  });
  const plainAgent = (r: AgentRow): AgentPlain => ({ id: r.id, partyId: r.partyId, kind: r.kind as AgentPlain['kind'], name: r.name, licenceNo: r.licenceNo, lawFirm: r.lawFirm, phone: open(r.phoneSealed), userId: r.userId });

  /** Users named as linked accounts must exist; each missing one is reported at its own field. */
  async function checkUsers(tx: Executor, refs: { userId?: string | null; pointer: string }[]) {
    const ids = refs.flatMap((r) => (r.userId ? [r.userId] : []));
    const known = await mattersStore.existingUserIds(tx, [...new Set(ids)]);
    const missing = refs.filter((r) => r.userId && !known.has(r.userId));
    if (missing.length) throw MatterRecordErrors.MATTER_UNKNOWN_USER(undefined, { fields: missing.map((m) => ({ pointer: m.pointer, detail: '用户不存在' })) });
  }

  function checkCause(cause: { version: string; code: string } | undefined, pointer: string) {
    if (!cause) return;
    if (!causeCatalogue.info(cause.version)) throw MatterRecordErrors.MATTER_INVALID_CAUSE(undefined, fieldError(`${pointer}/version`, `可用版本：${causeCatalogue.versions().join('、')}`));
    const hit = causeCatalogue.find(cause.version, cause.code);
    if (!hit || !fileable(hit)) throw MatterRecordErrors.MATTER_INVALID_CAUSE(undefined, fieldError(`${pointer}/code`, hit ? '第一级案由不能直接作为案件案由' : `${cause.version} 版案由规定中没有代码 ${cause.code}`));
  }

  function checkArea(code: string | undefined, pointer: string) {
    if (code === undefined) return;
    const r = checkAreaCode(code);
    if (!r.valid) throw MatterRecordErrors.MATTER_INVALID_AREA(undefined, fieldError(pointer, r.reason));
  }

  /** Facts of a matter the actor may change; not found and not readable look the same. */
  async function editable(actor: Actor, matterId: string, tx: Executor): Promise<MatterFacts> {
    const facts = await deps.factsOf(matterId, tx);
    if (!facts || !can(actor, 'matter.read', facts)) throw MatterErrors.MATTER_NOT_FOUND();
    if (!can(actor, 'matter.update', facts)) throw MatterRecordErrors.MATTER_UPDATE_FORBIDDEN();
    return facts;
  }
  async function readable(actor: Actor, matterId: string, tx: Executor = db): Promise<MatterFacts> {
    const facts = await deps.factsOf(matterId, tx);
    if (!facts || !can(actor, 'matter.read', facts)) throw MatterErrors.MATTER_NOT_FOUND();
    return facts;
  }

  async function viewerOf(actor: Actor, facts: MatterFacts, parties: PartyPlain[], agents: AgentPlain[]): Promise<Viewer> {
    return can(actor, 'matter.update', facts) ? { kind: 'staff' } : { kind: 'party', userId: actor.userId, ownPartyIds: ownPartyIds(actor.userId, parties, agents) };
  }

  const event = (tx: Executor, actor: Actor, matterId: string, type: string, payload: Record<string, unknown>) =>
    appendEvent(tx, { type, aggregateType: 'matter', aggregateId: matterId, actorId: actor.userId, payload });

  return {
    /** Validation that needs no database: run before anything is written. */
    checkNew(input: NewRecord) {
      checkCause(input.cause, '/body/cause');
      checkArea(input.areaCode, '/body/areaCode');
      input.agents.forEach((a, i) => {
        if (a.partyIndex >= input.parties.length) throw MatterRecordErrors.MATTER_UNKNOWN_PARTY(undefined, fieldError(`/body/agents/${i}/partyIndex`, '没有这一序号的当事人'));
      });
    },

    /** Writes a new matter's parties, agents and claims inside the caller's transaction (the matter row exists). */
    async insertNew(tx: Executor, matterId: string, input: NewRecord, now: Date): Promise<string[]> {
      await checkUsers(tx, [
        ...input.parties.map((p, i) => ({ userId: p.userId, pointer: `/body/parties/${i}/userId` })),
        ...input.agents.map((a, i) => ({ userId: a.userId, pointer: `/body/agents/${i}/userId` })),
      ]);
      const parties = input.parties.map((p, i) => partyRow(matterId, i, p, now));
      await recordStore.insertParties(tx, parties);
      await recordStore.insertAgents(tx, input.agents.map((a) => agentRow(matterId, parties[a.partyIndex]!.id, a, now)));
      await recordStore.insertClaims(tx, input.claims.map((c, i) => ({ id: id(), matterId, ordinal: i, kind: c.kind, description: c.description, amountFen: c.amountFen, createdAt: now, updatedAt: now })));
      // Linked accounts take part in the matter, which is what lets them see it.
      const linkedUsers: string[] = [];
      for (const p of input.parties) if (p.userId) (await recordStore.addParticipant(tx, matterId, p.userId, 'party'), linkedUsers.push(p.userId));
      for (const a of input.agents) if (a.userId) (await recordStore.addParticipant(tx, matterId, a.userId, 'agent'), linkedUsers.push(a.userId));
      return linkedUsers;
    },

    async addParty(actor: Actor, matterId: string, input: TPartyInput, tx: Executor): Promise<TPartyView> {
      await editable(actor, matterId, tx);
      await checkUsers(tx, [{ userId: input.userId, pointer: '/body/userId' }]);
      const now = clock.now();
      const row = partyRow(matterId, await recordStore.nextOrdinal(tx, matterId, 'party'), input, now);
      await recordStore.insertParties(tx, [row]);
      if (input.userId) await recordStore.addParticipant(tx, matterId, input.userId, 'party');
      await recordStore.setHeader(tx, matterId, { updatedAt: now });
      await event(tx, actor, matterId, 'matter.party_added', { partyId: row.id, side: row.side, type: row.type });
      return partyView(plainParty(row as PartyRow), { kind: 'staff' });
    },

    async updateParty(actor: Actor, matterId: string, partyId: string, change: z.infer<typeof ZPartyUpdate>): Promise<TPartyView> {
      return db.transaction(async (tx) => {
        await editable(actor, matterId, tx);
        const row = await recordStore.party(tx, matterId, partyId);
        if (!row) throw MatterRecordErrors.PARTY_NOT_FOUND();
        if (change.userId) await checkUsers(tx, [{ userId: change.userId, pointer: '/body/userId' }]);
        const now = clock.now();
        const set: Partial<PartyRow> = { updatedAt: now };
        if (change.name !== undefined) set.name = change.name;
        if (change.side !== undefined) set.side = change.side;
        if (change.phone !== undefined) set.phoneSealed = seal(change.phone === null ? null : normalisePhone(change.phone));
        if (change.address !== undefined) set.addressSealed = seal(change.address);
        if (change.legalRepresentative !== undefined && row.type === 'organisation') set.legalRepresentative = change.legalRepresentative;
        if (change.userId !== undefined) set.userId = change.userId;
        await recordStore.updateParty(tx, partyId, set);
        if (change.userId) await recordStore.addParticipant(tx, matterId, change.userId, 'party');
        // Unlinking an account takes its access away, unless it is still linked to another party here.
        if (change.userId !== undefined && row.userId && row.userId !== change.userId) await recordStore.removePartyAccessIfUnlinked(tx, matterId, row.userId);
        await recordStore.setHeader(tx, matterId, { updatedAt: now });
        await event(tx, actor, matterId, 'matter.party_updated', { partyId, fields: Object.keys(change).sort() });
        return partyView(plainParty({ ...row, ...set } as PartyRow), { kind: 'staff' });
      });
    },

    async addAgent(actor: Actor, matterId: string, input: TAgentInput, tx: Executor) {
      await editable(actor, matterId, tx);
      if (!(await recordStore.party(tx, matterId, input.partyId))) throw MatterRecordErrors.MATTER_UNKNOWN_PARTY(undefined, fieldError('/body/partyId', '本案没有这一当事人'));
      await checkUsers(tx, [{ userId: input.userId, pointer: '/body/userId' }]);
      const now = clock.now();
      const row = agentRow(matterId, input.partyId, input, now);
      await recordStore.insertAgents(tx, [row]);
      if (input.userId) await recordStore.addParticipant(tx, matterId, input.userId, 'agent');
      await recordStore.setHeader(tx, matterId, { updatedAt: now });
      await event(tx, actor, matterId, 'matter.agent_added', { agentId: row.id, partyId: input.partyId, kind: input.kind });
      return agentView(plainAgent(row as AgentRow), { kind: 'staff' });
    },

    async addClaim(actor: Actor, matterId: string, input: TClaimInput, tx: Executor) {
      await editable(actor, matterId, tx);
      const now = clock.now();
      const row = { id: id(), matterId, ordinal: await recordStore.nextOrdinal(tx, matterId, 'claim'), kind: input.kind, description: input.description, amountFen: input.amountFen, createdAt: now, updatedAt: now };
      await recordStore.insertClaims(tx, [row]);
      await recordStore.setHeader(tx, matterId, { updatedAt: now });
      await event(tx, actor, matterId, 'matter.claim_added', { claimId: row.id, kind: row.kind, amountFen: row.amountFen });
      return claimView(row);
    },

    async updateClaim(actor: Actor, matterId: string, claimId: string, change: z.infer<typeof ZClaimUpdate>) {
      return db.transaction(async (tx) => {
        await editable(actor, matterId, tx);
        const row = await recordStore.claim(tx, matterId, claimId);
        if (!row) throw MatterRecordErrors.CLAIM_NOT_FOUND();
        const now = clock.now();
        const next = { ...row, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)), updatedAt: now };
        await recordStore.updateClaim(tx, claimId, { kind: next.kind, description: next.description, amountFen: next.amountFen, updatedAt: now });
        await recordStore.setHeader(tx, matterId, { updatedAt: now });
        await event(tx, actor, matterId, 'matter.claim_updated', { claimId, fields: Object.keys(change).sort() });
        return claimView(next);
      });
    },

    /** Sets the cause of action and/or the area (either may be cleared with null). */
    async classify(actor: Actor, matterId: string, change: { cause?: { version: string; code: string } | null; areaCode?: string | null }) {
      if (change.cause) checkCause(change.cause, '/body/cause');
      if (change.areaCode) checkArea(change.areaCode, '/body/areaCode');
      return db.transaction(async (tx) => {
        await editable(actor, matterId, tx);
        const now = clock.now();
        await recordStore.setHeader(tx, matterId, {
          ...(change.cause !== undefined ? { causeVersion: change.cause?.version ?? null, causeCode: change.cause?.code ?? null } : {}),
          ...(change.areaCode !== undefined ? { areaCode: change.areaCode } : {}),
          updatedAt: now,
        });
        await event(tx, actor, matterId, 'matter.classified', { ...(change.cause !== undefined ? { cause: change.cause } : {}), ...(change.areaCode !== undefined ? { areaCode: change.areaCode } : {}) });
      });
    },

    async assignStaff(actor: Actor, matterId: string, input: z.infer<typeof ZStaffAssign>) {
      return db.transaction(async (tx) => {
        await editable(actor, matterId, tx);
        const user = await usersStore.findUserById(tx, input.userId);
        if (!user) throw MatterRecordErrors.MATTER_UNKNOWN_USER(undefined, fieldError('/body/userId', '用户不存在'));
        if (!user.roles.includes(input.role)) throw MatterRecordErrors.MATTER_STAFF_ROLE_MISMATCH(undefined, fieldError('/body/role', `该用户不是${input.role}`));
        await recordStore.addParticipant(tx, matterId, input.userId, input.role);
        await recordStore.setHeader(tx, matterId, { updatedAt: clock.now() });
        await event(tx, actor, matterId, 'matter.staff_assigned', { userId: input.userId, role: input.role });
        return { userId: user.id, role: input.role, displayName: user.displayName };
      });
    },

    async addDeadline(actor: Actor, matterId: string, input: z.infer<typeof ZDeadlineInput>, tx: Executor): Promise<TDeadlineView> {
      await editable(actor, matterId, tx);
      if (input.partyId && !(await recordStore.party(tx, matterId, input.partyId))) throw MatterRecordErrors.MATTER_UNKNOWN_PARTY(undefined, fieldError('/body/partyId', '本案没有这一当事人'));
      const row = { id: id(), matterId, kind: input.kind, title: input.title, dueAt: new Date(input.dueAt), actor: input.actor, partyId: input.partyId ?? null, status: 'open', closedAt: null, createdBy: actor.userId, createdAt: clock.now() };
      await recordStore.insertDeadline(tx, row);
      await event(tx, actor, matterId, 'matter.deadline_set', { deadlineId: row.id, kind: row.kind, dueAt: row.dueAt.toISOString(), actor: row.actor });
      return deadlineView(row);
    },

    async meetDeadline(actor: Actor, matterId: string, deadlineId: string): Promise<TDeadlineView> {
      return db.transaction(async (tx) => {
        await editable(actor, matterId, tx);
        const row = await recordStore.deadline(tx, matterId, deadlineId);
        if (!row) throw MatterRecordErrors.DEADLINE_NOT_FOUND();
        if (row.status !== 'open') throw MatterRecordErrors.DEADLINE_CLOSED();
        const now = clock.now();
        await recordStore.closeDeadline(tx, deadlineId, 'met', now);
        await event(tx, actor, matterId, 'matter.deadline_met', { deadlineId });
        return deadlineView({ ...row, status: 'met', closedAt: now });
      });
    },

    /** Marks open deadlines past due as missed, each with its event; safe to run in several processes at once. */
    async markOverdue(limit = 500): Promise<number> {
      return db.transaction(async (tx) => {
        const now = clock.now();
        const rows = await recordStore.overdue(tx, now, limit);
        for (const d of rows) {
          await recordStore.closeDeadline(tx, d.id, 'missed', now);
          await appendEvent(tx, { type: 'matter.deadline_missed', aggregateType: 'matter', aggregateId: d.matterId, actorId: null, payload: { deadlineId: d.id, kind: d.kind, dueAt: d.dueAt.toISOString() } });
        }
        return rows.length;
      });
    },

    /** Everything a viewer may see of the matter's record, through the viewer's view functions. */
    async overview(actor: Actor, matter: TMatterOverview['matter']): Promise<Omit<TMatterOverview, 'matter' | 'staff'>> {
      const facts = await readable(actor, matter.id);
      const [partyRows, agentRows, claimRows, deadlineRows] = await Promise.all([
        recordStore.parties(db, matter.id),
        recordStore.agents(db, matter.id),
        recordStore.claims(db, matter.id),
        recordStore.deadlines(db, matter.id),
      ]);
      const parties = partyRows.map(plainParty);
      const agents = agentRows.map(plainAgent);
      const viewer = await viewerOf(actor, facts, parties, agents);
      const cause = matter.causeVersion && matter.causeCode ? causeCatalogue.find(matter.causeVersion, matter.causeCode) : undefined;
      const area = matter.areaCode ? checkAreaCode(matter.areaCode) : undefined;
      return {
        cause: cause ? { version: matter.causeVersion!, code: cause.code, name: cause.name, path: cause.path } : null,
        area: area?.valid ? { code: area.code, name: area.name, path: area.path } : null,
        parties: parties.map((p) => partyView(p, viewer)),
        agents: agents.map((a) => agentView(a, viewer)),
        claims: claimRows.map(claimView),
        deadlines: deadlineRows.map(deadlineView),
      };
    },

    /** The matter's events with their ledger receipt status, oldest first. */
    async timeline(actor: Actor, matterId: string): Promise<TTimeline> {
      const facts = await readable(actor, matterId);
      const viewer: Viewer = can(actor, 'matter.update', facts) ? { kind: 'staff' } : { kind: 'party', userId: actor.userId, ownPartyIds: new Set() };
      const rows = (await recordStore.events(db, matterId, 1000)).filter((r) => timelineVisible(viewer, r.event.type));
      const ledger = deps.ledger?.();
      const items = await Promise.all(
        rows.map(async ({ event: e, actorName }) => {
          const digest = eventSubjectDigest({ id: e.id, type: e.type, aggregateType: e.aggregateType, aggregateId: e.aggregateId, occurredAt: e.occurredAt, payload: e.payload }).toString('hex');
          const found = ledger ? await lookupSettled(ledger, digest) : { status: 'unknown' as const };
          return {
            id: String(e.id),
            type: e.type,
            occurredAt: e.occurredAt.toISOString(),
            actorName: actorName ?? null,
            receipt: { status: found.status, digest, url: found.status === 'recorded' ? `/api/v1/ledger/receipts/${digest}` : null },
          };
        }),
      );
      return { items };
    },
  };
}

export type MatterRecord = ReturnType<typeof createMatterRecord>;
