// Use cases of decisions: court staff record a decision with its service on the parties and any appeal;
// a party of the matter issues a certificate once it has taken effect; anyone checks a certificate by
// its code. Every change appends its event in the same transaction.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { TAppealCreate, TCertificate, TCertificateCheck, TDecision, TDecisionCreate, TDecisionKind, TMatter, TServiceInput, TServiceMethod } from '@opencourt/contracts';
import { can, usersStore, type Actor, type MatterFacts } from '../../platform/auth/index.ts';
import type { FileService } from '../../platform/blobs/index.ts';
import { AppError, type FieldError } from '../../platform/http/index.ts';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Db, Executor, Tx } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events/index.ts';
import { eventSubjectDigest } from '../../platform/ledger/index.ts';
import { parseCaseNumber } from '../matters/index.ts';
import type { RestDayCalendar } from '../risk/index.ts';
import { certificatePdf } from './certificate.document.ts';
import { DecisionErrors } from './decisions.errors.ts';
import { mayIssueCertificate, mayRecordDecision, maySeeCertificate } from './decisions.policy.ts';
import { APPEAL_PROBLEM_TEXT, appealProblem, chinaDate, decisionEffect, SERVICE_PROBLEM_TEXT, serviceProblem } from './decisions.rules.ts';
import { decisionsStore as store, type AppealRow, type CertificateRow, type DecisionRow, type ServiceRow } from './decisions.store.ts';

export type DecisionMatters = {
  factsOf(matterId: string, tx?: Executor): Promise<MatterFacts | undefined>;
  getMatter(actor: Actor, matterId: string, tx?: Executor): Promise<TMatter>;
};

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 100 random bits as 20 base32 characters in groups of four: unguessable, and easy to read out. */
export function newCertificateCode(): string {
  const bytes = randomBytes(13);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 20; i++) out += BASE32[Number((bits >> BigInt(i * 5)) & 31n)];
  return out.match(/.{4}/g)!.join('-');
}

const certificateView = (c: CertificateRow): TCertificate => ({
  id: c.id,
  decisionId: c.decisionId,
  code: c.code,
  issuedAt: c.issuedAt.toISOString(),
  fileId: c.fileId,
  pdfSha256: c.pdfSha256,
  ledgerDigest: c.ledgerDigest,
});

const invalid = (fields: FieldError[]) => DecisionErrors.DECISION_INVALID(fields.map((f) => f.detail).join('；'), { fields });

