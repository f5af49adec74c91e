// /rooms/:roomId/recordings/:recordingId, for authorised staff: the participants' tracks side by side,
// kept in step on one timeline (each starts at its offsetMs) under one play/pause/seek; a download link
// and the ledger receipt of each stored track, checked here in the browser.
import { CaretRightOutlined, CheckCircleFilled, CloseCircleFilled, DownloadOutlined, PauseOutlined } from '@ant-design/icons';
import type { TVideoRecording, TVideoTrack } from '@opencourt/contracts';
import { fromHex } from '@opencourt/ledger';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Slider, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorResult } from '../../../shared/ui/ErrorResult.tsx';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { PageSpinner } from '../../../shared/ui/PageSpinner.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { formatDateTime } from '../../../shared/lib/format.ts';
import { checkReceipt } from '../../verify/check-record.ts';
import { fetchInclusion, fetchLedgerKeys } from '../../verify/verify.api.ts';
import { trackMediaUrl, useRoom, videoApi, videoKeys } from '../video.api.ts';
import { formatClock, needsSeek, timelineLength, trackPosition } from './playback-sync.ts';
import '../video.css';

function useRecording(roomId: string, recordingId: string) {
  return useQuery({
    queryKey: [...videoKeys.recordings(roomId), recordingId],
    queryFn: async () => (await videoApi.recordings(roomId)).items.find((r) => r.id === recordingId) ?? null,
    // Processing ends by itself: look again until it has.
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'recording' || q.state.data.status === 'processing') ? 3000 : false),
  });
}

function ReceiptCheck({ sha256 }: { sha256: string }) {
  const { t } = useTranslation();
  const check = useQuery({
    queryKey: ['video', 'receipt', sha256],
    queryFn: async () => {
      const [keys, answer] = await Promise.all([fetchLedgerKeys(), fetchInclusion(sha256)]);
      const result = checkReceipt(answer.receipt, keys, { digest: fromHex(sha256), recordedAt: answer.recordedAt, kind: answer.kind });
      if (result.outcome !== 'verified') throw new Error(result.outcome === 'invalid' ? result.reason : result.outcome);
      return result;
    },
    // A new leaf reaches the ledger, and its checkpoint the witnesses' cosignatures, within seconds:
    // until then there is no proof, or not yet a quorum. Ask again for a while before saying it failed.
    retry: 20,
    retryDelay: 1000,
  });
  return (
    <Space wrap size={4}>
      <a href={`/api/v1/ledger/receipts/${sha256}`} download>
        {t('video.playback.receipt')}
      </a>
      {check.isSuccess ? (
        <Tag icon={<CheckCircleFilled style={{ color: '#237804' }} />}>{t('video.playback.verified')}</Tag>
      ) : check.isError ? (
        <Tag icon={<CloseCircleFilled style={{ color: '#a8071a' }} />} title={check.error.message}>
          {t('video.playback.notVerified')}
        </Tag>
      ) : null}
      <Link to="/verify">{t('video.playback.verify')}</Link>
    </Space>
  );
}

