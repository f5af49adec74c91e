// Before joining: camera preview, a microphone level meter (Web Audio AnalyserNode), a speaker test
// tone, and a network check (API round trips and ICE gathering time), then on to the waiting room.
import { Alert, Button, Card, Flex, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { roomPath } from '../video.api.ts';

type NetworkResult = { rttMs: number; iceMs: number; candidates: number } | 'failed' | null;

/** Median of a few timed GETs of the room and the time to gather ICE candidates. */
async function checkNetwork(roomId: string): Promise<{ rttMs: number; iceMs: number; candidates: number }> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await api.get(roomPath(roomId));
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const pc = new RTCPeerConnection();
  let candidates = 0;
  const start = performance.now();
  const gathered = new Promise<void>((resolve) => {
    pc.onicecandidate = (e) => (e.candidate ? candidates++ : resolve());
    setTimeout(resolve, 5000);
  });
  pc.createDataChannel('check');
  await pc.setLocalDescription();
  await gathered;
  pc.close();
  return { rttMs: Math.round(times[1]!), iceMs: Math.round(performance.now() - start), candidates };
}

function useMicLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream?.getAudioTracks().length) return;
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 512;
    ctx.createMediaStreamSource(stream).connect(analyser);
    const data = new Uint8Array(analyser.fftSize);
    let frame = 0;
    let last = 0;
    const tick = (now: number) => {
      frame = requestAnimationFrame(tick);
      if (now - last < 100) return;
      last = now;
      analyser.getByteTimeDomainData(data);
      let sum = 0;
      for (const v of data) sum += ((v - 128) / 128) ** 2;
      // RMS scaled so that speech fills most of the bar.
      setLevel(Math.min(100, Math.round(Math.sqrt(sum / data.length) * 300)));
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      void ctx.close();
    };
  }, [stream]);
  return level;
}

function playTone() {
  const ctx = new AudioContext();
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.frequency.value = 440;
  gain.gain.value = 0.2;
  osc.connect(gain).connect(ctx.destination);
  osc.start();
  osc.stop(ctx.currentTime + 1);
  osc.onended = () => void ctx.close();
}

export function DeviceCheck({ roomId, onEnter }: { roomId: string; onEnter: (stream: MediaStream | null) => void }) {
  const { t } = useTranslation();
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [mediaError, setMediaError] = useState<string | null>(null);
  const [network, setNetwork] = useState<NetworkResult>(null);
  const [testing, setTesting] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const handedOver = useRef(false);
  const level = useMicLevel(stream);

  useEffect(() => {
    let cancelled = false;
    let opened: MediaStream | null = null;
    navigator.mediaDevices
      .getUserMedia({ audio: true, video: { width: { ideal: 640 }, height: { ideal: 360 } } })
      .then((s) => {
        opened = s;
        if (cancelled) s.getTracks().forEach((tr) => tr.stop());
        else setStream(s);
      })
      .catch((err: unknown) => !cancelled && setMediaError(err instanceof Error ? err.message : String(err)));
    return () => {
      cancelled = true;
      // The stream goes on into the room; only a check left without entering stops it.
      if (!handedOver.current) opened?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);

  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);

  const runNetwork = async () => {
    setTesting(true);
    try {
      setNetwork(await checkNetwork(roomId));
    } catch {
      setNetwork('failed');
    } finally {
      setTesting(false);
    }
  };
  useEffect(() => {
    void runNetwork();
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const enter = () => {
    handedOver.current = true;
    onEnter(stream);
  };

  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {t('video.check.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('video.check.intro')}</Typography.Paragraph>
      <Flex gap={24} wrap="wrap">
        <section style={{ flex: '1 1 280px', minWidth: 0 }} aria-labelledby="oc-check-camera">
          <Typography.Title level={3} id="oc-check-camera" style={{ fontSize: 15 }}>
            {t('video.check.camera')}
          </Typography.Title>
          {mediaError ? (
            <Alert type="warning" showIcon title={t('video.check.noCamera', { reason: mediaError })} description={t('video.check.permissionHint')} />
          ) : (
            <video ref={video} className="oc-video-preview" autoPlay playsInline muted aria-label={t('video.check.cameraPreview')} />
          )}
        </section>
        <section style={{ flex: '1 1 240px', minWidth: 0 }}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <div>
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                {t('video.check.microphone')}
              </Typography.Title>
              <Progress percent={level} showInfo={false} aria-label={t('video.check.micLevel')} />
              <Typography.Text type="secondary">{t('video.check.micHint')}</Typography.Text>
            </div>
            <div>
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                {t('video.check.speaker')}
              </Typography.Title>
              <Button onClick={playTone}>{t('video.check.playTone')}</Button>
              <div>
                <Typography.Text type="secondary">{t('video.check.toneHint')}</Typography.Text>
              </div>
            </div>
            <div>
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                {t('video.check.network')}
              </Typography.Title>
              <div role="status">
                {testing ? (
                  <Typography.Text>{t('video.check.testing')}</Typography.Text>
                ) : network === 'failed' ? (
                  <Typography.Text type="danger">{t('video.check.networkFailed')}</Typography.Text>
                ) : network ? (
                  <Typography.Text>{t('video.check.networkResult', { rtt: network.rttMs, ice: network.iceMs, count: network.candidates })}</Typography.Text>
                ) : null}
              </div>
              <Button onClick={() => void runNetwork()} disabled={testing}>
                {t('video.check.testNetwork')}
              </Button>
            </div>
          </Space>
        </section>
      </Flex>
      <Flex justify="end" style={{ marginTop: 24 }}>
        <Button type="primary" size="large" onClick={enter} disabled={!stream && !mediaError}>
          {stream || !mediaError ? t('video.check.enterLobby') : t('video.check.enterWithout')}
        </Button>
      </Flex>
    </Card>
  );
}
