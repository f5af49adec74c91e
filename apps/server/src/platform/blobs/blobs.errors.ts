import { defineErrors } from '../http/index.ts';

export const FileErrors = defineErrors({
  FILE_NOT_FOUND: { status: 404, title: { 'zh-CN': '文件不存在或无权查看', 'zh-HK': '檔案不存在或無權查看', en: 'No such file, or not yours to see' } },
  FILE_MATTER_NOT_FOUND: { status: 404, title: { 'zh-CN': '案件不存在或无权查看', 'zh-HK': '案件不存在或無權查看', en: 'No such matter, or not yours to see' } },
  FILE_PART_MISSING: { status: 400, title: { 'zh-CN': '请选择要上传的文件', 'zh-HK': '請選擇要上傳的檔案', en: 'No file was sent' } },
  FILE_TOO_LARGE: { status: 413, title: { 'zh-CN': '文件超过大小上限', 'zh-HK': '檔案超過大小上限', en: 'The file is too large' } },
  FILE_TYPE_REFUSED: { status: 415, title: { 'zh-CN': '不接受此类文件', 'zh-HK': '不接受此類檔案', en: 'This kind of file is not accepted' } },
  FILE_INTEGRITY_FAILED: {
    status: 500,
    title: { 'zh-CN': '文件完整性校验失败，已记录，请联系管理员', 'zh-HK': '檔案完整性校驗失敗，已記錄，請聯絡管理員', en: 'The stored file failed its integrity check' },
  },
});
