import { defineErrors, localised as t } from '../../platform/http/index.ts';

export const NewsErrors = defineErrors({
  NEWS_NOT_FOUND: { status: 404, title: t('文章不存在', '文章不存在', 'No such article') },
  NEWS_STALE: { status: 409, title: t('文章已被他人修改，请刷新后再编辑', '文章已被他人修改，請重新整理後再編輯', 'The article was changed by someone else; reload and edit again') },
  NEWS_INVALID_TRANSITION: { status: 409, title: t('文章当前状态不能进行此操作', '文章目前狀態不能進行此操作', 'The article cannot do that in its current state') },
  NEWS_COVER_REFUSED: { status: 415, title: t('封面须为 PNG、JPEG 或 WebP 图片（按文件内容识别）', '封面須為 PNG、JPEG 或 WebP 圖片（按檔案內容識別）', 'A cover must be a PNG, JPEG or WebP image (by its content)') },
});
