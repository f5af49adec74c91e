// Inside the room: the recording banner, video tiles (me and each connected peer), my media controls,
// chat, and for hosts their controls.
import { AudioMutedOutlined, AudioOutlined, DesktopOutlined, LogoutOutlined, VideoCameraAddOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChatPanel } from './ChatPanel.tsx';
import { HostPanel } from './HostPanel.tsx';
import { isHost, isRecordingOn } from './mesh-rules.ts';
import type { RoomSession, SessionSnapshot } from './room-session.ts';
import { VideoTile } from './VideoTile.tsx';

type Props = { session: RoomSession; snapshot: SessionSnapshot; localStream: MediaStream | null; onLeave: () => void };

export function RoomView({ session, snapshot, localStream, onLeave }: Props) {
  const { t } = useTranslation();
  const { room, me, peers, local } = snapshot;
  if (!room || !me) return null;
  const host = isHost(me);
  const recording = isRecordingOn(room.recording);
  const canShare = typeof navigator.mediaDevices?.getDisplayMedia === 'function';

  return (
    <>
      {recording ? <Alert type="error" showIcon banner title={t('video.room.recording')} role="status" style={{ marginBottom: 12 }} /> : null}
      {snapshot.reconnecting ? <Alert type="warning" showIcon title={t('video.room.reconnecting')} role="status" style={{ marginBottom: 12 }} /> : null}
      {snapshot.mutedByHost ? <Alert type="info" showIcon closable title={t('video.room.mutedByHost')} style={{ marginBottom: 12 }} /> : null}
      {snapshot.recordingError ? <Alert type="warning" showIcon title={t('video.room.recordingError', { reason: snapshot.recordingError })} style={{ marginBottom: 12 }} /> : null}
      <div className="oc-video-layout">
        <div>
          <Space style={{ marginBottom: 8 }} wrap>
            <Tag color={me.caucus ? 'purple' : 'blue'}>{me.caucus ? t('video.room.caucus', { name: me.caucus }) : t('video.room.mainRoom')}</Tag>
            {peers.length === 0 ? <Typography.Text type="secondary">{t('video.room.alone')}</Typography.Text> : null}
          </Space>
          <section className="oc-video-grid" aria-label={t('video.room.tiles')}>
            <VideoTile name={t('video.room.you', { name: me.displayName })} stream={localStream} local audio={local.audio} video={local.video} screen={local.screen} />
            {peers.map((p) => (
              <VideoTile
                key={p.participantId}
                name={p.displayName}
                stream={p.stream}
                audio={p.media.audio}
                video={p.media.video}
                screen={p.media.screen}
                quality={{ level: p.quality, rttMs: p.rttMs, loss: p.loss }}
                snapshot={host ? { roomId: room.id, participantId: p.participantId } : undefined}
              />
            ))}
          </section>
          <div className="oc-video-controls" role="toolbar" aria-label={t('video.room.tiles')}>
            <Button icon={local.audio ? <AudioOutlined /> : <AudioMutedOutlined />} onClick={() => session.setAudio(!local.audio)} aria-pressed={!local.audio} disabled={!localStream?.getAudioTracks().length}>
              {local.audio ? t('video.room.mute') : t('video.room.unmute')}
            </Button>
            <Button icon={local.video ? <VideoCameraOutlined /> : <VideoCameraAddOutlined />} onClick={() => session.setVideo(!local.video)} aria-pressed={!local.video} disabled={!localStream?.getVideoTracks().length}>
              {local.video ? t('video.room.cameraOff') : t('video.room.cameraOn')}
            </Button>
            {canShare ? (
              <Button icon={<DesktopOutlined />} onClick={() => void (local.screen ? session.stopScreen() : session.shareScreen().catch(() => undefined))} aria-pressed={local.screen}>
                {local.screen ? t('video.room.stopShare') : t('video.room.share')}
              </Button>
            ) : null}
            <Button danger icon={<LogoutOutlined />} onClick={onLeave}>
              {t('video.room.leave')}
            </Button>
          </div>
        </div>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {host ? <HostPanel room={room} me={me} session={session} /> : null}
          <ChatPanel messages={snapshot.chat} onSend={(text) => session.sendChat(text)} />
        </Space>
      </div>
      <Modal
        open={snapshot.askedToUnmute}
        title={t('video.room.askUnmuteTitle')}
        okText={t('video.room.askUnmuteOk')}
        cancelText={t('video.room.askUnmuteLater')}
        onOk={() => session.setAudio(true)}
        onCancel={() => session.dismissUnmutePrompt()}
      >
        {t('video.room.askUnmuteText')}
      </Modal>
    </>
  );
}
