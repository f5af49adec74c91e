import { defineErrors, localised as t } from '../../platform/http/index.ts';

export const FilingErrors = defineErrors({
  FILING_NOT_FOUND: { status: 404, title: t('立案申请不存在或无权查看', '立案申請不存在或無權查看', 'No such filing, or not yours to see') },
  FILING_STALE: { status: 409, title: t('该申请已被他人处理或已更新，请刷新后再操作', '該申請已被他人處理或已更新，請重新整理後再操作', 'Someone else has acted on this application, or it changed: reload it first') },
  FILING_INVALID_TRANSITION: { status: 409, title: t('该申请当前状态下不能进行此操作', '該申請目前狀態下不能進行此操作', 'This cannot be done to the application in its current state') },
  FILING_CORRECTION_OVERDUE: { status: 409, title: t('补正期限已过，申请已失效', '補正期限已過，申請已失效', 'The correction deadline has passed; the application has lapsed') },
  FILING_INVALID_MATERIAL: { status: 400, title: t('材料文件不存在或不是本人上传', '材料檔案不存在或不是本人上傳', 'A material file does not exist or was not uploaded by you') },
  FILING_UNKNOWN_COURT: { status: 400, title: t('受诉法院不存在', '受訴法院不存在', 'No such court') },
  PRESERVATION_NOT_FOUND: { status: 404, title: t('保全申请不存在或无权查看', '保全申請不存在或無權查看', 'No such preservation application, or not yours to see') },
  PRESERVATION_GUARANTEE: { status: 400, title: t('担保不符合规定', '擔保不符合規定', 'The guarantee does not meet the rules') },
});
