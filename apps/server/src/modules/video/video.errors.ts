import { defineErrors, localised as t } from '../../platform/http/index.ts';

export const VideoErrors = defineErrors({
  VIDEO_ROOM_NOT_FOUND: { status: 404, title: t('视频房间不存在或无权查看', '視像房間不存在或無權查看', 'No such video room, or not yours to see') },
  VIDEO_NOT_HOST: { status: 403, title: t('只有主持人可以进行此操作', '只有主持人可以進行此操作', 'Only a host may do this') },
  VIDEO_NOT_INVITED: { status: 403, title: t('您未受邀参加该视频房间', '您未獲邀參加該視像房間', 'You are not invited to this video room') },
  VIDEO_ROOM_LOCKED: { status: 423, title: t('房间已锁定，暂不允许加入', '房間已鎖定，暫不允許加入', 'The room is locked') },
  VIDEO_ROOM_ENDED: { status: 409, title: t('视频会议已结束', '視像會議已結束', 'The video session has ended') },
  VIDEO_JOIN_REFUSED: { status: 403, title: t('主持人已拒绝您进入房间', '主持人已拒絕您進入房間', 'The host refused you entry') },
  VIDEO_REMOVED: { status: 403, title: t('您已被主持人移出房间', '您已被主持人移出房間', 'The host removed you from the room') },
  VIDEO_NOT_ADMITTED: { status: 403, title: t('您尚未获准进入房间', '您尚未獲准進入房間', 'You have not been admitted to the room') },
  VIDEO_INVALID_TRANSITION: { status: 409, title: t('参与人当前状态不允许此操作', '參與人目前狀態不允許此操作', 'Not possible in the participant’s current state') },
  VIDEO_PARTICIPANT_NOT_FOUND: { status: 404, title: t('该房间没有这位参与人', '該房間沒有這位參與人', 'No such participant in this room') },
  VIDEO_PARTICIPANT_NOT_IN_MATTER: { status: 400, title: t('受邀人须为本案的参与人', '受邀人須為本案的參與人', 'Invitees must take part in the matter') },
});
