// Mediation agreement use cases: draft, revise, open for signing, sign (parties by handwriting + SMS
// code, the mediator last), back to drafting, close as failed or withdrawn. Each is one transaction on
// the locked agreement row with its event; a signature or decision names the version it saw.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { TAgreement, TAgreementTerms } from '@opencourt/contracts';
import { can, usersStore, type Actor, type Confirmations, type MatterFacts } from '../../platform/auth/index.ts';
import type { FileService } from '../../platform/blobs/index.ts';
import { chinaDate, type Clock, type IdGenerator } from '../../platform/clock/index.ts';
import type { Keyring } from '../../platform/crypto/index.ts';
import type { Db, Executor, Tx } from '../../platform/db/database.ts';
import { renderPdf } from '../../platform/documents/index.ts';
import { appendEvent } from '../../platform/events/index.ts';
import type { Notifier } from '../../platform/notify/index.ts';
import { agreementDocument } from './agreements.document.ts';
import { AgreementErrors as E } from './agreements.errors.ts';
import { allSigned, canClose, canOpen, canReturnToDraft, editable, MIN_PARTIES, pngSize, signatureSizeOk, signRefusal } from './agreements.rules.ts';
import { agreementsStore, type AgreementRow, type SignatoryRow } from './agreements.store.ts';

export type AgreementMatters = {
  factsOf(matterId: string, tx?: Executor): Promise<MatterFacts | undefined>;
  getMatter(actor: Actor, matterId: string, tx?: Executor): Promise<{ title: string; caseNumber: string | null }>;
};

export type AgreementDeps = {
  db: Db;
  clock: Clock;
  id: IdGenerator;
  keyring: Keyring;
  matters: AgreementMatters;
  confirmations: Confirmations;
  notifier: Pick<Notifier, 'notify'>;
  files: Pick<FileService, 'receive' | 'store'>;
};

