import { defineErrors, localised as t } from '../../platform/http/index.ts';

export const LibraryErrors = defineErrors({
  LIBRARY_DOCUMENT_NOT_FOUND: { status: 404, title: t('法律文件不存在', '法律文件不存在', 'No such document in the library') },
  LIBRARY_ARTICLE_NOT_FOUND: { status: 404, title: t('该文件中没有这一条', '該文件中沒有這一條', 'No such article in this document') },
  LIBRARY_CAUSE_NOT_FOUND: { status: 404, title: t('没有这个案由', '沒有這個案由', 'No such cause of action') },
});
