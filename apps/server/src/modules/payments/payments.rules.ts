// Pure rules of payments: what an order is for and costs, how a provider's notification moves an order,
// and what comes back in a refund under 《诉讼费用交纳办法》 (State Council Decree 481). No I/O, no clock.
import { randomBytes } from 'node:crypto';
import { CASE_FEE_KINDS, type TFeeEstimateRequest, type TPaymentPurpose, type TPaymentStatus, type TRefundReason } from '@opencourt/contracts';
import { estimateFee, type FeeSchedule } from '../fees/index.ts';
import { PaymentErrors } from './payments.errors.ts';

const CASE_KINDS = new Set<string>(CASE_FEE_KINDS);
export const purposeOf = (fee: TFeeEstimateRequest): TPaymentPurpose => (CASE_KINDS.has(fee.kind) ? 'case-acceptance' : 'application');

export const PURPOSE_NAMES: Record<TPaymentPurpose, string> = { 'case-acceptance': '案件受理费', application: '申请费' };

/**
 * The amount of an order: the fee rules' figure for the request. A client that states the amount it
 * expects is held to it, to the fen, so a stale page never charges a different sum.
 */
export function orderAmount(fee: TFeeEstimateRequest, expectedFen: number | undefined, schedule: FeeSchedule): number {
  const { feeFen } = estimateFee(fee, schedule);
  if (feeFen <= 0) throw PaymentErrors.PAYMENT_FEE_NOT_PAYABLE('按《诉讼费用交纳办法》计算，该项费用为零，无需缴纳', { fields: [{ pointer: '/body/fee', detail: '该项费用为零，无需缴纳' }] });
  if (expectedFen !== undefined && expectedFen !== feeFen) {
    throw PaymentErrors.PAYMENT_AMOUNT_MISMATCH(`应缴 ${feeFen} 分，请求为 ${expectedFen} 分`, {
      fields: [{ pointer: '/body/amountFen', detail: `按《诉讼费用交纳办法》应缴 ${feeFen} 分` }],
      extra: { feeFen },
    });
  }
  return feeFen;
}

// ---------------------------------------------------------------------------------------------------
// Notifications from the provider. Each verified notification either moves the order once, is a
// duplicate of what already happened (answered as success, nothing changes), or is refused.

export type PaymentNotice = { status: 'paid' | 'failed'; amountFen: number };
export type NoticeOutcome = { apply: TPaymentStatus } | { duplicate: true };

export function applyPaymentNotice(order: { status: TPaymentStatus; amountFen: number } | undefined, notice: PaymentNotice): NoticeOutcome {
  if (!order) throw PaymentErrors.PAYMENT_CALLBACK_UNKNOWN_ORDER();
  if (notice.amountFen !== order.amountFen) {
    throw PaymentErrors.PAYMENT_CALLBACK_AMOUNT_MISMATCH(`订单金额 ${order.amountFen} 分，通知金额 ${notice.amountFen} 分`);
  }
  if (order.status === 'paid') return { duplicate: true };
  if (notice.status === 'paid') {
    // A closed order the provider still took money for (the payer paid as it closed) is paid: refusing
    // it would lose the payer's money; it can be refunded like any other payment.
    return { apply: 'paid' };
  }
  return order.status === 'pending' ? { apply: 'failed' } : { duplicate: true };
}

export type RefundNotice = { status: 'refunded' | 'failed'; amountFen: number };

export function applyRefundNotice(refund: { status: string; amountFen: number } | undefined, notice: RefundNotice): { apply: 'refunded' | 'failed' } | { duplicate: true } {
  if (!refund) throw PaymentErrors.PAYMENT_CALLBACK_UNKNOWN_ORDER('退费通知对应的退费申请不存在');
  if (notice.amountFen !== refund.amountFen) throw PaymentErrors.PAYMENT_CALLBACK_AMOUNT_MISMATCH(`退费金额 ${refund.amountFen} 分，通知金额 ${notice.amountFen} 分`);
  if (refund.status !== 'approved') return { duplicate: true };
  return { apply: notice.status };
}

// ---------------------------------------------------------------------------------------------------
// Refunds.

