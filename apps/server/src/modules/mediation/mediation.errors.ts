import { defineErrors, localised as t } from '../../platform/http/index.ts';

export const MediationErrors = defineErrors({
  MEDIATION_NOT_FOUND: { status: 404, title: t('不存在或无权查看', '不存在或無權查看', 'Not found, or not yours to see') },
  MEDIATION_INVALID: { status: 422, title: t('提交的内容有误', '提交的內容有誤', 'The request is invalid') },
  MEDIATION_OUTSIDE_AREA: { status: 422, title: t('不能指派辖区以外的调解组织或调解员', '不能指派轄區以外的調解組織或調解員', 'A mediator or organisation outside the dispute’s area cannot be assigned') },
  MEDIATION_RULE_OVERLAP: { status: 422, title: t('与已有规则重叠且优先级相同', '與已有規則重疊且優先級相同', 'The rule overlaps an existing rule of the same priority') },
  MEDIATION_STALE: { status: 409, title: t('该记录已被他人修改，请刷新后再试', '該記錄已被他人修改，請重新整理後再試', 'Someone else changed this record; reload and try again') },
  MEDIATION_ALREADY_ASSIGNED: { status: 409, title: t('该纠纷已由其他协调员分派，请刷新查看', '該糾紛已由其他協調員分派，請重新整理查看', 'Another coordinator has already assigned this dispute; reload to see it') },
  MEDIATION_ALREADY_REGISTERED: { status: 409, title: t('该案件已登记分拣', '該案件已登記分揀', 'This matter is already registered for triage') },
});
