// The pure rules of payments, table by table: amounts from the fee rules, how a notification moves an
// order, refunds under 《诉讼费用交纳办法》 (arts. 15, 25–29), and the notification signature.
import { randomBytes } from 'node:crypto';
import type { TFeeEstimateInput, TFeeEstimateRequest, TPaymentStatus, TRefundReason } from '@opencourt/contracts';
import { ZFeeEstimateRequest } from '@opencourt/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEE_SCHEDULE } from '../fees/index.ts';
import { applyPaymentNotice, applyRefundNotice, newReceiptCode, orderAmount, refundAmount } from './payments.rules.ts';
import { NOTIFICATION_TOLERANCE_MS, signNotification, verifySignedNotification } from './provider.ts';

const fee = (input: TFeeEstimateInput): TFeeEstimateRequest => ZFeeEstimateRequest.parse(input);
const WAN = 1_000_000; // 1万元 in fen
// 10万元 claimed: 50 + 9万 × 2.5% = 2,300 元 (art. 13(1)).
const PROPERTY_100K = fee({ kind: 'property', amountFen: 10 * WAN });
const PAID_100K = 230_000;

describe('order amounts come from the fee rules', () => {
  it.each([
    ['property, 10万元', PROPERTY_100K, 230_000],
    ['property, 1元 (the first band: 50元 a case)', fee({ kind: 'property', amountFen: 100 }), 5_000],
    ['property, simplified procedure halves it (art. 16)', fee({ kind: 'property', amountFen: 10 * WAN, procedure: 'simplified' }), 115_000],
    ['preservation of 10万元: 30 + 99,000 × 1% (art. 14(2))', fee({ kind: 'preservation', amountFen: 10 * WAN }), 102_000],
    ['preservation is capped at 5,000元 (art. 14(2))', fee({ kind: 'preservation', amountFen: 10_000 * WAN }), 500_000],
  ])('%s', (_name, request, fen) => {
    expect(orderAmount(request, undefined, DEFAULT_FEE_SCHEDULE)).toBe(fen);
    expect(orderAmount(request, fen, DEFAULT_FEE_SCHEDULE)).toBe(fen);
  });

  it('refuses an expected amount that differs by a single fen, pointing at the field', () => {
    expect(() => orderAmount(PROPERTY_100K, PAID_100K - 1, DEFAULT_FEE_SCHEDULE)).toThrow(
      expect.objectContaining({ code: 'PAYMENT_AMOUNT_MISMATCH', fields: [expect.objectContaining({ pointer: '/body/amountFen' })] }),
    );
  });
});

describe('a notification moves an order once', () => {
  const order = (status: TPaymentStatus) => ({ status, amountFen: 230_000 });
  it.each<[string, TPaymentStatus | undefined, 'paid' | 'failed', number, unknown]>([
    ['pending, paid', 'pending', 'paid', 230_000, { apply: 'paid' }],
    ['pending, declined', 'pending', 'failed', 230_000, { apply: 'failed' }],
    ['paid, paid again (a duplicate)', 'paid', 'paid', 230_000, { duplicate: true }],
    ['paid, then a late failure', 'paid', 'failed', 230_000, { duplicate: true }],
    ['closed as the payer paid: the money is kept as paid', 'closed', 'paid', 230_000, { apply: 'paid' }],
    ['failed, failed again', 'failed', 'failed', 230_000, { duplicate: true }],
  ])('%s', (_name, status, noticeStatus, amountFen, expected) => {
    expect(applyPaymentNotice(status && order(status), { status: noticeStatus, amountFen })).toEqual(expected);
  });

  it.each<[string, TPaymentStatus | undefined, number, string]>([
    ['an unknown order', undefined, 230_000, 'PAYMENT_CALLBACK_UNKNOWN_ORDER'],
    ['a wrong amount', 'pending', 1, 'PAYMENT_CALLBACK_AMOUNT_MISMATCH'],
    ['a wrong amount, even for a paid order', 'paid', 230_001, 'PAYMENT_CALLBACK_AMOUNT_MISMATCH'],
  ])('refuses %s', (_name, status, amountFen, code) => {
    expect(() => applyPaymentNotice(status && order(status), { status: 'paid', amountFen })).toThrow(expect.objectContaining({ code }));
  });

  it('settles an approved refund once, and refuses a refund notice with a wrong amount', () => {
    expect(applyRefundNotice({ status: 'approved', amountFen: 100 }, { status: 'refunded', amountFen: 100 })).toEqual({ apply: 'refunded' });
    expect(applyRefundNotice({ status: 'refunded', amountFen: 100 }, { status: 'refunded', amountFen: 100 })).toEqual({ duplicate: true });
    expect(() => applyRefundNotice({ status: 'approved', amountFen: 100 }, { status: 'refunded', amountFen: 101 })).toThrow(expect.objectContaining({ code: 'PAYMENT_CALLBACK_AMOUNT_MISMATCH' }));
    expect(() => applyRefundNotice(undefined, { status: 'refunded', amountFen: 100 })).toThrow(expect.objectContaining({ code: 'PAYMENT_CALLBACK_UNKNOWN_ORDER' }));
  });
});

