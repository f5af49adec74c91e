// Judicial confirmation, the parties' side: each party applies with one click once the agreement is in
// force; the application goes to the court when every party has (共同申请, 民事诉讼法 art. 205). The
// other side is told when one applies. The court's review comes in the judge's studio.
import type { TConfirmation } from '@opencourt/contracts';
import { can, type Actor, type MatterFacts } from '../../platform/auth/index.ts';
import { chinaDate, type Clock, type IdGenerator } from '../../platform/clock/index.ts';
import type { Db, Executor, Tx } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events/index.ts';
import type { Notifier } from '../../platform/notify/index.ts';
import type { AgreementFacts } from '../agreements/index.ts';
import { CHINA_REST_DAYS } from '../risk/index.ts';
import { ConfirmationErrors as E } from './confirmation.errors.ts';
import { applicationLastDay, applicationRefusal, jointlyApplied } from './confirmation.rules.ts';
import { confirmationStore, type ApplicantRow, type ApplicationRow } from './confirmation.store.ts';

export type ConfirmationDeps = {
  db: Db;
  clock: Clock;
  id: IdGenerator;
  agreements: { factsOf(tx: Executor, agreementId: string): Promise<AgreementFacts | undefined> };
  matters: { factsOf(matterId: string, tx?: Executor): Promise<MatterFacts | undefined> };
  notifier: Pick<Notifier, 'notify'>;
};

const view = (a: ApplicationRow, applicants: ApplicantRow[]): TConfirmation => ({
  id: a.id,
  matterId: a.matterId,
  agreementId: a.agreementId,
  status: a.status as TConfirmation['status'],
  version: a.version,
  applicants: applicants.map((p) => ({ userId: p.userId, appliedAt: p.appliedAt?.toISOString() ?? null })),
  lastDay: a.lastDay,
  submittedAt: a.submittedAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
});

const REFUSALS = {
  'agreement-not-in-force': () => E.CONFIRMATION_AGREEMENT_NOT_IN_FORCE(),
  'too-late': () => E.CONFIRMATION_TOO_LATE(),
  'not-a-party': () => E.CONFIRMATION_NOT_A_PARTY(),
  'already-applied': () => E.CONFIRMATION_ALREADY_APPLIED(),
} as const;

export function createConfirmationService(deps: ConfirmationDeps) {
  const { db, clock, id } = deps;

  /** The agreement if the actor may read its matter; not found and not allowed look the same. */
  async function readableAgreement(actor: Actor, agreementId: string, tx: Executor) {
    const agreement = await deps.agreements.factsOf(tx, agreementId);
    const facts = agreement && (await deps.matters.factsOf(agreement.matterId, tx));
    if (!agreement || !facts || !can(actor, 'matter.read', facts)) throw E.CONFIRMATION_NOT_FOUND();
    return agreement;
  }

  return {
    /** One party's click. Two parties clicking at once both land: the row lock orders them. */
    async apply(actor: Actor, agreementId: string, tx: Tx): Promise<TConfirmation> {
      const agreement = await readableAgreement(actor, agreementId, tx);
      const now = clock.now();
      const existing = await confirmationStore.byAgreement(tx, agreementId);
      const applied = existing ? (await confirmationStore.applicants(tx, existing.id)).filter((p) => p.appliedAt).map((p) => p.userId) : [];
      const refusal = applicationRefusal({
        agreementStatus: agreement.status,
        agreementEffectiveOn: agreement.effectiveOn,
        today: chinaDate(now),
        calendar: CHINA_REST_DAYS,
        partyIds: agreement.partyIds,
        appliedIds: applied,
        userId: actor.userId,
      });
      if (refusal) throw REFUSALS[refusal]();
      const application = await confirmationStore.ensure(
        tx,
        { id: id(), matterId: agreement.matterId, agreementId, status: 'applying', version: 1, lastDay: applicationLastDay(agreement.effectiveOn!, CHINA_REST_DAYS), createdAt: now, updatedAt: now },
        agreement.partyIds,
      );
      // Re-read under the lock: another party may have applied while this request was checking.
      const before = await confirmationStore.applicants(tx, application.id);
      if (before.some((p) => p.userId === actor.userId && p.appliedAt)) throw E.CONFIRMATION_ALREADY_APPLIED();
      await confirmationStore.markApplied(tx, application.id, actor.userId, now);
      const appliedNow = [...before.filter((p) => p.appliedAt).map((p) => p.userId), actor.userId];
      const payload = { matterId: agreement.matterId, agreementId, agreementSha256: agreement.sha256 };
      await appendEvent(tx, { type: 'confirmation.applied', aggregateType: 'confirmation_application', aggregateId: application.id, actorId: actor.userId, payload });
      if (jointlyApplied(agreement.partyIds, appliedNow)) {
        await confirmationStore.update(tx, application.id, { status: 'submitted', submittedAt: now }, now);
        await appendEvent(tx, { type: 'confirmation.submitted', aggregateType: 'confirmation_application', aggregateId: application.id, actorId: actor.userId, payload });
      } else {
        await confirmationStore.update(tx, application.id, {}, now);
        for (const other of agreement.partyIds.filter((p) => !appliedNow.includes(p))) {
          await deps.notifier.notify(tx, {
            userId: other,
            kind: 'confirmation.apply',
            title: '对方已申请司法确认',
            body: `对方当事人已申请人民法院确认调解协议的效力。司法确认须双方共同申请，请于 ${application.lastDay} 前一键申请。`,
            link: `/agreements/${agreementId}`,
            channels: ['inapp', 'sms'],
          });
        }
      }
      const fresh = (await confirmationStore.byAgreement(tx, agreementId))!;
      return view(fresh, await confirmationStore.applicants(tx, fresh.id));
    },

    /** The agreement's application, or null when nobody has applied yet. */
    async forAgreement(actor: Actor, agreementId: string): Promise<TConfirmation | null> {
      await readableAgreement(actor, agreementId, db);
      const a = await confirmationStore.byAgreement(db, agreementId);
      return a ? view(a, await confirmationStore.applicants(db, a.id)) : null;
    },
  };
}

export type ConfirmationService = ReturnType<typeof createConfirmationService>;
