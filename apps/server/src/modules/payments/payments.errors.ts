import { defineErrors, localised as t } from '../../platform/http/index.ts';

export const PaymentErrors = defineErrors({
  PAYMENT_NOT_FOUND: { status: 404, title: t('缴费订单不存在或无权查看', '繳費訂單不存在或無權查看', 'No such payment, or not yours to see') },
  PAYMENT_NOT_ALLOWED: { status: 403, title: t('只有本案当事人及其代理人可以缴费', '只有本案當事人及其代理人可以繳費', 'Only the parties and their agents may pay for this matter') },
  PAYMENT_AMOUNT_MISMATCH: { status: 400, title: t('缴费金额与《诉讼费用交纳办法》计算结果不符', '繳費金額與《訴訟費用交納辦法》計算結果不符', 'The amount differs from the fee the Decree gives') },
  PAYMENT_FEE_NOT_PAYABLE: { status: 400, title: t('该项费用无需预交', '該項費用無需預交', 'This fee is not paid in advance') },
  PAYMENT_NOT_PAYABLE: { status: 409, title: t('该订单已不能支付', '該訂單已不能支付', 'This order can no longer be paid') },
  PAYMENT_PROVIDER_UNAVAILABLE: { status: 502, title: t('支付渠道暂时不可用，请稍后再试', '支付渠道暫時不可用，請稍後再試', 'The payment provider is unavailable, try again later') },
  // Callbacks: each refusal changes nothing and is audited.
  PAYMENT_CALLBACK_BAD_SIGNATURE: { status: 401, title: t('支付通知签名无效', '支付通知簽名無效', 'The payment notification signature is invalid') },
  PAYMENT_CALLBACK_STALE: { status: 401, title: t('支付通知时间戳超出允许范围', '支付通知時間戳超出允許範圍', 'The payment notification timestamp is out of range') },
  PAYMENT_CALLBACK_REPLAYED: { status: 409, title: t('支付通知重放（随机串已使用）', '支付通知重放（隨機串已使用）', 'The payment notification was replayed (nonce already used)') },
  PAYMENT_CALLBACK_UNKNOWN_ORDER: { status: 404, title: t('支付通知对应的订单不存在', '支付通知對應的訂單不存在', 'The payment notification names an unknown order') },
  PAYMENT_CALLBACK_AMOUNT_MISMATCH: { status: 400, title: t('支付通知金额与订单不符', '支付通知金額與訂單不符', 'The payment notification amount differs from the order') },
  PAYMENT_CALLBACK_MALFORMED: { status: 400, title: t('支付通知格式错误', '支付通知格式錯誤', 'The payment notification is malformed') },
  REFUND_NOT_FOUND: { status: 404, title: t('退费申请不存在或无权查看', '退費申請不存在或無權查看', 'No such refund, or not yours to see') },
  REFUND_NOT_ALLOWED: { status: 409, title: t('依《诉讼费用交纳办法》不予退费', '依《訴訟費用交納辦法》不予退費', 'The Decree gives no refund here') },
  REFUND_EXCEEDS_PAID: { status: 409, title: t('退费金额超过已缴且未退的金额', '退費金額超過已繳且未退的金額', 'The refund exceeds what was paid and not yet refunded') },
  REFUND_AMOUNT_MISMATCH: { status: 400, title: t('退费金额与《诉讼费用交纳办法》计算结果不符', '退費金額與《訴訟費用交納辦法》計算結果不符', 'The refund differs from what the Decree gives') },
  REFUND_NOT_PENDING: { status: 409, title: t('该退费申请已处理', '該退費申請已處理', 'This refund has already been decided') },
  REFUND_APPROVER_REQUIRED: { status: 403, title: t('退费须由本案书记员或法官审批', '退費須由本案書記員或法官審批', 'A refund is approved by the clerk or judge of the matter') },
});