describe('refunds under the Decree', () => {
  const paid = (f: TFeeEstimateRequest, amountFen: number, committedRefundFen = 0) => ({ fee: f, amountFen, status: 'paid' as TPaymentStatus, committedRefundFen });
  const appeal = fee({ kind: 'property', amountFen: 10 * WAN, instance: 'appeal' });

  it.each<[string, ReturnType<typeof paid>, TRefundReason, number | undefined, number, string]>([
    ['mediation halves the acceptance fee: half comes back (art. 15)', paid(PROPERTY_100K, PAID_100K), 'mediated', undefined, 115_000, '第十五条'],
    ['withdrawal likewise (art. 15)', paid(PROPERTY_100K, PAID_100K), 'withdrawn', undefined, 115_000, '第十五条'],
    ['the smallest case: 50元 paid, 25元 back', paid(fee({ kind: 'property', amountFen: 100 }), 5_000), 'mediated', undefined, 2_500, '第十五条'],
    ['transferred as a suspected crime: all of it (art. 25)', paid(PROPERTY_100K, PAID_100K), 'criminal-transfer', undefined, PAID_100K, '第二十五条'],
    ['not accepted or dismissed at first instance: all of it (art. 27 ¶2)', paid(PROPERTY_100K, PAID_100K), 'not-accepted', undefined, PAID_100K, '第二十七条第二款'],
    ['remanded on appeal: the appeal fee (art. 27 ¶1)', paid(appeal, PAID_100K), 'remanded', undefined, PAID_100K, '第二十七条第一款'],
    ['the winner gets the prepaid fee back (art. 29)', paid(PROPERTY_100K, PAID_100K), 'prevailed', undefined, PAID_100K, '第二十九条'],
    ['partly won: the share the court decides (art. 29 ¶2)', paid(PROPERTY_100K, PAID_100K), 'prevailed', 100_000, 100_000, '第二十九条'],
    ['an application fee comes back to the winner too (art. 29)', paid(fee({ kind: 'preservation', amountFen: 10 * WAN }), 102_000), 'prevailed', undefined, 102_000, '第二十九条'],
    ['after half came back on mediation, a transfer as a crime returns the rest (art. 25)', paid(PROPERTY_100K, PAID_100K, 115_000), 'criminal-transfer', undefined, 115_000, '第二十五条'],
    ['the winner gets back what is left after an earlier refund', paid(PROPERTY_100K, PAID_100K, 1), 'prevailed', undefined, 229_999, '第二十九条'],
    ['stating the computed amount is accepted', paid(PROPERTY_100K, PAID_100K), 'mediated', 115_000, 115_000, '第十五条'],
  ])('%s', (_name, order, reason, requested, amountFen, article) => {
    const refund = refundAmount(order, reason, requested, DEFAULT_FEE_SCHEDULE);
    expect(refund.amountFen).toBe(amountFen);
    expect(refund.basis).toContain('《诉讼费用交纳办法》');
    expect(refund.basis).toContain(article);
  });

  it.each<[string, ReturnType<typeof paid> | { fee: TFeeEstimateRequest; amountFen: number; status: TPaymentStatus; committedRefundFen: number }, TRefundReason, number | undefined, string, RegExp]>([
    ['suspended: nothing back (art. 26)', paid(PROPERTY_100K, PAID_100K), 'suspended', undefined, 'REFUND_NOT_ALLOWED', /第二十六条/],
    ['terminated: nothing back (art. 28)', paid(PROPERTY_100K, PAID_100K), 'terminated', undefined, 'REFUND_NOT_ALLOWED', /第二十八条/],
    ['an application fee is not halved (art. 15 is for acceptance fees)', paid(fee({ kind: 'preservation', amountFen: 10 * WAN }), 102_000), 'mediated', undefined, 'REFUND_NOT_ALLOWED', /申请费不适用减半/],
    ['a fee already halved is not halved again (SPC interpretation art. 206)', paid(fee({ kind: 'property', amountFen: 10 * WAN, procedure: 'simplified' }), 115_000), 'mediated', undefined, 'REFUND_NOT_ALLOWED', /第二百零六条/],
    ['remand refunds only an appeal fee', paid(PROPERTY_100K, PAID_100K), 'remanded', undefined, 'REFUND_NOT_ALLOWED', /第二审/],
    ['not-accepted is for first instance', paid(appeal, PAID_100K), 'not-accepted', undefined, 'REFUND_NOT_ALLOWED', /第一审/],
    ['an unpaid order has nothing to refund', { fee: PROPERTY_100K, amountFen: PAID_100K, status: 'pending', committedRefundFen: 0 }, 'mediated', undefined, 'REFUND_NOT_ALLOWED', /尚未缴费成功/],
    ['a share larger than the payment', paid(PROPERTY_100K, PAID_100K), 'prevailed', PAID_100K + 1, 'REFUND_EXCEEDS_PAID', /最多还可退 230000 分/],
    ['more than is left of the payment', paid(PROPERTY_100K, PAID_100K, 200_000), 'prevailed', 30_001, 'REFUND_EXCEEDS_PAID', /最多还可退 30000 分/],
    ['half again after half was already refunded or asked for', paid(PROPERTY_100K, PAID_100K, 115_000), 'mediated', undefined, 'REFUND_NOT_ALLOWED', /已无可退/],
    ['the whole payment again after it all came back', paid(PROPERTY_100K, PAID_100K, PAID_100K), 'prevailed', undefined, 'REFUND_NOT_ALLOWED', /已无可退/],
    ['an amount the Decree does not give', paid(PROPERTY_100K, PAID_100K), 'mediated', 115_001, 'REFUND_AMOUNT_MISMATCH', /应退 115000 分/],
  ])('refuses: %s', (_name, order, reason, requested, code, detail) => {
    let error: unknown;
    try {
      refundAmount(order, reason, requested, DEFAULT_FEE_SCHEDULE);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toMatch(detail);
  });
});

describe('notification signatures', () => {
  const key = randomBytes(32);
  const at = new Date('2026-11-25T08:00:00Z');
  const clock = { now: () => at };
  const body = JSON.stringify({ event: 'payment', merchantOrderId: 'o', providerOrderId: 'p', transactionId: 't', status: 'paid', amountFen: 100 });

  it('verifies what was signed, returning the notification and its nonce', () => {
    const headers = signNotification(key, body, at, 'nonce-0001');
    expect(verifySignedNotification(key, clock, headers, body)).toMatchObject({ event: 'payment', amountFen: 100, nonce: 'nonce-0001' });
  });

  it.each([
    ['a changed body', (h: Record<string, string>) => ({ headers: h, body: body.replace('"amountFen":100', '"amountFen":1') }), 'PAYMENT_CALLBACK_BAD_SIGNATURE'],
    ['another key', () => ({ headers: signNotification(randomBytes(32), body, at), body }), 'PAYMENT_CALLBACK_BAD_SIGNATURE'],
    ['a changed nonce', (h: Record<string, string>) => ({ headers: { ...h, 'x-pay-nonce': 'another-nonce' }, body }), 'PAYMENT_CALLBACK_BAD_SIGNATURE'],
    ['no signature', (h: Record<string, string>) => ({ headers: { ...h, 'x-pay-signature': '' }, body }), 'PAYMENT_CALLBACK_BAD_SIGNATURE'],
    ['an old timestamp', () => ({ headers: signNotification(key, body, new Date(at.getTime() - NOTIFICATION_TOLERANCE_MS - 1000)), body }), 'PAYMENT_CALLBACK_STALE'],
    ['a body that is not a notification', () => ({ headers: signNotification(key, '{"event":"gift"}', at), body: '{"event":"gift"}' }), 'PAYMENT_CALLBACK_MALFORMED'],
    ['a body that is not JSON', () => ({ headers: signNotification(key, 'paid!', at), body: 'paid!' }), 'PAYMENT_CALLBACK_MALFORMED'],
  ])('refuses %s', (_name, make, code) => {
    const { headers, body: sent } = make(signNotification(key, body, at));
    expect(() => verifySignedNotification(key, clock, headers, sent)).toThrow(expect.objectContaining({ code }));
  });
});

it('receipt codes are four groups of four characters without look-alikes', () => {
  const codes = new Set(Array.from({ length: 200 }, () => newReceiptCode()));
  expect(codes.size).toBe(200);
  for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
});
