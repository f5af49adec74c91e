// Use cases of online filing (网上立案): a party or their lawyer submits a complaint; the court's filing
// clerk accepts it, asks for a correction (with the reasons and a deadline) or refuses it; the filer
// corrects and resubmits; an uncorrected application lapses. Acceptance, in one transaction, opens the
// matter, numbers the case, prices the acceptance fee and creates the payment order.
// Every change appends its event (and so reaches the evidence ledger) in the same transaction.
import type { TFeeEstimateRequest, TFiling, TFilingDecision, TFilingParty, TFilingStatus, TFilingSubmit, TFilingSummary, TMatter, TMatterCreateInput, TPaymentCreate, TPaymentOrder } from '@opencourt/contracts';
import type { z } from 'zod';
import type { ZFilingListQuery } from '@opencourt/contracts';
import { blobsStore } from '../../platform/blobs/index.ts';
import { usersStore, type Actor } from '../../platform/auth/index.ts';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Keyring } from '../../platform/crypto/index.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { renderPdf } from '../../platform/documents/index.ts';
import { appendEvent } from '../../platform/events/index.ts';
import { CommonErrors } from '../../platform/http/index.ts';
import type { Notifier } from '../../platform/notify/index.ts';
import { estimateFee, type FeeSchedule } from '../fees/index.ts';
import { complaintDocument, feeNoticeDocument, refusalRulingDocument } from './filing.documents.ts';
import { FilingErrors } from './filing.errors.ts';
import { filerRoleOf, mayFile, mayRead, mayReview } from './filing.policy.ts';
import { acceptanceFeeRequest, claimsTotal, correctionDeadline, isOverdue, maskIdNumber, nextStatus, type FilingAction } from './filing.rules.ts';
import { filingStore as store, type FilingContent, type FilingPartyRow, type FilingRow } from './filing.store.ts';

/** What filing needs of other modules, passed in by app.ts through their faces. */
export type FilingPorts = {
  createMatter(actor: Actor, input: TMatterCreateInput, tx: Executor): Promise<TMatter>;
  allocateCaseNumber(tx: Executor, courtId: string, typeCode: string): Promise<string>;
  createPaymentOrder(actor: Actor, matterId: string, input: TPaymentCreate, origin: string, tx: Executor): Promise<TPaymentOrder>;
  getPaymentOrder(actor: Actor, orderId: string): Promise<TPaymentOrder>;
};

export type FilingDeps = { db: Db; clock: Clock; id: IdGenerator; keyring: Keyring; notifier: Notifier; schedule: FeeSchedule; ports: FilingPorts };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The filer as the policy sees them when payments act on their behalf (they are the payer of the order). */
export const filerActor = (row: { filerId: string; filerRole: string }): Actor => ({ userId: row.filerId, roles: [row.filerRole as 'party' | 'agent'], organisationId: null, courtId: null });

