// Use cases of property preservation (财产保全): a party applies before or during litigation with the
// property, the amount and the guarantee; the fee is priced by the Decree and paid through payments; the
// court's clerk grants or refuses with reasons. Pre-litigation applications open their own matter (a
// 财保 case, numbered when granted); in-litigation ones belong to the accepted filing's matter.
import type { TPaymentOrder, TPreservation, TPreservationDecision, TPreservationSubmit } from '@opencourt/contracts';
import type { Actor } from '../../platform/auth/index.ts';
import { appendEvent } from '../../platform/events/index.ts';
import { CommonErrors } from '../../platform/http/index.ts';
import { estimateFee } from '../fees/index.ts';
import { FilingErrors } from './filing.errors.ts';
import { mayFile, mayReview } from './filing.policy.ts';
import { guaranteeProblems, preservationFeeRequest } from './filing.rules.ts';
import type { FilingDeps } from './filing.service.ts';
import { filingStore as store, type PreservationRow } from './filing.store.ts';
import type { Executor } from '../../platform/db/database.ts';

export function createPreservationService(deps: FilingDeps) {
  const { db, clock, id, keyring, notifier, schedule, ports } = deps;

  /** `known`: an order created in the caller's transaction, which payments cannot read from outside it yet. */
  async function view(actor: Actor, row: PreservationRow, q: Executor = db, known?: TPaymentOrder): Promise<TPreservation> {
    const property = await store.propertyOf(q, row.id);
    let payment: TPreservation['payment'] = null;
    if (row.paymentOrderId) {
      const order = known?.id === row.paymentOrderId ? known : await ports.getPaymentOrder(actor, row.paymentOrderId).catch(() => undefined);
      if (order) payment = { orderId: order.id, status: order.status, payUrl: order.payUrl, amountFen: order.amountFen };
    }
    return {
      id: row.id,
      stage: row.stage as TPreservation['stage'],
      courtId: row.courtId,
      filingId: row.filingId,
      matterId: row.matterId,
      caseNumber: row.caseNumber,
      respondent: row.respondent,
      reasons: row.reasons,
      amountFen: row.amountFen,
      property: property.map((p) => ({ kind: p.kind as TPreservation['property'][number]['kind'], description: p.description, location: keyring.open(p.locationSealed).toString('utf8'), valueFen: p.valueFen })),
      guarantee: { kind: row.guaranteeKind as TPreservation['guarantee']['kind'], amountFen: row.guaranteeFen, description: row.guaranteeDescription, exemption: row.guaranteeExemption ?? null },
      feeFen: row.feeFen,
      status: row.status as TPreservation['status'],
      version: row.version,
      decisionReasons: row.decisionReasons,
      submittedAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      payment,
    };
  }

  async function readable(actor: Actor, preservationId: string, q: Executor = db, lock = false) {
    const row = await store.preservation(q, preservationId, { lock });
    if (!row || !(row.applicantId === actor.userId || mayReview(actor, row.courtId))) throw FilingErrors.PRESERVATION_NOT_FOUND();
    return row;
  }

  return {
    async submit(actor: Actor, input: TPreservationSubmit, origin: string, tx: Executor): Promise<TPreservation> {
      if (!mayFile(actor)) throw CommonErrors.FORBIDDEN('保全申请由当事人或其代理人提交');
      const problems = guaranteeProblems(input.stage, input.amountFen, input.guarantee);
      if (problems.length) throw FilingErrors.PRESERVATION_GUARANTEE(problems[0]!.detail, { fields: problems });
      let matterId: string;
      if (input.stage === 'in-litigation') {
        const filing = await store.get(tx, input.filingId!);
        // Only the filer's own accepted case: anything else looks missing.
        if (!filing || filing.filerId !== actor.userId || filing.status !== 'accepted' || !filing.matterId) {
          throw FilingErrors.FILING_NOT_FOUND('没有这个已立案的案件', { fields: [{ pointer: '/body/filingId', detail: '请选择本人已立案的案件' }] });
        }
        if (filing.courtId !== input.courtId) throw CommonErrors.VALIDATION_FAILED(undefined, { fields: [{ pointer: '/body/courtId', detail: '诉讼中保全应向受理案件的法院申请' }] });
        matterId = filing.matterId;
      } else {
        const matter = await ports.createMatter(actor, { title: `申请诉前财产保全（被申请人：${input.respondent}）`.slice(0, 200), courtId: input.courtId, participants: [] }, tx);
        matterId = matter.id;
      }
      const fee = preservationFeeRequest(input.amountFen);
      const feeFen = estimateFee(fee, schedule).feeFen;
      const now = clock.now();
      const rowId = id();
      const order = await ports.createPaymentOrder(actor, matterId, { fee, amountFen: feeFen }, origin, tx);
      await store.insertPreservation(
        tx,
        {
          id: rowId,
          stage: input.stage,
          courtId: input.courtId,
          applicantId: actor.userId,
          filingId: input.filingId ?? null,
          matterId,
          respondent: input.respondent,
          reasons: input.reasons,
          amountFen: input.amountFen,
          guaranteeKind: input.guarantee.kind,
          guaranteeFen: input.guarantee.amountFen,
          guaranteeDescription: input.guarantee.description ?? null,
          guaranteeExemption: input.guarantee.exemption ?? null,
          feeFen,
          paymentOrderId: order.id,
          status: 'submitted',
          version: 1,
          createdAt: now,
        },
        input.property.map((p, seq) => ({ applicationId: rowId, seq, kind: p.kind, description: p.description, locationSealed: keyring.seal(p.location), valueFen: p.valueFen })),
      );
      await appendEvent(tx, { type: 'preservation.submitted', aggregateType: 'matter', aggregateId: matterId, actorId: actor.userId, payload: { preservationId: rowId, stage: input.stage, amountFen: input.amountFen, feeFen } });
      return view(actor, (await store.preservation(tx, rowId))!, tx, order);
    },

    async decide(actor: Actor, preservationId: string, decision: TPreservationDecision): Promise<TPreservation> {
      return db.transaction(async (tx) => {
        const row = await store.preservation(tx, preservationId, { lock: true });
        if (!row || !mayReview(actor, row.courtId)) throw FilingErrors.PRESERVATION_NOT_FOUND();
        if (row.version !== decision.version) throw FilingErrors.FILING_STALE();
        if (row.status !== 'submitted') throw FilingErrors.FILING_INVALID_TRANSITION('该保全申请已处理');
        const granted = decision.action === 'grant';
        // A granted pre-litigation application is a case of its own (类型代字 财保).
        const caseNumber = granted && row.stage === 'pre-litigation' ? await ports.allocateCaseNumber(tx, row.courtId, '财保') : row.caseNumber;
        const now = clock.now();
        if (!(await store.updatePreservation(tx, row.id, row.version, { status: granted ? 'granted' : 'refused', decisionReasons: decision.reasons, decidedBy: actor.userId, decidedAt: now, caseNumber }))) throw FilingErrors.FILING_STALE();
        await appendEvent(tx, { type: granted ? 'preservation.granted' : 'preservation.refused', aggregateType: 'matter', aggregateId: row.matterId!, actorId: actor.userId, payload: { preservationId: row.id, caseNumber } });
        await notifier.notify(tx, {
          userId: row.applicantId,
          kind: granted ? 'preservation.granted' : 'preservation.refused',
          title: granted ? '保全申请已准许' : '保全申请已驳回',
          body: `您对${row.respondent}的财产保全申请${granted ? '已裁定准许' : '已裁定驳回'}：${decision.reasons}`.slice(0, 2000),
          link: `/preservations/${row.id}`,
          channels: ['inapp', 'sms'],
        });
        return view(actor, (await store.preservation(tx, row.id))!, tx);
      });
    },

    async get(actor: Actor, preservationId: string): Promise<TPreservation> {
      return view(actor, await readable(actor, preservationId));
    },

    async list(actor: Actor, scope: 'mine' | 'queue'): Promise<{ items: TPreservation[] }> {
      if (scope === 'queue' && !(actor.courtId && mayReview(actor, actor.courtId))) return { items: [] };
      const rows = await store.preservationsOf(db, scope === 'queue' ? { courtId: actor.courtId! } : { applicantId: actor.userId });
      return { items: await Promise.all(rows.map((r) => view(actor, r))) };
    },
  };
}

export type PreservationService = ReturnType<typeof createPreservationService>;
