// Pure rules of a mediation agreement: which step is allowed in which state, in what order the
// signatories sign, and when it takes effect. 人民调解法 art. 29: the agreement takes effect once the
// parties have signed (签名、盖章或者按指印) and the mediator has signed; art. 28 records a failed
// mediation with its reason.
import type { TAgreement } from '@opencourt/contracts';

export type AgreementStatus = TAgreement['status'];
export type Signatory = { userId: string; role: 'party' | 'mediator'; signedAt: Date | null };

export type SignRefusal = 'not-signing' | 'not-a-signatory' | 'already-signed' | 'parties-first';

/** Why `userId` may not sign now, or null when they may. */
export function signRefusal(status: AgreementStatus, signatories: Signatory[], userId: string): SignRefusal | null {
  if (status !== 'signing') return 'not-signing';
  const me = signatories.find((s) => s.userId === userId);
  if (!me) return 'not-a-signatory';
  if (me.signedAt) return 'already-signed';
  // The mediator confirms what the parties signed, so signs last.
  if (me.role === 'mediator' && signatories.some((s) => s.role === 'party' && !s.signedAt)) return 'parties-first';
  return null;
}

/** Every party and the mediator have signed: the agreement is in force (art. 29). */
export const allSigned = (signatories: Signatory[]) => signatories.length > 0 && signatories.every((s) => s.signedAt);

/** The terms can change only while nobody is asked to sign them. */
export const editable = (status: AgreementStatus) => status === 'draft';

/** Open for signing, back to drafting (every signature so far is void), or closed without agreement. */
export const canOpen = (status: AgreementStatus) => status === 'draft';
export const canReturnToDraft = (status: AgreementStatus) => status === 'signing';
export const canClose = (status: AgreementStatus) => status === 'draft' || status === 'signing';

/** An agreement needs at least two parties: one cannot settle a dispute with oneself. */
export const MIN_PARTIES = 2;

/** The PNG signature: magic bytes and dimensions from its IHDR, without decoding it. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const magic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 33 || magic.some((b, i) => bytes[i] !== b) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A signature drawn on a phone or a pad: not a dot, not a poster. */
export const signatureSizeOk = (s: { width: number; height: number }) => s.width >= 50 && s.height >= 20 && s.width <= 2000 && s.height <= 1000;
