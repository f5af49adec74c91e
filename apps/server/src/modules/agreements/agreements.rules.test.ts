import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { allSigned, canClose, canOpen, canReturnToDraft, editable, pngSize, signatureSizeOk, signRefusal, type Signatory } from './agreements.rules.ts';

const at = new Date('2026-11-25T08:00:00Z');
const parties = (signed: [boolean, boolean], mediatorSigned = false): Signatory[] => [
  { userId: 'a', role: 'party', signedAt: signed[0] ? at : null },
  { userId: 'b', role: 'party', signedAt: signed[1] ? at : null },
  { userId: 'm', role: 'mediator', signedAt: mediatorSigned ? at : null },
];

describe('who may sign a mediation agreement, and when (人民调解法 art. 29)', () => {
  it.each([
    ['a party while it is open', 'signing', parties([false, false]), 'a', null],
    ['a party twice', 'signing', parties([true, false]), 'a', 'already-signed'],
    ['someone who is not a signatory', 'signing', parties([false, false]), 'x', 'not-a-signatory'],
    ['the mediator before both parties', 'signing', parties([true, false]), 'm', 'parties-first'],
    ['the mediator after both parties', 'signing', parties([true, true]), 'm', null],
    ['anyone while it is a draft', 'draft', parties([false, false]), 'a', 'not-signing'],
    ['anyone once it is signed', 'signed', parties([true, true], true), 'a', 'not-signing'],
    ['anyone after a failed mediation', 'failed', parties([false, false]), 'a', 'not-signing'],
  ] as const)('%s → %s', (_, status, signatories, userId, refusal) => {
    expect(signRefusal(status, [...signatories], userId)).toBe(refusal);
  });

  it('takes effect only when every party and the mediator have signed', () => {
    expect(allSigned(parties([true, true], false))).toBe(false);
    expect(allSigned(parties([true, true], true))).toBe(true);
    expect(allSigned([])).toBe(false);
  });

  it.each([
    ['draft', true, true, false, true],
    ['signing', false, false, true, true],
    ['signed', false, false, false, false],
    ['failed', false, false, false, false],
    ['withdrawn', false, false, false, false],
  ] as const)('in state %s: edit %s, open %s, back to draft %s, close %s', (status, edit, open, back, close) => {
    expect([editable(status), canOpen(status), canReturnToDraft(status), canClose(status)]).toEqual([edit, open, back, close]);
  });
});

describe('signature images', () => {
  it('reads a PNG’s size from its header and refuses what is not a PNG', async () => {
    const png = await QRCode.toBuffer('x', { type: 'png', width: 120 });
    expect(pngSize(png)).toEqual({ width: 120, height: 120 });
    expect(pngSize(Buffer.from('GIF89a not a png at all, really not'))).toBeNull();
    expect(pngSize(png.subarray(0, 20))).toBeNull();
  });

  it.each([
    [{ width: 300, height: 120 }, true],
    [{ width: 10, height: 10 }, false],
    [{ width: 5000, height: 200 }, false],
  ])('accepts %j as a drawn signature: %s', (size, ok) => {
    expect(signatureSizeOk(size)).toBe(ok);
  });
});
