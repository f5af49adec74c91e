// A matter with two parties and its mediator, and a mediation agreement all three have signed over
// HTTP: the starting point of judicial confirmation tests.
import QRCode from 'qrcode';
import { createOrganisations, createParty, createStaff, lastSmsCode, loginWithPassword, loginWithSms, type Session, type TestContext } from './harness.ts';

export type SignedAgreement = {
  matterId: string;
  agreementId: string;
  mediator: Session;
  mediatorUsername: string;
  parties: { id: string; phone: string; session: Session }[];
  outsider: Session;
};

export async function signedAgreement(ctx: TestContext): Promise<SignedAgreement> {
  const orgs = await createOrganisations(ctx);
  const call = async (s: Session, url: string, payload: object = {}) => {
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const clerk = await loginWithPassword(ctx, (await createStaff(ctx, 'clerk', orgs.courtId)).username);
  const m = await createStaff(ctx, 'mediator', orgs.mediationOrgId);
  const mediator = await loginWithPassword(ctx, m.username);
  const parties = [];
  for (let i = 0; i < 2; i++) {
    const p = await createParty(ctx);
    parties.push({ ...p, session: await loginWithSms(ctx, p.phone) });
  }
  const outsider = await loginWithSms(ctx, (await createParty(ctx)).phone);
  const matter = await call(clerk, '/matters', {
    title: '甲与乙民间借贷纠纷',
    courtId: orgs.courtId,
    participants: [...parties.map((p) => ({ userId: p.id, role: 'party' })), { userId: m.id, role: 'mediator' }],
  });
  const terms = { facts: '乙向甲借款一万元未还。', clauses: ['乙于 2026 年 12 月 31 日前归还甲一万元。'] };
  let agreement = await call(mediator, `/matters/${matter.id}/agreements`, { terms });
  agreement = await call(mediator, `/agreements/${agreement.id}/open`, { expectedVersion: agreement.version });
  const signature = (await QRCode.toBuffer('签名', { type: 'png', width: 200 })).toString('base64');
  for (const p of parties) {
    await call(p.session, `/agreements/${agreement.id}/sign-code`);
    agreement = await call(p.session, `/agreements/${agreement.id}/signatures`, { signature, code: lastSmsCode(ctx.config, p.phone), expectedVersion: agreement.version });
  }
  agreement = await call(mediator, `/agreements/${agreement.id}/signatures`, { signature, expectedVersion: agreement.version });
  return { matterId: matter.id, agreementId: agreement.id, mediator, mediatorUsername: m.username, parties, outsider };
}
