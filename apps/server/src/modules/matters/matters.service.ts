// The matter core's use cases. Every change appends its event in the same transaction.
import { ZMatterCreate, type TMatter, type TMatterCreateInput, type TMatterOverview } from '@opencourt/contracts';
import { can, matterReadScope, type Actor, type MatterFacts } from '../../platform/auth/index.ts';
import { createInvalidatedCache, matterTag, userTag, type CacheNotifications } from '../../platform/cache/index.ts';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Keyring } from '../../platform/crypto/index.ts';
import type { LedgerService } from '../../platform/ledger/index.ts';
import type { FileService } from '../../platform/blobs/index.ts';
import { createDossier } from './dossier.service.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events/index.ts';
import { CommonErrors, decodeCursor, pageOf } from '../../platform/http/index.ts';
import { z } from 'zod';
import { MatterErrors } from './matters.errors.ts';
import { mattersStore, type MatterRow, type ParticipantRow } from './matters.store.ts';
import { createMatterRecord } from './record.service.ts';

const facts = (m: MatterRow, participants: ParticipantRow[]): MatterFacts => ({
  type: 'matter',
  courtId: m.courtId,
  filedByOrgId: m.filedByOrgId,
  participants,
});

const summaryView = (m: MatterRow) => ({
  id: m.id,
  title: m.title,
  caseNumber: m.caseNumber,
  stage: m.stage,
  courtId: m.courtId,
  causeVersion: m.causeVersion,
  causeCode: m.causeCode,
  areaCode: m.areaCode,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

type MatterDetail = { matter: MatterRow; participants: ParticipantRow[] };

const STAFF_ROLES = new Set(['judge', 'clerk', 'mediator', 'coordinator']);

export type MatterServiceDeps = {
  db: Db;
  clock: Clock;
  id: IdGenerator;
  /** Seals parties' ID numbers, phones and addresses at rest. */
  keyring: Keyring;
  notifications?: CacheNotifications;
  /** The ledger, for receipt status on the timeline (set once the platform has built it). */
  ledger?: () => Pick<LedgerService, 'lookup'> | undefined;
  /** The file service, for the e-dossier (built after matters, since it asks matters who may read a file). */
  files?: () => Pick<FileService, 'getFile' | 'openContent'> | undefined;
};

export function createMatterService(deps: MatterServiceDeps) {
  const { db, clock, id } = deps;
  const detailFromPool = mattersStore.prepareDetail(db);
  // Reads outside a transaction come from a per-process cache that the database's change
  // notifications keep honest (platform/cache); access is still decided on every read.
  const cache = createInvalidatedCache<MatterDetail>(deps.notifications, { maxEntries: 20_000, maxAgeMs: 60_000 });
  const detail = async (matterId: string): Promise<MatterDetail | undefined> => {
    const now = clock.now();
    const begunAt = cache.begin();
    const cached = cache.get(matterId, now);
    if (cached) return cached;
    const found = await detailFromPool(matterId);
    if (found) cache.set(matterId, found, [matterTag(matterId), ...found.participants.map((p) => userTag(p.userId))], now, begunAt);
    return found;
  };
  const factsIn = async (matterId: string, tx?: Executor) => {
    const found = tx ? await mattersStore.detail(tx, matterId) : await detail(matterId);
    return found && facts(found.matter, found.participants);
  };
  const record = createMatterRecord({ db, clock, id, keyring: deps.keyring, factsOf: factsIn, ledger: deps.ledger });
  const dossier = createDossier({ db, clock, id, factsOf: factsIn, files: () => deps.files?.() });
  return {
    /**
     * A new matter with its parties, agents, claims, cause and area, inside the caller's transaction (other
     * modules — filing, disputes — call it from theirs). Input is validated here too, so callers that did not
     * come through the HTTP schema get the same field-level errors.
     */
    async createMatter(actor: Actor, raw: TMatterCreateInput, tx: Executor = db): Promise<TMatter> {
      if (!can(actor, 'matter.create')) throw CommonErrors.FORBIDDEN();
      const parsed = ZMatterCreate.safeParse(raw);
      if (!parsed.success) {
        throw CommonErrors.VALIDATION_FAILED(undefined, { fields: parsed.error.issues.map((i) => ({ pointer: `/body/${i.path.join('/')}`, detail: i.message, code: i.code })) });
      }
      const input = parsed.data;
      record.checkNew(input);
      const userIds = [...new Set(input.participants.map((p) => p.userId))];
      const known = await mattersStore.existingUserIds(tx, userIds);
      const unknown = input.participants.findIndex((p) => !known.has(p.userId));
      if (unknown >= 0) {
        throw MatterErrors.MATTER_UNKNOWN_PARTICIPANT(undefined, { fields: [{ pointer: `/body/participants/${unknown}/userId`, detail: '用户不存在' }] });
      }
      const now = clock.now();
      const row = {
        id: id(),
        courtId: input.courtId,
        title: input.title,
        stage: 'intake',
        causeVersion: input.cause?.version ?? null,
        causeCode: input.cause?.code ?? null,
        areaCode: input.areaCode ?? null,
        createdBy: actor.userId,
        filedByOrgId: actor.roles.includes('integrator') ? actor.organisationId : null,
        createdAt: now,
        updatedAt: now,
      };
      // The creator takes part, so they can see what they created.
      const creatorRole = actor.roles.includes('agent') ? 'agent' : actor.roles.includes('party') ? 'party' : null;
      const participants = [...input.participants];
      if (creatorRole && !participants.some((p) => p.userId === actor.userId)) participants.push({ userId: actor.userId, role: creatorRole });
      await mattersStore.insert(tx, row, participants);
      await record.insertNew(tx, row.id, input, now);
      await appendEvent(tx, {
        type: 'matter.created',
        aggregateType: 'matter',
        aggregateId: row.id,
        actorId: actor.userId,
        payload: { stage: row.stage, parties: input.parties.length, claims: input.claims.length, ...(input.cause ? { cause: input.cause } : {}) },
      });
      return this.getMatter(actor, row.id, tx);
    },

    /** Not found and not allowed look the same, so ids reveal nothing. */
    async getMatter(actor: Actor, matterId: string, tx?: Executor): Promise<TMatter> {
      const found = tx ? await mattersStore.detail(tx, matterId) : await detail(matterId);
      if (!found || !can(actor, 'matter.read', facts(found.matter, found.participants))) throw MatterErrors.MATTER_NOT_FOUND();
      return { ...summaryView(found.matter), participants: found.participants };
    },

    /**
     * What the access policy needs to know of a matter, for resources other modules keep about it (its
     * files). Inside a transaction pass it: a second connection taken while one is held can exhaust the pool.
     */
    async factsOf(matterId: string, tx?: Executor): Promise<MatterFacts | undefined> {
      return factsIn(matterId, tx);
    },

    /** The matter with everything it holds, as this viewer may see it. */
    async getOverview(actor: Actor, matterId: string, opts: { fresh?: boolean } = {}): Promise<TMatterOverview> {
      // Right after a change, read past the per-process cache, whose invalidation arrives a moment later.
      const matter = await this.getMatter(actor, matterId, opts.fresh ? db : undefined);
      const rest = await record.overview(actor, matter);
      const staff = matter.participants.filter((p) => STAFF_ROLES.has(p.role)).map((p) => ({ userId: p.userId, role: p.role as TMatterOverview['staff'][number]['role'], displayName: p.displayName }));
      return { matter, staff, ...rest };
    },

    addParty: record.addParty,
    updateParty: record.updateParty,
    addAgent: record.addAgent,
    addClaim: record.addClaim,
    updateClaim: record.updateClaim,
    classify: record.classify,
    assignStaff: record.assignStaff,
    addDeadline: record.addDeadline,
    meetDeadline: record.meetDeadline,
    markOverdueDeadlines: record.markOverdue,
    timeline: record.timeline,
    addDocument: dossier.addDocument,
    listDocuments: dossier.listDocuments,

    /** Whether the actor may read the matter (e.g. to join its realtime room). */
    async canRead(actor: Actor, matterId: string): Promise<boolean> {
      const found = await detail(matterId);
      return !!found && can(actor, 'matter.read', facts(found.matter, found.participants));
    },

    async listMatters(actor: Actor, query: { limit: number; cursor?: string }) {
      if (!can(actor, 'matter.list')) return { items: [], nextCursor: null };
      const scope = matterReadScope(actor)!;
      const after = decodeCursor(query.cursor, z.object({ createdAt: z.string(), id: z.string() }));
      const rows = await mattersStore.listVisible(db, scope, query.limit, after);
      const { items, nextCursor } = pageOf(rows, query.limit, (m) => ({ createdAt: m.createdAt.toISOString(), id: m.id }));
      return { items: items.map(summaryView), nextCursor };
    },
  };
}

export type MatterService = ReturnType<typeof createMatterService>;