const DECREE = '《诉讼费用交纳办法》';
/** Each reason's article, and whether the fee comes back at all. */
export const REFUND_BASIS: Record<TRefundReason, string> = {
  mediated: `${DECREE}第十五条：以调解方式结案的，减半交纳案件受理费`,
  withdrawn: `${DECREE}第十五条：当事人申请撤诉的，减半交纳案件受理费`,
  'criminal-transfer': `${DECREE}第二十五条：发现涉嫌刑事犯罪并将案件移送有关部门处理的，案件受理费予以退还`,
  'not-accepted': `${DECREE}第二十七条第二款：第一审人民法院裁定不予受理或者驳回起诉的，应当退还已交纳的案件受理费`,
  remanded: `${DECREE}第二十七条第一款：第二审人民法院决定将案件发回重审的，应当退还上诉人已交纳的第二审案件受理费`,
  prevailed: `${DECREE}第二十九条：诉讼费用由败诉方负担；部分胜诉、部分败诉的，由人民法院决定各自负担的数额`,
  suspended: `${DECREE}第二十六条：中止诉讼、中止执行的案件，已交纳的案件受理费、申请费不予退还`,
  terminated: `${DECREE}第二十八条：依照民事诉讼法规定终结诉讼的案件，已交纳的案件受理费不予退还`,
};
const HALVED_ONCE = '已减半交纳的案件受理费不再减半（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百零六条）';

export type RefundableOrder = { fee: TFeeEstimateRequest; amountFen: number; status: TPaymentStatus; /** Refunds requested, approved or paid (not refused or failed). */ committedRefundFen: number };

/**
 * What comes back for a reason, within what is left of the payment. `requestedFen` is only for a partly
 * won case, where the court decides the share (art. 29 ¶2); for every other reason the Decree fixes it.
 */
export function refundAmount(order: RefundableOrder, reason: TRefundReason, requestedFen: number | undefined, schedule: FeeSchedule): { amountFen: number; basis: string } {
  const basis = REFUND_BASIS[reason];
  const refuse = (detail: string) => PaymentErrors.REFUND_NOT_ALLOWED(detail, { fields: [{ pointer: '/body/reason', detail }] });
  if (order.status !== 'paid') throw refuse('该订单尚未缴费成功，没有可退的费用');
  const left = order.amountFen - order.committedRefundFen;
  if (requestedFen !== undefined && requestedFen > left) {
    throw PaymentErrors.REFUND_EXCEEDS_PAID(`已缴 ${order.amountFen} 分，已退或待退 ${order.committedRefundFen} 分，最多还可退 ${left} 分`, {
      fields: [{ pointer: '/body/amountFen', detail: `最多还可退 ${left} 分` }],
    });
  }
  const isCase = purposeOf(order.fee) === 'case-acceptance';
  const fee = order.fee;
  const instance = 'instance' in fee ? fee.instance : 'first';
  /** What the reason gives back in all, before earlier refunds of the same payment are taken off. */
  let due: number;
  switch (reason) {
    case 'suspended':
    case 'terminated':
      throw refuse(basis);
    case 'mediated':
    case 'withdrawn': {
      if (!isCase) throw refuse(`申请费不适用减半（${DECREE}第十五条仅适用于案件受理费）`);
      if (fee.procedure !== 'ordinary') throw refuse(HALVED_ONCE);
      due = order.amountFen - estimateFee({ ...fee, procedure: reason } as TFeeEstimateRequest, schedule).feeFen;
      break;
    }
    case 'criminal-transfer':
      if (!isCase) throw refuse(`${DECREE}第二十五条仅退还案件受理费`);
      due = order.amountFen;
      break;
    case 'not-accepted':
      if (!isCase || instance !== 'first') throw refuse(`${DECREE}第二十七条第二款适用于第一审案件受理费`);
      due = order.amountFen;
      break;
    case 'remanded':
      if (!isCase || instance !== 'appeal') throw refuse(`${DECREE}第二十七条第一款仅退还第二审案件受理费`);
      due = order.amountFen;
      break;
    case 'prevailed':
      // The court decides the share of a partly won case (art. 29 ¶2); otherwise all that is left.
      due = requestedFen !== undefined ? requestedFen + order.committedRefundFen : order.amountFen;
      break;
  }
  const computed = due - order.committedRefundFen;
  if (computed <= 0) throw refuse(`已退或待退 ${order.committedRefundFen} 分，按规定已无可退的费用`);
  if (requestedFen !== undefined && requestedFen !== computed) {
    throw PaymentErrors.REFUND_AMOUNT_MISMATCH(`应退 ${computed} 分`, { fields: [{ pointer: '/body/amountFen', detail: `按${basis.split('：')[0]}应退 ${computed} 分` }] });
  }
  return { amountFen: computed, basis };
}

/** Who approves a refund: the clerk or judge taking part in the matter, or the court's clerks. */
export const REFUND_APPROVER_ROLES = ['clerk', 'judge'] as const;

/** A receipt's verification code: 16 characters from an alphabet without look-alikes, grouped by four. */
export function newReceiptCode(random: (n: number) => Buffer = randomBytes): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = random(16);
  const chars = [...bytes].map((b) => alphabet[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}
