// One participant's video with their name, media state and (for peers) connection quality. The host
// can take a still of it (canvas → PNG → POST …/snapshots).
import { AudioMutedOutlined, CameraOutlined, DesktopOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { App, Button, Tag, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey, videoApi } from '../video.api.ts';
import type { Quality } from './connection-quality.ts';

/** A coloured dot beside dark text: the text keeps its contrast whatever the level. */
const QUALITY_COLOR: Record<Quality, string> = { good: '#389e0d', fair: '#d48806', poor: '#cf1322', unknown: '#8c8c8c' };

type Props = {
  name: string;
  stream: MediaStream | null;
  /** The local preview is muted (no echo) and mirrored. */
  local?: boolean;
  audio: boolean;
  video: boolean;
  screen: boolean;
  quality?: { level: Quality; rttMs: number | null; loss: number };
  snapshot?: { roomId: string; participantId: string };
};

/** Draws the video's current frame and returns it as PNG. */
function captureFrame(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth || 640;
  canvas.height = video.videoHeight || 360;
  canvas.getContext('2d')!.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no frame'))), 'image/png'));
}

export function VideoTile({ name, stream, local = false, audio, video, screen, quality, snapshot }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && el.srcObject !== stream) el.srcObject = stream;
  }, [stream]);

  const takeSnapshot = async () => {
    if (!ref.current || !snapshot) return;
    try {
      const png = await captureFrame(ref.current);
      await videoApi.snapshot(snapshot.roomId, snapshot.participantId, png, newIdempotencyKey());
      void message.success(t('video.host.snapshotTaken', { name }));
    } catch (err) {
      void message.error(err instanceof Error ? err.message : t('common.unknownError'));
    }
  };

  return (
    <figure className="oc-video-tile" data-participant={snapshot?.participantId ?? (local ? 'me' : undefined)}>
      <video ref={ref} autoPlay playsInline muted={local} aria-label={name} style={local && !screen ? { transform: 'scaleX(-1)' } : undefined} />
      {snapshot ? (
        <div className="oc-video-actions">
          <Button size="small" icon={<CameraOutlined />} onClick={() => void takeSnapshot()}>
            {t('video.host.snapshot')}
          </Button>
        </div>
      ) : null}
      <figcaption>
        <span className="oc-video-name">{name}</span>
        {!audio ? (
          <Tooltip title={t('video.room.muted')}>
            <AudioMutedOutlined aria-label={t('video.room.muted')} />
          </Tooltip>
        ) : null}
        {!video ? <Tag icon={<VideoCameraOutlined />}>{t('video.room.cameraIsOff')}</Tag> : null}
        {screen ? <Tag icon={<DesktopOutlined />}>{t('video.room.sharing')}</Tag> : null}
        {quality ? (
          <Tooltip title={quality.rttMs !== null ? t('video.room.qualityDetail', { rtt: quality.rttMs, loss: (quality.loss * 100).toFixed(1) }) : undefined}>
            <Tag icon={<span className="oc-dot" style={{ background: QUALITY_COLOR[quality.level] }} />} data-quality={quality.level}>
              {t(`video.room.quality.${quality.level}`)}
            </Tag>
          </Tooltip>
        ) : null}
      </figcaption>
    </figure>
  );
}
