import { defineErrors } from '../../platform/http/index.ts';

export const MatterErrors = defineErrors({
  MATTER_NOT_FOUND: { status: 404, title: { 'zh-CN': '案件不存在或无权查看', 'zh-HK': '案件不存在或無權查看', en: 'No such matter, or not yours to see' } },
  COURT_NOT_FOUND: { status: 404, title: { 'zh-CN': '法院不存在或无权设置', 'zh-HK': '法院不存在或無權設置', en: 'No such court, or not yours to configure' } },
  CASE_TYPE_UNAVAILABLE: { status: 409, title: { 'zh-CN': '本院未启用该案件类型代字', 'zh-HK': '本院未啟用該案件類型代字', en: 'This court does not use that case type code' } },
  MATTER_UNKNOWN_PARTICIPANT: { status: 400, title: { 'zh-CN': '参与人不存在', 'zh-HK': '參與人不存在', en: 'Unknown participant' } },
});
