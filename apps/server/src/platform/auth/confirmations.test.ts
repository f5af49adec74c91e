// Codes that confirm an act: bound to the user's phone and to the act, used once, limited like sign-in codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParty, lastSmsCode, startTestApp, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

const accept = (userId: string, purpose: string, code: string) => ctx.database.db.transaction((tx) => ctx.app.platform.confirmations.accept(tx, userId, purpose, code));

describe('confirmation codes', () => {
  it('confirms only the act it was sent for, for the user it was sent to, once', async () => {
    const alice = await createParty(ctx);
    const bob = await createParty(ctx);
    const sent = await ctx.app.platform.confirmations.send(alice.id, 'sign:agreement:A', (code) => `【OpenCourt】签署调解协议的验证码为 ${code}`);
    expect(sent.sentTo).toMatch(/^\d{3}\*{4}\d{4}$/);
    const code = lastSmsCode(ctx.config, alice.phone);

    expect(await accept(alice.id, 'sign:agreement:B', code)).toBe(false); // another act
    expect(await accept(bob.id, 'sign:agreement:A', code)).toBe(false); // someone else
    expect(await accept(alice.id, 'sign:agreement:A', code)).toBe(true);
    expect(await accept(alice.id, 'sign:agreement:A', code)).toBe(false); // used
  });

  it('stops after five wrong guesses, and refuses a second code within a minute', async () => {
    const carol = await createParty(ctx);
    await ctx.app.platform.confirmations.send(carol.id, 'sign:agreement:C', (code) => `验证码 ${code}`);
    const code = lastSmsCode(ctx.config, carol.phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect(await accept(carol.id, 'sign:agreement:C', wrong)).toBe(false);
    expect(await accept(carol.id, 'sign:agreement:C', code)).toBe(false);
    await expect(ctx.app.platform.confirmations.send(carol.id, 'sign:agreement:C', (c) => c)).rejects.toMatchObject({ code: 'AUTH_CODE_TOO_SOON' });
  });
});
