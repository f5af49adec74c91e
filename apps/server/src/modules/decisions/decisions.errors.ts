import { defineErrors, localised as t } from '../../platform/http/index.ts';

export const DecisionErrors = defineErrors({
  DECISION_NOT_FOUND: { status: 404, title: t('文书不存在或无权查看', '文書不存在或無權查看', 'No such decision, or not yours to see') },
  DECISION_RECORDER_REQUIRED: { status: 403, title: t('裁判文书由本案法官或书记员录入', '裁判文書由本案法官或書記員錄入', 'Decisions are recorded by the judge or clerk of the matter') },
  DECISION_INVALID: { status: 400, title: t('文书信息有误', '文書資訊有誤', 'The decision is invalid') },
  DECISION_NOT_EFFECTIVE: { status: 409, title: t('该文书尚未发生法律效力，暂不能出具生效证明', '該文書尚未發生法律效力，暫不能出具生效證明', 'The decision has not taken effect yet') },
  CERTIFICATE_PARTY_REQUIRED: { status: 403, title: t('生效证明由本案当事人自助出具', '生效證明由本案當事人自助出具', 'Only a party of the matter issues a certificate') },
  CERTIFICATE_NOT_FOUND: { status: 404, title: t('没有这个验证码的生效证明', '沒有這個驗證碼的生效證明', 'No certificate has this code') },
});
