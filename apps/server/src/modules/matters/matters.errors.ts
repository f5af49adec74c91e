import { defineErrors } from '../../platform/http/index.ts';

export const MatterErrors = defineErrors({
  MATTER_NOT_FOUND: { status: 404, title: { 'zh-CN': '案件不存在或无权查看', 'zh-HK': '案件不存在或無權查看', en: 'No such matter, or not yours to see' } },
  MATTER_UNKNOWN_PARTICIPANT: { status: 400, title: { 'zh-CN': '参与人不存在', 'zh-HK': '參與人不存在', en: 'Unknown participant' } },
});
