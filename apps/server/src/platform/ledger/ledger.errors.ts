import { defineErrors, type LocalisedText } from '../http/index.ts';

const t = (zhCN: string, zhHK: string, en: string): LocalisedText => ({ 'zh-CN': zhCN, 'zh-HK': zhHK, en });

export const LedgerErrors = defineErrors({
  LEDGER_ENTRY_UNKNOWN: { status: 404, title: t('账本中没有这条记录', '賬本中沒有這條記錄', 'Not recorded on the ledger') },
  /** Queued, or integrated but not yet in a published (witnessed) checkpoint: ask again shortly. */
  LEDGER_ENTRY_PENDING: { status: 202, title: t('已受理，正在写入账本，请稍后再查', '已受理，正在寫入賬本，請稍後再查', 'Accepted; not yet in a published checkpoint, ask again shortly') },
  /** Stored leaves or nodes are missing or altered: a proof cannot be made; an administrator must run `ledger verify`. */
  LEDGER_DAMAGED: { status: 500, title: t('账本数据缺失或被改动，请管理员运行 opencourt ledger verify', '賬本數據缺失或被改動，請管理員執行 opencourt ledger verify', 'The ledger is damaged; an administrator must run `opencourt ledger verify`') },
  LEDGER_NOT_PUBLISHED: { status: 503, title: t('账本尚无经见证的检查点', '賬本尚無經見證的檢查點', 'The ledger has no published checkpoint yet') },
});
