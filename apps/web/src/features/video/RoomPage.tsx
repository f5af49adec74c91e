// /rooms/:roomId: device check → waiting room → the room, and a clear message when it ends (ended
// by the host, removed, refused, left). The invitation notification links here.
import { Button, Card, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api/client.ts';
import { realtime } from '../../shared/realtime/realtime-client.ts';
import { ErrorResult } from '../../shared/ui/ErrorResult.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { PageSpinner } from '../../shared/ui/PageSpinner.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { recordingUploader } from './recording/camera-recorder.ts';
import { DeviceCheck } from './room/DeviceCheck.tsx';
import { RoomSession, type SessionPhase } from './room/room-session.ts';
import { RoomView } from './room/RoomView.tsx';
import { useRoom } from './video.api.ts';
import './video.css';

const NO_SESSION = { subscribe: () => () => undefined, getSnapshot: () => null };

function useSession(session: RoomSession | null) {
  const source = session ?? NO_SESSION;
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}

const ENDED_PHASES: SessionPhase[] = ['ended', 'removed', 'refused', 'left', 'error'];

export function RoomPage() {
  const { t } = useTranslation();
  const { roomId = '' } = useParams();
  const room = useRoom(roomId);
  /** Set when the user leaves the device check: the stream they go in with. */
  const [entered, setEntered] = useState<{ stream: MediaStream | null } | null>(null);
  const [session, setSession] = useState<RoomSession | null>(null);
  const stream = entered?.stream ?? null;
  const snapshot = useSession(session);

  // Chunks an earlier page left unsent go up now, whatever this page does.
  useEffect(() => {
    void recordingUploader().catch(() => undefined);
  }, []);

  // The session lives as long as this effect, so a re-run (StrictMode, another room) never reuses a disposed one.
  useEffect(() => {
    if (!entered) return;
    const s = new RoomSession(roomId, entered.stream, realtime());
    setSession(s);
    void s.start();
    const leaveOnUnload = () => s.dispose();
    window.addEventListener('pagehide', leaveOnUnload);
    return () => {
      window.removeEventListener('pagehide', leaveOnUnload);
      s.dispose();
      setSession(null);
    };
  }, [entered, roomId]);

  useEffect(() => () => stream?.getTracks().forEach((tr) => tr.stop()), [stream]);

  if (room.isPending) return <PageSpinner />;
  if (isApiError(room.error, 404) || isApiError(room.error, 400) || isApiError(room.error, 403)) {
    return <ErrorResult status="404" title={t('video.ended.error')} hint={room.error.problem.title} />;
  }
  if (room.isError) return <ProblemAlert error={room.error} />;
  const info = snapshot?.room ?? room.data;

  const enter = (s: MediaStream | null) => setEntered({ stream: s });
  const again = () => setEntered(null);

  let body;
  if (!session || !snapshot) {
    body = info.status === 'ended' ? <Result status="info" title={t('video.ended.ended')} /> : <DeviceCheck roomId={roomId} onEnter={enter} />;
  } else if (snapshot.phase === 'joining') {
    body = <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />;
  } else if (snapshot.phase === 'lobby') {
    body = (
      <Card>
        <Result
          icon={<Spin size="large" />}
          title={<h2 style={{ fontSize: 20, margin: 0 }}>{t('video.lobby.waiting')}</h2>}
          subTitle={t('video.lobby.waitingHint')}
          extra={<Button onClick={() => void session.leave()}>{t('video.lobby.leave')}</Button>}
        />
      </Card>
    );
  } else if (snapshot.phase === 'room') {
    body = <RoomView session={session} snapshot={snapshot} localStream={stream} onLeave={() => void session.leave()} />;
  } else if (ENDED_PHASES.includes(snapshot.phase)) {
    body = (
      <Result
        status={snapshot.phase === 'error' || snapshot.phase === 'removed' || snapshot.phase === 'refused' ? 'warning' : 'info'}
        title={<h2 style={{ fontSize: 20, margin: 0 }}>{t(`video.ended.${snapshot.phase as 'ended'}`)}</h2>}
        subTitle={snapshot.error ? <ProblemAlert error={snapshot.error} /> : undefined}
        extra={
          <Space wrap>
            {snapshot.phase === 'left' || snapshot.phase === 'error' ? <Button onClick={again}>{t('video.ended.rejoin')}</Button> : null}
            <Link to={`/matters/${info.matterId}`}>{t('video.ended.backToMatter')}</Link>
          </Space>
        }
      />
    );
  }

  return (
    <>
      <PageHeader
        title={info.title}
        subtitle={
          <Typography.Text type="secondary">
            {t(`video.purposes.${info.purpose}`)} · {t(`video.status.${info.status}`)}
          </Typography.Text>
        }
      />
      {body}
    </>
  );
}
