import { defineErrors, localised as t } from '../../platform/http/index.ts';

export const CauseErrors = defineErrors({
  CAUSE_VERSION_UNKNOWN: { status: 400, title: t('没有该版本的民事案件案由规定', '沒有該版本的民事案件案由規定', 'No such version of the cause-of-action catalogue') },
});