const view = (a: AgreementRow, signatories: SignatoryRow[]): TAgreement => ({
  id: a.id,
  matterId: a.matterId,
  status: a.status as TAgreement['status'],
  version: a.version,
  terms: a.terms,
  signatories: signatories.map((s) => ({ userId: s.userId, name: s.name, role: s.role as 'party' | 'mediator', signedAt: s.signedAt?.toISOString() ?? null })),
  fileId: a.fileId,
  sha256: a.sha256,
  closedReason: a.closedReason,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

const REFUSALS = {
  'not-signing': () => E.AGREEMENT_INVALID_STATE('协议尚未提交签署或已结束'),
  'not-a-signatory': () => E.AGREEMENT_NOT_SIGNATORY(),
  'already-signed': () => E.AGREEMENT_ALREADY_SIGNED(),
  'parties-first': () => E.AGREEMENT_PARTIES_FIRST(),
} as const;

/** The code confirms signing this version of this agreement only. */
const signPurpose = (a: AgreementRow) => `sign:agreement:${a.id}:v${a.version}`;

export function createAgreementService(deps: AgreementDeps) {
  const { db, clock, id, keyring, matters } = deps;

  const isMediatorOf = (actor: Actor, facts: MatterFacts) => actor.roles.includes('mediator') && facts.participants.some((p) => p.userId === actor.userId && p.role === 'mediator');

  /** The agreement if the actor may read its matter; not found and not allowed look the same. */
  async function readable(actor: Actor, agreementId: string, tx: Executor, lock = false) {
    const a = await agreementsStore.find(tx, agreementId, lock);
    const facts = a && (await matters.factsOf(a.matterId, tx));
    if (!a || !facts || !can(actor, 'matter.read', facts)) throw E.AGREEMENT_NOT_FOUND();
    return { a, facts };
  }

  /** The agreement, locked, at the version the actor saw, if they are the matter's mediator. */
  async function managed(actor: Actor, agreementId: string, expectedVersion: number, tx: Executor) {
    const { a, facts } = await readable(actor, agreementId, tx, true);
    if (!isMediatorOf(actor, facts)) throw E.AGREEMENT_NOT_ALLOWED();
    if (a.version !== expectedVersion) throw E.AGREEMENT_STALE(undefined, { extra: { currentVersion: a.version } });
    return { a, facts };
  }

  const event = (tx: Executor, actor: Actor, a: AgreementRow, type: string, payload: Record<string, unknown> = {}) =>
    appendEvent(tx, { type, aggregateType: 'mediation_agreement', aggregateId: a.id, actorId: actor.userId, payload: { matterId: a.matterId, ...payload } });

  const current = async (tx: Executor, agreementId: string) => {
    const a = (await agreementsStore.find(tx, agreementId))!;
    return view(a, await agreementsStore.signatories(tx, agreementId));
  };

  async function signedPdf(tx: Executor, actor: Actor, a: AgreementRow, draft: boolean): Promise<Uint8Array> {
    const matter = await matters.getMatter(actor, a.matterId, tx);
    const signatories = await agreementsStore.signatories(tx, a.id);
    return renderPdf(
      agreementDocument({
        matterTitle: matter.title,
        caseNumber: matter.caseNumber,
        terms: a.terms,
        draft,
        signatures: signatories.map((s) => ({ role: s.role as 'party' | 'mediator', name: s.name, signedAt: s.signedAt, png: s.signatureCipher ? keyring.open(s.signatureCipher) : null })),
      }),
    );
  }

  return {
    async draft(actor: Actor, matterId: string, terms: TAgreementTerms, tx: Tx): Promise<TAgreement> {
      const facts = await matters.factsOf(matterId, tx);
      if (!facts || !can(actor, 'matter.read', facts)) throw E.AGREEMENT_NOT_FOUND();
      if (!isMediatorOf(actor, facts)) throw E.AGREEMENT_NOT_ALLOWED();
      const partyIds = [...new Set(facts.participants.filter((p) => p.role === 'party').map((p) => p.userId))];
      if (partyIds.length < MIN_PARTIES) throw E.AGREEMENT_TOO_FEW_PARTIES();
      const people = await Promise.all([...partyIds, actor.userId].map((userId) => usersStore.findUserById(tx, userId)));
      const now = clock.now();
      const row = { id: id(), matterId, status: 'draft', version: 1, terms, draftedBy: actor.userId, createdAt: now, updatedAt: now };
      await agreementsStore.insert(
        tx,
        row,
        people.map((u, position) => ({ agreementId: row.id, userId: u!.id, name: u!.displayName, role: position < partyIds.length ? 'party' : 'mediator', position })),
      );
      await event(tx, actor, row as AgreementRow, 'agreement.drafted');
      return current(tx, row.id);
    },

    async revise(actor: Actor, agreementId: string, input: { terms: TAgreementTerms; expectedVersion: number }): Promise<TAgreement> {
      return db.transaction(async (tx) => {
        const { a } = await managed(actor, agreementId, input.expectedVersion, tx);
        if (!editable(a.status as TAgreement['status'])) throw E.AGREEMENT_INVALID_STATE('只有草稿可以修改；请先撤回签署');
        await agreementsStore.update(tx, a.id, { terms: input.terms }, clock.now());
        await event(tx, actor, a, 'agreement.revised');
        return current(tx, a.id);
      });
    },

    /** Open for signing: each party is told, in the app and by SMS. */
    async open(actor: Actor, agreementId: string, expectedVersion: number): Promise<TAgreement> {
      return db.transaction(async (tx) => {
        const { a } = await managed(actor, agreementId, expectedVersion, tx);
        if (!canOpen(a.status as TAgreement['status'])) throw E.AGREEMENT_INVALID_STATE();
        await agreementsStore.update(tx, a.id, { status: 'signing' }, clock.now());
        for (const s of await agreementsStore.signatories(tx, a.id)) {
          if (s.role !== 'party') continue;
          await deps.notifier.notify(tx, {
            userId: s.userId,
            kind: 'agreement.sign',
            title: '请签署调解协议',
            body: '调解员已起草调解协议，请阅读后手写签名并输入短信验证码确认。',
            link: `/agreements/${a.id}`,
            channels: ['inapp', 'sms'],
          });
        }
        await event(tx, actor, a, 'agreement.opened');
        return current(tx, a.id);
      });
    },

    /** Back to drafting (terms to change): signatures given so far are void. */
    async returnToDraft(actor: Actor, agreementId: string, expectedVersion: number): Promise<TAgreement> {
      return db.transaction(async (tx) => {
        const { a } = await managed(actor, agreementId, expectedVersion, tx);
        if (!canReturnToDraft(a.status as TAgreement['status'])) throw E.AGREEMENT_INVALID_STATE();
        await agreementsStore.clearSignatures(tx, a.id);
        await agreementsStore.update(tx, a.id, { status: 'draft' }, clock.now());
        await event(tx, actor, a, 'agreement.returned');
        return current(tx, a.id);
      });
    },

    /** Mediation ended without agreement, or the applicant withdrew: recorded with its reason (人民调解法 art. 28). */
    async close(actor: Actor, agreementId: string, input: { outcome: 'failed' | 'withdrawn'; reason: string; expectedVersion: number }): Promise<TAgreement> {
      return db.transaction(async (tx) => {
        const { a } = await managed(actor, agreementId, input.expectedVersion, tx);
        if (!canClose(a.status as TAgreement['status'])) throw E.AGREEMENT_INVALID_STATE();
        await agreementsStore.update(tx, a.id, { status: input.outcome, closedReason: input.reason }, clock.now());
        await event(tx, actor, a, 'agreement.closed', { outcome: input.outcome });
        return current(tx, a.id);
      });
    },

    /** Sends the signing code to a party who may sign now. */
    async sendSignCode(actor: Actor, agreementId: string, ip?: string) {
      const { a } = await readable(actor, agreementId, db);
      const refusal = signRefusal(a.status as TAgreement['status'], toSignatories(await agreementsStore.signatories(db, a.id)), actor.userId);
      if (refusal) throw REFUSALS[refusal]();
      return deps.confirmations.send(actor.userId, signPurpose(a), (code) => `【OpenCourt】您正在签署调解协议，验证码 ${code}，5 分钟内有效。如非本人操作请忽略。`, ip);
    },

    async sign(actor: Actor, agreementId: string, input: { signature: string; code?: string; expectedVersion: number }, tx: Tx): Promise<TAgreement> {
      const { a } = await readable(actor, agreementId, tx, true);
      if (a.version !== input.expectedVersion) throw E.AGREEMENT_STALE(undefined, { extra: { currentVersion: a.version } });
      const signatories = await agreementsStore.signatories(tx, a.id);
      const refusal = signRefusal(a.status as TAgreement['status'], toSignatories(signatories), actor.userId);
      if (refusal) throw REFUSALS[refusal]();
      const me = signatories.find((s) => s.userId === actor.userId)!;
      const png = Buffer.from(input.signature, 'base64');
      const size = pngSize(png);
      if (!size || !signatureSizeOk(size)) throw E.AGREEMENT_SIGNATURE_INVALID(undefined, { fields: [{ pointer: '/body/signature', detail: '须为手写签名的 PNG 图片（宽 50–2000、高 20–1000 像素）' }] });
      if (me.role === 'party') {
        if (!input.code) throw E.AGREEMENT_CODE_REQUIRED(undefined, { fields: [{ pointer: '/body/code', detail: '请填写验证码' }] });
        if (!(await deps.confirmations.accept(tx, actor.userId, signPurpose(a), input.code))) {
          throw E.AGREEMENT_CODE_REQUIRED('验证码错误或已过期', { fields: [{ pointer: '/body/code', detail: '验证码错误或已过期' }] });
        }
      }
      const now = clock.now();
      const signatureSha256 = createHash('sha256').update(png).digest('hex');
      await agreementsStore.sign(tx, a.id, actor.userId, { signedAt: now, signatureCipher: keyring.seal(png), signatureSha256 });
      await agreementsStore.update(tx, a.id, {}, now);
      await event(tx, actor, a, 'agreement.signature', { role: me.role, signatureSha256 });
      if (allSigned(toSignatories(await agreementsStore.signatories(tx, a.id)))) {
        // In force (人民调解法 art. 29): the signed PDF becomes a file of the matter, with its receipt.
        const bytes = await signedPdf(tx, actor, (await agreementsStore.find(tx, a.id))!, false);
        const upload = await deps.files.receive(Readable.from([Buffer.from(bytes)]), { filename: '人民调解协议书.pdf', mediaType: 'application/pdf' });
        const file = await deps.files.store(actor, upload, { matterId: a.matterId }, (work) => work(tx));
        await agreementsStore.update(tx, a.id, { status: 'signed', fileId: file.id, sha256: file.sha256 }, now);
        await event(tx, actor, a, 'agreement.signed', { fileId: file.id, sha256: file.sha256 });
      }
      return current(tx, a.id);
    },

    /**
     * What other modules (judicial confirmation) need of an agreement, read inside their transaction:
     * its matter, state, parties, the signed file, and the Beijing date it took effect (the last signature).
     */
    async factsOf(tx: Executor, agreementId: string): Promise<AgreementFacts | undefined> {
      const a = await agreementsStore.find(tx, agreementId);
      if (!a) return undefined;
      const signatories = await agreementsStore.signatories(tx, a.id);
      const last = signatories.reduce<Date | null>((m, s) => (s.signedAt && (!m || s.signedAt > m) ? s.signedAt : m), null);
      return {
        id: a.id,
        matterId: a.matterId,
        status: a.status as TAgreement['status'],
        partyIds: signatories.filter((s) => s.role === 'party').map((s) => s.userId),
        fileId: a.fileId,
        sha256: a.sha256,
        effectiveOn: a.status === 'signed' && last ? chinaDate(last) : null,
      };
    },

    async get(actor: Actor, agreementId: string): Promise<TAgreement> {
      const { a } = await readable(actor, agreementId, db);
      return view(a, await agreementsStore.signatories(db, a.id));
    },

    async listForMatter(actor: Actor, matterId: string): Promise<TAgreement[]> {
      const facts = await matters.factsOf(matterId);
      if (!facts || !can(actor, 'matter.read', facts)) throw E.AGREEMENT_NOT_FOUND();
      const rows = await agreementsStore.listForMatter(db, matterId);
      return Promise.all(rows.map(async (a) => view(a, await agreementsStore.signatories(db, a.id))));
    },

    /** The agreement as it stands, for reading before signing (a draft is marked as such). */
    async previewPdf(actor: Actor, agreementId: string): Promise<Uint8Array> {
      const { a } = await readable(actor, agreementId, db);
      return signedPdf(db, actor, a, a.status !== 'signed');
    },
  };
}

export type AgreementFacts = {
  id: string;
  matterId: string;
  status: TAgreement['status'];
  partyIds: string[];
  fileId: string | null;
  sha256: string | null;
  effectiveOn: string | null;
};

const toSignatories = (rows: SignatoryRow[]) => rows.map((s) => ({ userId: s.userId, role: s.role as 'party' | 'mediator', signedAt: s.signedAt }));

export type AgreementService = ReturnType<typeof createAgreementService>;