export function createFilingService(deps: FilingDeps) {
  const { db, clock, id, keyring, notifier, schedule, ports } = deps;

  const openParty = (row: FilingPartyRow): TFilingParty => JSON.parse(keyring.open(row.sealed).toString('utf8')) as TFilingParty;

  async function courtOf(q: Executor, courtId: string) {
    const org = await usersStore.findOrganisation(q, courtId);
    return org?.kind === 'court' ? org : undefined;
  }

  /** The complaint's rows, sealed where sensitive; material files must be the filer's own uploads. */
  async function contentOf(q: Executor, actor: Actor, applicationId: string, input: TFilingSubmit): Promise<FilingContent> {
    const materials: FilingContent['materials'] = [];
    for (const [seq, fileId] of [...new Set(input.materialFileIds)].entries()) {
      const file = await blobsStore.findFile(q, fileId);
      if (!file || file.uploadedBy !== actor.userId) {
        throw FilingErrors.FILING_INVALID_MATERIAL(undefined, { fields: [{ pointer: `/body/materialFileIds/${input.materialFileIds.indexOf(fileId)}`, detail: '文件不存在或不是本人上传' }] });
      }
      materials.push({ applicationId, fileId, seq });
    }
    return {
      parties: input.parties.map((p, seq) => ({
        applicationId,
        seq,
        kind: p.kind,
        side: p.side,
        name: p.name,
        idKind: p.kind === 'person' ? (p.idKind ?? null) : null,
        idNumberMasked: p.kind === 'person' && p.idNumber ? maskIdNumber(p.idNumber.toUpperCase()) : null,
        uscc: p.kind === 'organisation' ? (p.uscc?.toUpperCase() ?? null) : null,
        sealed: keyring.seal(JSON.stringify(p)),
      })),
      claims: input.claims.map((c, seq) => ({ applicationId, seq, description: c.description, amountFen: c.amountFen ?? null })),
      materials,
    };
  }

  async function readable(actor: Actor, applicationId: string, q: Executor = db, lock = false): Promise<FilingRow> {
    const row = await store.get(q, applicationId, { lock });
    // Another court's application, or someone else's, looks missing.
    if (!row || !mayRead(actor, row)) throw FilingErrors.FILING_NOT_FOUND();
    return row;
  }

  /** The state machine's answer for the row, or a clear 409. */
  function transition(row: FilingRow, action: FilingAction): TFilingStatus {
    const next = nextStatus(row.status as TFilingStatus, action);
    if (!next) throw FilingErrors.FILING_INVALID_TRANSITION(`当前状态为 ${row.status}，不能${ACTION_NAMES[action]}`);
    return next;
  }

  async function change(tx: Executor, row: FilingRow, expectedVersion: number, status: TFilingStatus, set: Partial<FilingRow>, actorId: string | null, note: string | null) {
    const now = clock.now();
    if (!(await store.update(tx, row.id, expectedVersion, { ...set, status, updatedAt: now }))) throw FilingErrors.FILING_STALE();
    await store.addHistory(tx, { applicationId: row.id, version: expectedVersion + 1, status, actorId, note, at: now });
    await appendEvent(tx, { type: `filing.${status}`, aggregateType: 'filing', aggregateId: row.id, actorId, payload: { applicationId: row.id, courtId: row.courtId, version: expectedVersion + 1 } });
  }

  /** `known`: an order created in the caller's transaction, which payments cannot read from outside it yet. */
  async function view(actor: Actor, row: FilingRow, q: Executor = db, known?: TPaymentOrder): Promise<TFiling> {
    const c = await store.content(q, row.id);
    const files = await Promise.all(c.materials.map((m) => blobsStore.findFile(q, m.fileId)));
    let payment: TFiling['payment'] = null;
    if (row.paymentOrderId) {
      const order = known?.id === row.paymentOrderId ? known : await ports.getPaymentOrder(actor, row.paymentOrderId).catch(() => undefined);
      if (order) payment = { orderId: order.id, status: order.status, payUrl: order.payUrl, amountFen: order.amountFen };
    }
    return {
      id: row.id,
      courtId: row.courtId,
      courtName: (await courtOf(q, row.courtId))?.name ?? '',
      cause: row.cause,
      status: row.status as TFilingStatus,
      version: row.version,
      // Only the filer and the court's clerks reach here (mayRead); both need the full details.
      parties: c.parties.map((r) => {
        const p = openParty(r);
        return {
          kind: p.kind,
          side: p.side,
          name: p.name,
          idKind: p.kind === 'person' ? (p.idKind ?? null) : null,
          idNumber: p.kind === 'person' ? (p.idNumber ?? null) : null,
          uscc: p.kind === 'organisation' ? (p.uscc ?? null) : null,
          address: p.address,
          phone: p.phone ?? null,
          representative: p.kind === 'organisation' ? (p.representative ?? null) : null,
        };
      }),
      claims: c.claims.map((x) => ({ description: x.description, amountFen: x.amountFen })),
      claimsTotalFen: row.claimsTotalFen,
      facts: row.facts,
      evidence: row.evidence,
      materials: c.materials.map((m, i) => ({ fileId: m.fileId, filename: files[i]?.filename ?? '', size: files[i]?.size ?? 0 })),
      submittedAt: row.submittedAt.toISOString(),
      correction: row.status === 'correction' || row.status === 'lapsed' ? { items: row.correctionItems ?? [], deadline: iso(row.correctionDeadline)! } : null,
      refusalReasons: row.refusalReasons,
      matterId: row.matterId,
      caseNumber: row.caseNumber,
      feeFen: row.feeFen,
      payment,
      history: c.history.map((h) => ({ status: h.status as TFilingStatus, at: h.at.toISOString(), note: h.note })),
    };
  }

  const titleOf = (parties: { side: string; name: string }[], cause: string) => {
    const names = (side: string) => parties.filter((p) => p.side === side).map((p) => p.name).join('、');
    return `${names('plaintiff')}诉${names('defendant')}${cause}`.slice(0, 200);
  };

  async function tell(tx: Executor, row: FilingRow, kind: string, title: string, body: string) {
    await notifier.notify(tx, { userId: row.filerId, kind, title, body, link: `/filings/${row.id}`, channels: ['inapp', 'sms'] });
  }

  return {
    async submit(actor: Actor, input: TFilingSubmit, tx: Executor): Promise<TFiling> {
      if (!mayFile(actor)) throw CommonErrors.FORBIDDEN('网上立案由当事人或其代理人提交');
      if (!(await courtOf(tx, input.courtId))) throw FilingErrors.FILING_UNKNOWN_COURT(undefined, { fields: [{ pointer: '/body/courtId', detail: '受诉法院不存在' }] });
      const now = clock.now();
      const applicationId = id();
      const content = await contentOf(tx, actor, applicationId, input);
      const row = {
        id: applicationId,
        courtId: input.courtId,
        filerId: actor.userId,
        filerRole: filerRoleOf(actor),
        cause: input.cause,
        facts: input.facts,
        evidence: input.evidence,
        claimsTotalFen: claimsTotal(input.claims),
        status: 'submitted',
        version: 1,
        submittedAt: now,
        createdAt: now,
        updatedAt: now,
      };
      await store.insert(tx, row, content);
      await store.addHistory(tx, { applicationId, version: 1, status: 'submitted', actorId: actor.userId, note: null, at: now });
      await appendEvent(tx, { type: 'filing.submitted', aggregateType: 'filing', aggregateId: applicationId, actorId: actor.userId, payload: { applicationId, courtId: input.courtId, version: 1 } });
      return view(actor, (await store.get(tx, applicationId))!, tx);
    },

    /** The filer corrects and resubmits the whole complaint, before the deadline (登记立案规定第七条第二款). */
    async resubmit(actor: Actor, applicationId: string, version: number, input: TFilingSubmit): Promise<TFiling> {
      return db.transaction(async (tx) => {
        const row = await readable(actor, applicationId, tx, true);
        if (row.filerId !== actor.userId) throw FilingErrors.FILING_NOT_FOUND();
        if (row.version !== version) throw FilingErrors.FILING_STALE();
        const status = transition(row, 'resubmit');
        if (isOverdue(row.correctionDeadline, clock.now())) throw FilingErrors.FILING_CORRECTION_OVERDUE(`补正期限为 ${row.correctionDeadline!.toISOString()}`);
        if (input.courtId !== row.courtId) throw CommonErrors.VALIDATION_FAILED(undefined, { fields: [{ pointer: '/body/filing/courtId', detail: '补正时不能更换受诉法院' }] });
        await store.replaceContent(tx, row.id, await contentOf(tx, actor, row.id, input));
        // The 7-day period runs again from the corrected complaint (在线诉讼规则第九条第二项).
        await change(tx, row, version, status, { cause: input.cause, facts: input.facts, evidence: input.evidence, claimsTotalFen: claimsTotal(input.claims), submittedAt: clock.now() }, actor.userId, '已补正');
        return view(actor, (await store.get(tx, row.id))!, tx);
      });
    },

    async decide(actor: Actor, applicationId: string, decision: TFilingDecision, origin: string): Promise<TFiling> {
      return db.transaction(async (tx) => {
        const row = await store.get(tx, applicationId, { lock: true });
        if (!row || !mayReview(actor, row.courtId)) throw FilingErrors.FILING_NOT_FOUND();
        // The version check comes first: a second clerk acting at once learns it was handled.
        if (row.version !== decision.version) throw FilingErrors.FILING_STALE();
        const status = transition(row, decision.action);
        const now = clock.now();
        const base = { decidedBy: actor.userId, decidedAt: now };
        if (decision.action === 'correct') {
          const deadline = correctionDeadline(now, decision.deadlineDays);
          await change(tx, row, row.version, status, { ...base, correctionItems: decision.items, correctionDeadline: deadline }, actor.userId, decision.items.map((i) => i.reason).join('；'));
          await tell(tx, row, 'filing.correction', '立案申请需要补正', `您的${row.cause}立案申请需要补正：${decision.items.map((i) => i.reason).join('；')}。请在 ${deadline.toISOString().slice(0, 10)} 前补正。`);
          return view(actor, (await store.get(tx, row.id))!, tx);
        }
        if (decision.action === 'refuse') {
          await change(tx, row, row.version, status, { ...base, refusalReasons: decision.reasons }, actor.userId, decision.reasons);
          await tell(tx, row, 'filing.refused', '立案申请不予受理', `您的${row.cause}起诉经审查不予受理，可在平台查看裁定书。`);
          return view(actor, (await store.get(tx, row.id))!, tx);
        }
        // Acceptance (登记立案): the matter, its number, the fee and the order commit together or not at all.
        const parties = await store.partiesOf(tx, [row.id]);
        const matter = await ports.createMatter(actor, { title: titleOf(parties, row.cause), courtId: row.courtId, participants: [{ userId: row.filerId, role: row.filerRole as 'party' | 'agent' }] }, tx);
        const caseNumber = await ports.allocateCaseNumber(tx, row.courtId, '民初');
        const fee: TFeeEstimateRequest = acceptanceFeeRequest(row.claimsTotalFen);
        const feeFen = estimateFee(fee, schedule).feeFen;
        // The filer prepays (《诉讼费用交纳办法》第二十条), so the order is theirs.
        const order = await ports.createPaymentOrder(filerActor(row), matter.id, { fee, amountFen: feeFen }, origin, tx);
        await change(tx, row, row.version, status, { ...base, matterId: matter.id, caseNumber, feeFen, paymentOrderId: order.id }, actor.userId, caseNumber);
        await appendEvent(tx, { type: 'filing.case.registered', aggregateType: 'matter', aggregateId: matter.id, actorId: actor.userId, payload: { applicationId: row.id, caseNumber, feeFen, orderId: order.id } });
        await tell(tx, row, 'filing.accepted', '已登记立案', `您的${row.cause}起诉已登记立案，案号${caseNumber}。请在 7 日内预交案件受理费 ${(feeFen / 100).toFixed(2)} 元。`);
        return view(actor, (await store.get(tx, row.id))!, tx, order);
      });
    },

    /** Applications whose correction deadline passed lapse (登记立案规定第七条第三款): the job's work. */
    async lapseOverdue(limit = 100): Promise<number> {
      let lapsed = 0;
      for (const candidate of await store.overdueCorrections(db, clock.now(), limit)) {
        const done = await db.transaction(async (tx) => {
          const row = await store.get(tx, candidate.id, { lock: true });
          if (!row || row.status !== 'correction' || !isOverdue(row.correctionDeadline, clock.now())) return false;
          await change(tx, row, row.version, transition(row, 'lapse'), {}, null, '逾期未补正');
          await tell(tx, row, 'filing.lapsed', '立案申请已失效', `您的${row.cause}立案申请未在期限内补正，已退回。`);
          return true;
        });
        if (done) lapsed++;
      }
      return lapsed;
    },

    courts: () => store.courts(db),

    async get(actor: Actor, applicationId: string): Promise<TFiling> {
      return view(actor, await readable(actor, applicationId));
    },

    async list(actor: Actor, query: z.infer<typeof ZFilingListQuery>): Promise<{ items: TFilingSummary[] }> {
      let rows: FilingRow[];
      if (query.scope === 'queue') {
        if (!actor.courtId || !mayReview(actor, actor.courtId)) return { items: [] };
        const submittedBefore = query.minAgeDays !== undefined ? new Date(clock.now().getTime() - query.minAgeDays * 86_400_000) : undefined;
        rows = await store.queueOfCourt(db, actor.courtId, { status: query.status, submittedBefore });
      } else {
        rows = await store.listOfFiler(db, actor.userId, query.status);
      }
      const parties = await store.partiesOf(db, rows.map((r) => r.id));
      return {
        items: rows.map((r) => ({
          id: r.id,
          title: titleOf(parties.filter((p) => p.applicationId === r.id), r.cause),
          cause: r.cause,
          status: r.status as TFilingStatus,
          version: r.version,
          courtId: r.courtId,
          submittedAt: r.submittedAt.toISOString(),
          caseNumber: r.caseNumber,
          claimsTotalFen: r.claimsTotalFen,
          correctionDeadline: r.status === 'correction' ? iso(r.correctionDeadline) : null,
        })),
      };
    },

    /** The complaint as a PDF, from the application's current data. */
    async complaintPdf(actor: Actor, applicationId: string): Promise<Uint8Array> {
      const row = await readable(actor, applicationId);
      const c = await store.content(db, row.id);
      const files = await Promise.all(c.materials.map((m) => blobsStore.findFile(db, m.fileId)));
      return renderPdf(
        complaintDocument({
          courtName: (await courtOf(db, row.courtId))?.name ?? '',
          cause: row.cause,
          parties: c.parties.map(openParty),
          claims: c.claims.map((x) => ({ description: x.description, amountFen: x.amountFen })),
          facts: row.facts,
          evidence: row.evidence,
          materials: files.map((f) => f?.filename ?? '').filter(Boolean),
          submittedAt: row.submittedAt,
        }),
      );
    },

    async rulingPdf(actor: Actor, applicationId: string): Promise<Uint8Array> {
      const row = await readable(actor, applicationId);
      if (row.status !== 'refused') throw FilingErrors.FILING_NOT_FOUND('该申请没有不予受理裁定');
      const parties = await store.partiesOf(db, [row.id]);
      const names = (side: string) => parties.filter((p) => p.side === side).map((p) => p.name);
      return renderPdf(
        refusalRulingDocument({ courtName: (await courtOf(db, row.courtId))?.name ?? '', cause: row.cause, plaintiffs: names('plaintiff'), defendants: names('defendant'), submittedAt: row.submittedAt, reasons: row.refusalReasons ?? '', decidedAt: row.decidedAt! }),
      );
    },

    async feeNoticePdf(actor: Actor, applicationId: string): Promise<Uint8Array> {
      const row = await readable(actor, applicationId);
      if (row.status !== 'accepted' || row.feeFen === null) throw FilingErrors.FILING_NOT_FOUND('该申请尚未立案，没有交费通知');
      const parties = await store.partiesOf(db, [row.id]);
      const estimate = estimateFee(acceptanceFeeRequest(row.claimsTotalFen), schedule);
      return renderPdf(
        feeNoticeDocument({
          courtName: (await courtOf(db, row.courtId))?.name ?? '',
          caseNumber: row.caseNumber!,
          cause: row.cause,
          payer: parties.filter((p) => p.side === 'plaintiff').map((p) => p.name).join('、'),
          baseFen: row.claimsTotalFen,
          feeFen: row.feeFen,
          acceptedAt: row.decidedAt!,
          rule: estimate.lines.map((l) => `${l.label}：${l.basis}`).join('；').slice(0, 500),
        }),
      );
    },
  };
}

const ACTION_NAMES: Record<FilingAction, string> = { accept: '登记立案', correct: '通知补正', refuse: '不予受理', resubmit: '补正提交', lapse: '失效' };

export type FilingService = ReturnType<typeof createFilingService>;
