// Typed error codes of video recording and snapshots, mapped to problem+json by the platform handler.
import { defineErrors, localised as t } from '../../../platform/http/index.ts';

export const RecordingErrors = defineErrors({
  VIDEO_ROOM_NOT_FOUND: { status: 404, title: t('未找到该视频房间', '未找到該視訊房間', 'Video room not found') },
  VIDEO_ROOM_ENDED: { status: 409, title: t('视频房间已结束', '視訊房間已結束', 'The video room has ended') },
  VIDEO_NOT_HOST: { status: 403, title: t('只有主持人可以进行此操作', '只有主持人可以進行此操作', 'Only a host may do this') },
  VIDEO_NOT_ADMITTED: { status: 403, title: t('您不在该视频房间中', '您不在該視訊房間中', 'You are not admitted to this room') },
  VIDEO_RECORDING_NOT_FOUND: { status: 404, title: t('未找到该录像', '未找到該錄影', 'Recording not found') },
  VIDEO_RECORDING_ACTIVE: { status: 409, title: t('该房间正在录像', '該房間正在錄影', 'The room is already being recorded') },
  VIDEO_RECORDING_CLOSED: { status: 409, title: t('录像已停止，不再接收内容', '錄影已停止，不再接收內容', 'The recording is closed') },
  VIDEO_TRACK_NOT_FOUND: { status: 404, title: t('未找到该录像轨道', '未找到該錄影軌道', 'Track not found') },
  VIDEO_TRACK_FINISHED: { status: 409, title: t('该录像轨道已结束', '該錄影軌道已結束', 'The track is finished') },
  VIDEO_TRACK_INCOMPLETE: { status: 409, title: t('录像分段数与服务器已确认的不一致', '錄影分段數與伺服器已確認的不一致', 'The chunk count does not match what was acknowledged') },
  VIDEO_CHUNK_OUT_OF_ORDER: { status: 409, title: t('录像分段顺序不对', '錄影分段順序不對', 'Chunk out of order') },
  VIDEO_CHUNK_CONFLICT: { status: 409, title: t('该序号的录像分段已用不同内容确认', '該序號的錄影分段已用不同內容確認', 'A different chunk was acknowledged at this sequence number') },
  VIDEO_CHUNK_HASH_MISMATCH: { status: 400, title: t('录像分段的校验值不符', '錄影分段的校驗值不符', 'The chunk does not match its SHA-256') },
  VIDEO_CHUNK_EMPTY: { status: 400, title: t('录像分段为空', '錄影分段為空', 'The chunk is empty') },
  VIDEO_CHUNK_TOO_LARGE: { status: 413, title: t('录像分段超过大小上限', '錄影分段超過大小上限', 'The chunk is too large') },
  VIDEO_MEDIA_NOT_READY: { status: 409, title: t('录像尚未处理完成', '錄影尚未處理完成', 'The recording is not processed yet') },
  VIDEO_MEDIA_DELETED: { status: 410, title: t('录像已过保存期限并被删除', '錄影已過保存期限並被刪除', 'The recording was deleted after its retention period') },
  VIDEO_RANGE_NOT_SATISFIABLE: { status: 416, title: t('请求的范围无效', '請求的範圍無效', 'Range not satisfiable') },
  VIDEO_SNAPSHOT_TYPE_REFUSED: { status: 415, title: t('截图须为 PNG 或 JPEG 图片', '截圖須為 PNG 或 JPEG 圖片', 'A snapshot must be a PNG or JPEG image') },
  VIDEO_PARTICIPANT_NOT_FOUND: { status: 404, title: t('未找到该参与人', '未找到該參與人', 'Participant not found') },
});
