// Chinese names of dispute kinds, platforms and mediator kinds, for reasons and notices.
import type { TDisputeKind, TMediatorKind, TPlatform } from '@opencourt/contracts';

export const KIND_NAMES: Record<TDisputeKind, string> = {
  traffic: '交通事故纠纷',
  property: '物业服务纠纷',
  family: '婚姻家庭纠纷',
  labour: '劳动争议',
  loan: '民间借贷纠纷',
  sale: '买卖合同纠纷',
  neighbour: '相邻关系纠纷',
  enterprise: '涉企纠纷',
  other: '其他纠纷',
};

export const PLATFORM_NAMES: Record<TPlatform, string> = {
  traffic: '道路交通事故纠纷调解平台',
  property: '物业纠纷调解平台',
  family: '婚姻家庭纠纷调解平台',
  labour: '劳动争议调解平台',
  enterprise: '涉企纠纷调解平台',
};

export const MEDIATOR_KIND_NAMES: Record<TMediatorKind, string> = {
  people_mediator: '人民调解员',
  lawyer: '律师调解员',
  notary: '公证员',
  community_worker: '社区工作者',
  specialist: '专业人士',
};

export const URGENCY_LEVELS = ['normal', 'urgent', 'critical'] as const;
