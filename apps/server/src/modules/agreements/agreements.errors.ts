import { defineErrors, localised as t } from '../../platform/http/index.ts';

export const AgreementErrors = defineErrors({
  AGREEMENT_NOT_FOUND: { status: 404, title: t('调解协议不存在或无权查看', '調解協議不存在或無權查看', 'No such agreement, or not yours to see') },
  AGREEMENT_NOT_ALLOWED: { status: 403, title: t('只有本案的调解员可以起草和管理调解协议', '只有本案的調解員可以起草和管理調解協議', 'Only the matter’s mediator may draft and manage its agreement') },
  AGREEMENT_TOO_FEW_PARTIES: { status: 409, title: t('本案登记的当事人不足两方，无法起草调解协议', '本案登記的當事人不足兩方，無法起草調解協議', 'The matter has fewer than two parties to agree') },
  AGREEMENT_STALE: { status: 409, title: t('调解协议已被他人修改，请刷新后再操作', '調解協議已被他人修改，請重新整理後再操作', 'The agreement changed meanwhile; reload and try again') },
  AGREEMENT_INVALID_STATE: { status: 409, title: t('调解协议当前状态不允许此操作', '調解協議目前狀態不允許此操作', 'The agreement’s state does not allow this') },
  AGREEMENT_ALREADY_SIGNED: { status: 409, title: t('您已签署过本协议，不能重复签署', '您已簽署過本協議，不能重複簽署', 'You have signed this agreement already') },
  AGREEMENT_NOT_SIGNATORY: { status: 403, title: t('您不是本协议的签署人，不能代他人签署', '您不是本協議的簽署人，不能代他人簽署', 'You are not a signatory of this agreement') },
  AGREEMENT_PARTIES_FIRST: { status: 409, title: t('请待各方当事人签署后，调解员再签署', '請待各方當事人簽署後，調解員再簽署', 'The mediator signs after every party') },
  AGREEMENT_SIGNATURE_INVALID: { status: 400, title: t('手写签名图片无效', '手寫簽名圖片無效', 'The handwritten signature image is invalid') },
  AGREEMENT_CODE_REQUIRED: { status: 400, title: t('请填写发送到您手机的验证码', '請填寫發送到您手機的驗證碼', 'Enter the code sent to your phone') },
});