/** One transport for all tracks: a clock on requestAnimationFrame that every <video> follows. */
function SyncedPlayer({ roomId, recording, names }: { roomId: string; recording: TVideoRecording; names: Map<string, string> }) {
  const { t } = useTranslation();
  const tracks = recording.tracks.filter((tr) => tr.fileId);
  const length = timelineLength(tracks);
  const videos = useRef(new Map<string, HTMLVideoElement>());
  const [position, setPosition] = useState(0);
  const [playing, setPlaying] = useState(false);
  const clock = useRef({ base: 0, position: 0 });

  const follow = (ms: number, play: boolean) => {
    for (const track of tracks) {
      const el = videos.current.get(track.id);
      if (!el) continue;
      const wanted = trackPosition(track, ms);
      if (needsSeek(el.currentTime, wanted.seconds)) el.currentTime = wanted.seconds;
      if (play && wanted.state === 'playing') {
        if (el.paused) void el.play().catch(() => undefined);
      } else if (!el.paused) el.pause();
    }
  };

  useEffect(() => {
    if (!playing) return;
    clock.current.base = performance.now() - clock.current.position;
    let frame = requestAnimationFrame(function tick(now) {
      const ms = Math.min(length, now - clock.current.base);
      clock.current.position = ms;
      setPosition(ms);
      follow(ms, true);
      if (ms >= length) setPlaying(false);
      else frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
    // follow reads refs only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, length]);

  const toggle = () => {
    if (playing) {
      setPlaying(false);
      follow(clock.current.position, false);
    } else {
      if (clock.current.position >= length) clock.current.position = 0;
      setPlaying(true);
    }
  };
  const seek = (ms: number) => {
    clock.current.position = ms;
    clock.current.base = performance.now() - ms;
    setPosition(ms);
    follow(ms, playing);
  };

  if (tracks.length === 0) return <Alert type="info" showIcon title={t('video.playback.noTracks')} />;
  return (
    <>
      <div className="oc-playback-grid">
        {tracks.map((track: TVideoTrack) => {
          const name = names.get(track.participantId) ?? '';
          const url = trackMediaUrl(roomId, recording.id, track.id);
          return (
            <Card key={track.id} size="small" title={<h2 style={{ fontSize: 14, margin: 0 }}>{t('video.playback.trackOf', { name })}</h2>}>
              <video
                ref={(el) => {
                  if (el) videos.current.set(track.id, el);
                  else videos.current.delete(track.id);
                }}
                src={url}
                preload="auto"
                playsInline
                aria-label={t('video.playback.trackOf', { name })}
                data-track={track.id}
              />
              <Space orientation="vertical" size={2}>
                <a href={url} download={`${name || 'track'}-${track.id.slice(0, 8)}.webm`}>
                  <DownloadOutlined /> {t('video.playback.download')}
                </a>
                {track.sha256 ? <ReceiptCheck sha256={track.sha256} /> : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('video.playback.duration')} {formatClock(track.durationMs ?? 0)} · +{formatClock(track.offsetMs)}
                </Typography.Text>
              </Space>
            </Card>
          );
        })}
      </div>
      <Space style={{ width: '100%', marginTop: 12 }} align="center">
        <Button type="primary" icon={playing ? <PauseOutlined /> : <CaretRightOutlined />} onClick={toggle}>
          {playing ? t('video.playback.pause') : t('video.playback.play')}
        </Button>
        <Typography.Text aria-live="off">
          {formatClock(position)} / {formatClock(length)}
        </Typography.Text>
      </Space>
      <Slider min={0} max={Math.max(1, length)} step={100} value={position} onChange={(v: number) => seek(v)} tooltip={{ formatter: (v) => formatClock(v ?? 0) }} ariaLabelForHandle={t('video.playback.position')} />
    </>
  );
}

export function PlaybackPage() {
  const { t, i18n } = useTranslation();
  const { roomId = '', recordingId = '' } = useParams();
  const room = useRoom(roomId);
  const recording = useRecording(roomId, recordingId);
  if (room.isPending || recording.isPending) return <PageSpinner />;
  if (room.isError && recording.isError) return <ProblemAlert error={recording.error} />;
  if (!recording.data) return <ErrorResult status="404" title={t('video.playback.notFound')} hint={t('video.playback.notFound')} />;
  const rec = recording.data;
  const names = new Map(room.data?.participants.map((p) => [p.id, p.displayName]) ?? []);
  return (
    <>
      <PageHeader title={`${t('video.playback.heading')} · ${room.data?.title ?? ''}`} extra={<Link to={`/rooms/${roomId}`}>{t('video.playback.back')}</Link>} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'status', label: t('video.playback.heading'), children: <Tag>{t(`video.playback.status.${rec.status}`)}</Tag> },
            { key: 'startedAt', label: t('video.playback.startedAt'), children: formatDateTime(rec.startedAt, i18n.language) },
          ]}
        />
        {rec.error ? <Alert type="error" showIcon title={rec.error} /> : null}
      </Card>
      {rec.status === 'ready' ? (
        <SyncedPlayer roomId={roomId} recording={rec} names={names} />
      ) : rec.status === 'failed' ? null : (
        <Alert type="info" showIcon title={t('video.playback.processing')} role="status" />
      )}
    </>
  );
}
