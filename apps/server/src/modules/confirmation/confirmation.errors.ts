import { defineErrors, localised as t } from '../../platform/http/index.ts';

export const ConfirmationErrors = defineErrors({
  CONFIRMATION_NOT_FOUND: { status: 404, title: t('司法确认申请或调解协议不存在，或无权查看', '司法確認申請或調解協議不存在，或無權查看', 'No such application or agreement, or not yours to see') },
  CONFIRMATION_AGREEMENT_NOT_IN_FORCE: { status: 409, title: t('调解协议尚未经各方签署生效，不能申请司法确认', '調解協議尚未經各方簽署生效，不能申請司法確認', 'The agreement is not in force yet') },
  CONFIRMATION_TOO_LATE: { status: 409, title: t('已超过调解协议生效之日起三十日的申请期限', '已超過調解協議生效之日起三十日的申請期限', 'The thirty days to apply have passed') },
  CONFIRMATION_NOT_A_PARTY: { status: 403, title: t('只有调解协议的当事人本人可以申请司法确认', '只有調解協議的當事人本人可以申請司法確認', 'Only the agreement’s parties may apply') },
  CONFIRMATION_ALREADY_APPLIED: { status: 409, title: t('您已提出申请，请等待对方当事人共同申请', '您已提出申請，請等待對方當事人共同申請', 'You have applied already; the other side must apply too') },
});
