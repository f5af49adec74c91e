// The printable receipts: 收费凭证 for a paid order, 退费凭证 for a refund paid back. Both carry the
// verification code the public check accepts.
import type { TFeeKind } from '@opencourt/contracts';
import type { DocumentModel } from '../../platform/documents/index.ts';
import { estimateFee, formatYuan, type FeeSchedule } from '../fees/index.ts';
import { PURPOSE_NAMES, purposeOf } from './payments.rules.ts';
import type { OrderRow, RefundRow } from './payments.store.ts';

export const FEE_KIND_NAMES: Record<TFeeKind, string> = {
  property: '财产案件受理费',
  divorce: '离婚案件受理费',
  personality: '人格权案件受理费',
  'non-property': '非财产案件受理费',
  ip: '知识产权案件受理费',
  labour: '劳动争议案件受理费',
  administrative: '行政案件受理费',
  'jurisdiction-objection': '管辖权异议案件受理费',
  execution: '申请执行费',
  preservation: '申请保全费',
  'payment-order': '申请支付令费',
  'public-summons': '申请公示催告费',
  arbitration: '申请撤销或执行仲裁裁决等申请费',
  bankruptcy: '申请破产费',
};

const shanghai = (d: Date) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'medium', hour12: false }).format(d);
const yuan = (fen: number) => `${formatYuan(fen)} 元`;

export type ReceiptContext = { matterTitle: string; caseNumber: string | null; courtName: string; payerName: string; provider: string };

function head(ctx: ReceiptContext) {
  return [
    { label: '案号', value: ctx.caseNumber ?? '（尚未立案编号）' },
    { label: '案件', value: ctx.matterTitle },
    { label: '收款单位', value: ctx.courtName },
  ];
}

export function paymentReceipt(order: OrderRow, ctx: ReceiptContext, schedule: FeeSchedule): DocumentModel {
  const estimate = estimateFee(order.fee, schedule);
  return {
    title: '收费凭证',
    meta: [
      ...head(ctx),
      { label: '缴费人', value: ctx.payerName },
      { label: '费用项目', value: `${PURPOSE_NAMES[purposeOf(order.fee)]}（${FEE_KIND_NAMES[order.fee.kind]}）` },
      { label: '金额', value: yuan(order.amountFen) },
      { label: '缴费时间', value: order.paidAt ? shanghai(order.paidAt) : '' },
      { label: '订单号', value: order.id },
      { label: '支付渠道流水号', value: `${ctx.provider} ${order.providerTransactionId ?? ''}`.trim() },
    ],
    sections: [
      {
        heading: '计费明细',
        blocks: [
          { kind: 'table', columns: ['项目', '依据', '金额（元）'], widths: [4, 4, 2], rows: estimate.lines.map((l) => [l.label, l.basis, formatYuan(l.amountFen)]) },
          { kind: 'paragraph', text: `合计：${yuan(order.amountFen)}`, strong: true },
        ],
      },
      { heading: '说明', blocks: [{ kind: 'note', text: '本凭证依据支付渠道的已验证通知出具；可凭页脚验证码在本平台核验真伪。' }] },
    ],
    footer: { verificationCode: order.receiptCode ?? undefined, note: 'OpenCourt 诉讼费用收费凭证' },
  };
}

export function refundReceipt(order: OrderRow, refund: RefundRow, ctx: ReceiptContext): DocumentModel {
  return {
    title: '退费凭证',
    meta: [
      ...head(ctx),
      { label: '退款对象', value: ctx.payerName },
      { label: '原缴费项目', value: `${PURPOSE_NAMES[purposeOf(order.fee)]}（${FEE_KIND_NAMES[order.fee.kind]}）` },
      { label: '原缴金额', value: yuan(order.amountFen) },
      { label: '退费金额', value: yuan(refund.amountFen) },
      { label: '退费时间', value: refund.refundedAt ? shanghai(refund.refundedAt) : '' },
      { label: '退费单号', value: refund.id },
    ],
    sections: [
      { heading: '退费依据', blocks: [{ kind: 'paragraph', text: refund.basis }, ...(refund.note ? [{ kind: 'note' as const, text: `备注：${refund.note}` }] : [])] },
    ],
    footer: { verificationCode: refund.receiptCode ?? undefined, note: 'OpenCourt 诉讼费用退费凭证' },
  };
}