export function createDecisionService(deps: {
  db: Db;
  clock: Clock;
  id: IdGenerator;
  matters: DecisionMatters;
  files: Pick<FileService, 'getFile' | 'receive' | 'store' | 'openContent'>;
  calendar: RestDayCalendar;
}) {
  const { db, clock, id, matters, files, calendar } = deps;
  const today = () => chinaDate(clock.now());
  const partyIdsOf = (facts: MatterFacts) => facts.participants.filter((p) => p.role === 'party').map((p) => p.userId);

  /** The matter's facts when the actor may read it; otherwise it looks missing. */
  async function readable(actor: Actor, matterId: string, tx?: Executor): Promise<MatterFacts> {
    const facts = await matters.factsOf(matterId, tx);
    if (!facts || !can(actor, 'matter.read', facts)) throw DecisionErrors.DECISION_NOT_FOUND('案件不存在或无权查看');
    return facts;
  }

  async function readableDecision(actor: Actor, decisionId: string, tx: Executor = db, lock = false) {
    const decision = await store.decision(tx, decisionId, { lock });
    if (!decision) throw DecisionErrors.DECISION_NOT_FOUND();
    const facts = await matters.factsOf(decision.matterId, tx);
    if (!facts || !can(actor, 'matter.read', facts)) throw DecisionErrors.DECISION_NOT_FOUND();
    return { decision, facts };
  }

  function effectOf(d: DecisionRow, facts: MatterFacts, services: ServiceRow[], appeals: AppealRow[]) {
    return decisionEffect(
      {
        kind: d.kind as TDecisionKind,
        decidedOn: d.decidedOn,
        partyIds: partyIdsOf(facts),
        services: services.filter((s) => s.decisionId === d.id).map((s) => ({ partyUserId: s.partyUserId, servedOn: chinaDate(s.servedAt) })),
        appeals: appeals.filter((a) => a.decisionId === d.id).map((a) => ({ partyUserId: a.partyUserId, filedOn: a.filedOn })),
      },
      today(),
      calendar,
    );
  }

  async function views(actor: Actor, facts: MatterFacts, matter: TMatter, rows: DecisionRow[], q: Executor = db): Promise<TDecision[]> {
    const ids = rows.map((d) => d.id);
    const [services, appeals, certificates] = await Promise.all([store.servicesOf(q, ids), store.appealsOf(q, ids), store.certificatesOf(q, ids)]);
    const nameOf = (userId: string) => matter.participants.find((p) => p.userId === userId)?.displayName ?? '';
    return rows.map((d) => ({
      id: d.id,
      matterId: d.matterId,
      kind: d.kind as TDecisionKind,
      caseNumber: d.caseNumber,
      decidedOn: d.decidedOn,
      file: { id: d.fileId, sha256: d.fileSha256, filename: d.fileName },
      services: services.filter((s) => s.decisionId === d.id).map((s) => ({ partyUserId: s.partyUserId, partyName: nameOf(s.partyUserId), servedAt: s.servedAt.toISOString(), method: s.method as TServiceMethod })),
      appeals: appeals.filter((a) => a.decisionId === d.id).map((a) => ({ partyUserId: a.partyUserId, partyName: nameOf(a.partyUserId), filedOn: a.filedOn })),
      effect: effectOf(d, facts, services, appeals),
      certificates: certificates.filter((c) => c.decisionId === d.id && maySeeCertificate(actor, facts, c.issuedTo)).map(certificateView),
      createdAt: d.createdAt.toISOString(),
    }));
  }

  /** Field errors for services to record now, given those already recorded. */
  function serviceErrors(input: TServiceInput[], decidedOn: string, facts: MatterFacts, already: ReadonlySet<string>, pointer: string): FieldError[] {
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    input.forEach((s, i) => {
      const problem = seen.has(s.partyUserId)
        ? ('duplicate' as const)
        : serviceProblem({ partyUserId: s.partyUserId, servedOn: chinaDate(new Date(s.servedAt)) }, { decidedOn, today: today(), partyIds: partyIdsOf(facts), servedPartyIds: already });
      seen.add(s.partyUserId);
      if (problem) {
        const field = problem === 'before-decision' || problem === 'in-future' ? 'servedAt' : 'partyUserId';
        errors.push({ pointer: `${pointer}/${i}/${field}`, detail: SERVICE_PROBLEM_TEXT[problem], code: problem });
      }
    });
    return errors;
  }

  const serviceRows = (decisionId: string, input: TServiceInput[], actor: Actor) =>
    input.map((s) => ({ id: id(), decisionId, partyUserId: s.partyUserId, servedAt: new Date(s.servedAt), method: s.method, recordedBy: actor.userId, createdAt: clock.now() }));

  const event = (tx: Executor, type: string, matterId: string, actorId: string, payload: Record<string, unknown>, occurredAt = clock.now()) =>
    appendEvent(tx, { type, aggregateType: 'matter', aggregateId: matterId, actorId, payload, occurredAt });

  async function reload(actor: Actor, decisionId: string, tx: Executor): Promise<TDecision> {
    const { decision, facts } = await readableDecision(actor, decisionId, tx);
    return (await views(actor, facts, await matters.getMatter(actor, decision.matterId, tx), [decision], tx))[0]!;
  }

  return {
    async recordDecision(actor: Actor, matterId: string, input: TDecisionCreate & { services: TServiceInput[] }, tx: Executor): Promise<TDecision> {
      const facts = await readable(actor, matterId, tx);
      if (!mayRecordDecision(actor, facts)) throw DecisionErrors.DECISION_RECORDER_REQUIRED();
      const matter = await matters.getMatter(actor, matterId, tx);
      const errors: FieldError[] = [];
      if (input.decidedOn > today()) errors.push({ pointer: '/body/decidedOn', detail: '文书作出日期不能晚于今天' });
      const file = await files.getFile(actor, input.fileId).catch((err: unknown) => {
        if (err instanceof AppError && err.spec.status === 404) return undefined;
        throw err;
      });
      if (!file || file.matterId !== matterId) errors.push({ pointer: '/body/fileId', detail: '找不到本案的这份文件，请先上传签章后的文书 PDF' });
      else if (file.mediaType !== 'application/pdf') errors.push({ pointer: '/body/fileId', detail: '文书须为 PDF 文件（按文件内容识别）' });
      const caseNumber = input.caseNumber ?? matter.caseNumber;
      if (!caseNumber) errors.push({ pointer: '/body/caseNumber', detail: '本案尚无案号，请填写文书上的案号' });
      else if (input.caseNumber && !parseCaseNumber(input.caseNumber)) errors.push({ pointer: '/body/caseNumber', detail: '案号格式应如（2026）闽0213民初1号' });
      errors.push(...serviceErrors(input.services, input.decidedOn, facts, new Set(), '/body/services'));
      if (errors.length) throw invalid(errors);
      const row = {
        id: id(),
        matterId,
        kind: input.kind,
        caseNumber: caseNumber!,
        decidedOn: input.decidedOn,
        fileId: file!.id,
        fileSha256: file!.sha256,
        fileName: file!.filename,
        recordedBy: actor.userId,
        createdAt: clock.now(),
      };
      await store.insertDecision(tx, row);
      await store.insertServices(tx, serviceRows(row.id, input.services, actor));
      await event(tx, 'decision.recorded', matterId, actor.userId, { decisionId: row.id, kind: row.kind, decidedOn: row.decidedOn, fileSha256: row.fileSha256, served: input.services.length });
      return reload(actor, row.id, tx);
    },

    async addServices(actor: Actor, decisionId: string, input: TServiceInput[]): Promise<TDecision> {
      return db.transaction(async (tx) => {
        const { decision, facts } = await readableDecision(actor, decisionId, tx, true);
        if (!mayRecordDecision(actor, facts)) throw DecisionErrors.DECISION_RECORDER_REQUIRED();
        const already = new Set((await store.servicesOf(tx, [decision.id])).map((s) => s.partyUserId));
        const errors = serviceErrors(input, decision.decidedOn, facts, already, '/body/services');
        if (errors.length) throw invalid(errors);
        await store.insertServices(tx, serviceRows(decision.id, input, actor));
        await event(tx, 'decision.served', decision.matterId, actor.userId, { decisionId: decision.id, served: input.length });
        return reload(actor, decision.id, tx);
      });
    },

    async recordAppeal(actor: Actor, decisionId: string, input: TAppealCreate): Promise<TDecision> {
      return db.transaction(async (tx) => {
        const { decision, facts } = await readableDecision(actor, decisionId, tx, true);
        if (!mayRecordDecision(actor, facts)) throw DecisionErrors.DECISION_RECORDER_REQUIRED();
        const service = (await store.servicesOf(tx, [decision.id])).find((s) => s.partyUserId === input.partyUserId);
        const problem = appealProblem(input, { kind: decision.kind as TDecisionKind, today: today(), partyIds: partyIdsOf(facts), servedOn: service && chinaDate(service.servedAt) }, calendar);
        if (problem) {
          const field = problem === 'not-a-party' || problem === 'not-served' ? 'partyUserId' : problem === 'not-appealable' ? '' : 'filedOn';
          throw invalid([{ pointer: `/body${field ? `/${field}` : ''}`, detail: APPEAL_PROBLEM_TEXT[problem], code: problem }]);
        }
        await store.insertAppeal(tx, { id: id(), decisionId: decision.id, partyUserId: input.partyUserId, filedOn: input.filedOn, recordedBy: actor.userId, createdAt: clock.now() });
        await event(tx, 'decision.appealed', decision.matterId, actor.userId, { decisionId: decision.id, filedOn: input.filedOn });
        return reload(actor, decision.id, tx);
      });
    },

    async listDecisions(actor: Actor, matterId: string): Promise<TDecision[]> {
      const facts = await readable(actor, matterId);
      return views(actor, facts, await matters.getMatter(actor, matterId), await store.decisionsOfMatter(db, matterId));
    },

    /**
     * A party issues the certificate: refused before effect with the reason and the expected date. The
     * PDF is stored as a file of the matter, and the certificate row, the file and the issuance event
     * commit together in the caller's transaction (its idempotency wrapper).
     */
    async issueCertificate<R>(actor: Actor, decisionId: string, origin: string, transact: (work: (tx: Tx) => Promise<TCertificate>) => Promise<R>): Promise<R> {
      const { decision, facts } = await readableDecision(actor, decisionId);
      if (!mayIssueCertificate(actor, facts)) throw DecisionErrors.CERTIFICATE_PARTY_REQUIRED();
      const [services, appeals] = await Promise.all([store.servicesOf(db, [decision.id]), store.appealsOf(db, [decision.id])]);
      const effect = effectOf(decision, facts, services, appeals);
      if (effect.status !== 'effective') throw DecisionErrors.DECISION_NOT_EFFECTIVE(effect.reason ?? undefined, { extra: { effectiveOn: effect.effectiveOn } });
      const matter = await matters.getMatter(actor, decision.matterId);
      const issuedAt = clock.now();
      const code = newCertificateCode();
      const pdf = await certificatePdf({
        court: (await usersStore.findOrganisation(db, facts.courtId))?.name ?? '人民法院',
        caseNumber: decision.caseNumber,
        kind: decision.kind as TDecisionKind,
        decidedOn: decision.decidedOn,
        effectiveOn: effect.effectiveOn!,
        basis: effect.basis,
        parties: matter.participants.filter((p) => p.role === 'party').map((p) => p.displayName),
        issuedTo: matter.participants.find((p) => p.userId === actor.userId)?.displayName ?? '',
        issuedAt,
        code,
        verifyUrl: `${origin}/verify/certificate?code=${code}`,
      });
      const upload = await files.receive(Readable.from([Buffer.from(pdf)]), { filename: '生效证明.pdf', mediaType: 'application/pdf' });
      return files.store(actor, upload, { matterId: decision.matterId }, (storeFile) =>
        transact(async (tx) => {
          // An appeal recorded since the check above takes the effect away: look again under the decision's lock.
          await store.decision(tx, decision.id, { lock: true });
          if ((await store.appealsOf(tx, [decision.id])).length) throw DecisionErrors.DECISION_NOT_EFFECTIVE('当事人已提起上诉，该文书尚未发生法律效力');
          const file = await storeFile(tx);
          const certificateId = id();
          const payload = { certificateId, decisionId: decision.id, effectiveOn: effect.effectiveOn, pdfSha256: file.sha256 };
          const type = 'decision.certificate.issued';
          const eventId = await event(tx, type, decision.matterId, actor.userId, payload, issuedAt);
          const ledgerDigest = eventSubjectDigest({ id: eventId, type, aggregateType: 'matter', aggregateId: decision.matterId, occurredAt: issuedAt, payload }).toString('hex');
          const row = { id: certificateId, decisionId: decision.id, matterId: decision.matterId, issuedTo: actor.userId, code, effectiveOn: effect.effectiveOn!, fileId: file.id, pdfSha256: file.sha256, ledgerDigest, issuedAt };
          await store.insertCertificate(tx, row);
          return certificateView(row);
        }),
      );
    },

    /** The certificate's PDF, for whoever issued it and the matter's staff. */
    async openCertificate(actor: Actor, certificateId: string, log: { error(obj: Record<string, unknown>, msg: string): void }) {
      const certificate = await store.certificate(db, certificateId);
      const facts = certificate && (await matters.factsOf(certificate.matterId));
      if (!certificate || !facts || !can(actor, 'matter.read', facts) || !maySeeCertificate(actor, facts, certificate.issuedTo)) throw DecisionErrors.DECISION_NOT_FOUND('生效证明不存在或无权查看');
      return files.openContent(actor, certificate.fileId, log);
    },

    /** The public check: what the certificate states, without names or identity numbers. */
    async verifyCertificate(code: string, sha256?: string): Promise<TCertificateCheck> {
      const certificate = await store.certificateByCode(db, code);
      if (!certificate) throw DecisionErrors.CERTIFICATE_NOT_FOUND();
      const decision = (await store.decision(db, certificate.decisionId))!;
      const facts = await matters.factsOf(decision.matterId);
      return {
        court: (facts && (await usersStore.findOrganisation(db, facts.courtId))?.name) ?? '人民法院',
        caseNumber: decision.caseNumber,
        decisionKind: decision.kind as TDecisionKind,
        decidedOn: decision.decidedOn,
        effectiveOn: certificate.effectiveOn,
        issuedAt: certificate.issuedAt.toISOString(),
        pdfSha256: certificate.pdfSha256,
        ...(sha256 ? { pdfMatches: sha256 === certificate.pdfSha256 } : {}),
      };
    },
  };
}

export type DecisionService = ReturnType<typeof createDecisionService>;
