import { defineErrors } from '../../platform/http/index.ts';

export const MatterErrors = defineErrors({
  MATTER_NOT_FOUND: { status: 404, title: { 'zh-CN': '案件不存在或无权查看', 'zh-HK': '案件不存在或無權查看', en: 'No such matter, or not yours to see' } },
  COURT_NOT_FOUND: { status: 404, title: { 'zh-CN': '法院不存在或无权设置', 'zh-HK': '法院不存在或無權設置', en: 'No such court, or not yours to configure' } },
  CASE_TYPE_UNAVAILABLE: { status: 409, title: { 'zh-CN': '本院未启用该案件类型代字', 'zh-HK': '本院未啟用該案件類型代字', en: 'This court does not use that case type code' } },
  MATTER_UNKNOWN_PARTICIPANT: { status: 400, title: { 'zh-CN': '参与人不存在', 'zh-HK': '參與人不存在', en: 'Unknown participant' } },
});

export const MatterRecordErrors = defineErrors({
  MATTER_INVALID_CAUSE: { status: 400, title: { 'zh-CN': '案由不存在或不可用于立案', 'zh-HK': '案由不存在或不可用於立案', en: 'Unknown cause of action, or not one a matter may be filed under' } },
  MATTER_INVALID_AREA: { status: 400, title: { 'zh-CN': '行政区划代码无效', 'zh-HK': '行政區劃代碼無效', en: 'Invalid administrative area code' } },
  MATTER_UNKNOWN_PARTY: { status: 400, title: { 'zh-CN': '所指当事人不存在', 'zh-HK': '所指當事人不存在', en: 'No such party in this matter' } },
  MATTER_UNKNOWN_USER: { status: 400, title: { 'zh-CN': '关联的用户不存在', 'zh-HK': '關聯的用戶不存在', en: 'The linked user does not exist' } },
  MATTER_STAFF_ROLE_MISMATCH: { status: 400, title: { 'zh-CN': '该用户没有这一工作角色', 'zh-HK': '該用戶沒有這一工作角色', en: 'That user does not hold this role' } },
  MATTER_UPDATE_FORBIDDEN: { status: 403, title: { 'zh-CN': '只有承办本案的工作人员可以修改案件信息', 'zh-HK': '只有承辦本案的工作人員可以修改案件資料', en: 'Only staff working on the matter may change it' } },
  PARTY_NOT_FOUND: { status: 404, title: { 'zh-CN': '当事人不存在', 'zh-HK': '當事人不存在', en: 'No such party' } },
  CLAIM_NOT_FOUND: { status: 404, title: { 'zh-CN': '诉讼请求不存在', 'zh-HK': '訴訟請求不存在', en: 'No such claim' } },
  DEADLINE_NOT_FOUND: { status: 404, title: { 'zh-CN': '期限不存在', 'zh-HK': '期限不存在', en: 'No such deadline' } },
  DOSSIER_FILE_INVALID: { status: 400, title: { 'zh-CN': '文件不能编入本案卷宗', 'zh-HK': '文件不能編入本案卷宗', en: 'That file cannot go into this matter\'s dossier' } },
  DEADLINE_CLOSED: { status: 409, title: { 'zh-CN': '该期限已届满或已完成', 'zh-HK': '該期限已屆滿或已完成', en: 'That deadline is already closed' } },
});
