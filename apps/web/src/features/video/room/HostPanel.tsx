// The host's controls: the waiting room (admit / refuse), each participant (ask to unmute, caucus
// 背对背 and back, remove), the host's own sub-room, mute all, lock, recording and ending for all.
import type { TVideoParticipant, TVideoRoom } from '@opencourt/contracts';
import { App, Button, Card, Flex, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { newIdempotencyKey, useRecordings, videoApi, videoKeys, type HostAction } from '../video.api.ts';
import { defaultCaucus, isRecordingOn, subRooms } from './mesh-rules.ts';
import type { RoomSession } from './room-session.ts';

export function HostPanel({ room, me, session }: { room: TVideoRoom; me: TVideoParticipant; session: RoomSession }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const recordings = useRecordings(room.id);
  const [busy, setBusy] = useState<string | null>(null);
  // A recording started or stopped: the list changes too.
  useEffect(() => {
    void client.invalidateQueries({ queryKey: videoKeys.recordings(room.id) });
  }, [client, room.id, room.recording?.id, room.recording?.status]);

  /** Runs a host action, shows the room it answers at once, and reports a refusal. */
  const act = async (key: string, run: () => Promise<TVideoRoom | unknown>) => {
    setBusy(key);
    try {
      const result = await run();
      if (result && typeof result === 'object' && 'participants' in result) session.applyRoom(result as TVideoRoom);
    } catch (err) {
      void message.error(err instanceof ApiError ? err.problem.title : t('common.unknownError'));
    } finally {
      setBusy(null);
    }
  };
  const participantAction = (p: TVideoParticipant, action: HostAction) => act(`${action}-${p.id}`, () => videoApi.participant(room.id, p.id, action));
  const move = (p: TVideoParticipant, caucus: string | null) => act(`move-${p.id}`, () => videoApi.move(room.id, p.id, caucus));

  const waiting = room.participants.filter((p) => p.state === 'waiting');
  const admitted = room.participants.filter((p) => p.state === 'admitted' && p.id !== me.id);
  const caucuses = [...new Set([...subRooms(room), ...admitted.filter((p) => p.role !== 'host').map(defaultCaucus)])];
  const recording = isRecordingOn(room.recording) ? room.recording : null;
  const subRoomLabel = (c: string | null) => (c ? t('video.room.caucus', { name: c }) : t('video.room.mainRoom'));

  return (
    <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('video.host.heading')}</h2>}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <section aria-labelledby="oc-host-waiting">
          <h3 id="oc-host-waiting" style={{ fontSize: 14, margin: '0 0 4px' }}>
            {t('video.host.waitingList', { count: waiting.length })}
          </h3>
          <List
            size="small"
            locale={{ emptyText: <Typography.Text type="secondary">{t('video.host.noneWaiting')}</Typography.Text> }}
            dataSource={waiting}
            rowKey="id"
            renderItem={(p) => (
              <List.Item>
                <Flex justify="space-between" align="center" wrap="wrap" gap={4} style={{ width: '100%' }}>
                  <span>
                    {p.displayName} <Tag>{t(`video.roles.${p.role}`)}</Tag>
                  </span>
                  <Space>
                    <Button size="small" type="primary" loading={busy === `admit-${p.id}`} onClick={() => void participantAction(p, 'admit')} aria-label={`${t('video.host.admit')} ${p.displayName}`}>
                      {t('video.host.admit')}
                    </Button>
                    <Button size="small" danger loading={busy === `refuse-${p.id}`} onClick={() => void participantAction(p, 'refuse')} aria-label={`${t('video.host.refuse')} ${p.displayName}`}>
                      {t('video.host.refuse')}
                    </Button>
                  </Space>
                </Flex>
              </List.Item>
            )}
          />
        </section>

        <section aria-labelledby="oc-host-participants">
          <h3 id="oc-host-participants" style={{ fontSize: 14, margin: '0 0 4px' }}>
            {t('video.host.participants')}
          </h3>
          <List
            size="small"
            locale={{ emptyText: <Typography.Text type="secondary">{t('video.room.alone')}</Typography.Text> }}
            dataSource={admitted}
            rowKey="id"
            renderItem={(p) => (
              <List.Item>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <span>
                    {p.displayName} <Tag>{t(`video.roles.${p.role}`)}</Tag>
                    {p.caucus ? <Tag color="purple">{t('video.room.caucus', { name: p.caucus })}</Tag> : null}
                    {!p.online ? <Tag>{t('video.host.offline')}</Tag> : null}
                  </span>
                  <Space wrap size={4}>
                    <Button size="small" onClick={() => void participantAction(p, 'ask-unmute')} aria-label={`${t('video.host.askUnmute')} ${p.displayName}`}>
                      {t('video.host.askUnmute')}
                    </Button>
                    {p.caucus ? (
                      <Button size="small" loading={busy === `move-${p.id}`} onClick={() => void move(p, null)} aria-label={`${t('video.host.moveBack')} ${p.displayName}`}>
                        {t('video.host.moveBack')}
                      </Button>
                    ) : (
                      <Button size="small" loading={busy === `move-${p.id}`} onClick={() => void move(p, defaultCaucus(p))} aria-label={`${t('video.host.moveTo')} ${p.displayName}`}>
                        {t('video.host.moveTo')}
                      </Button>
                    )}
                    <Popconfirm title={t('video.host.removeConfirm', { name: p.displayName })} onConfirm={() => participantAction(p, 'remove')}>
                      <Button size="small" danger aria-label={`${t('video.host.remove')} ${p.displayName}`}>
                        {t('video.host.remove')}
                      </Button>
                    </Popconfirm>
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </section>

        <label style={{ display: 'block' }}>
          <Typography.Text>{t('video.host.goTo')}</Typography.Text>
          <Select
            style={{ width: '100%' }}
            value={me.caucus ?? ''}
            options={caucuses.map((c) => ({ value: c ?? '', label: subRoomLabel(c) }))}
            onChange={(value: string) => void move(me, value || null)}
            aria-label={t('video.host.goTo')}
          />
        </label>

        <Space wrap>
          <Button onClick={() => void act('mute-all', () => videoApi.muteAll(room.id))}>{t('video.host.muteAll')}</Button>
          <Button loading={busy === 'lock'} onClick={() => void act('lock', () => videoApi.lock(room.id, !room.locked))}>
            {room.locked ? t('video.host.unlock') : t('video.host.lock')}
          </Button>
          {recording ? (
            <Button
              danger
              loading={busy === 'record'}
              onClick={() =>
                void act('record', () => videoApi.stopRecording(room.id, recording.id))
              }
            >
              {t('video.host.stopRecording')}
            </Button>
          ) : (
            <Button type="primary" loading={busy === 'record'} onClick={() => void act('record', () => videoApi.startRecording(room.id, newIdempotencyKey()))}>
              {t('video.host.startRecording')}
            </Button>
          )}
          <Popconfirm title={t('video.host.endConfirm')} onConfirm={() => act('end', () => videoApi.end(room.id))}>
            <Button danger type="primary">
              {t('video.host.end')}
            </Button>
          </Popconfirm>
        </Space>
        {room.locked ? <Typography.Text type="warning">{t('video.host.locked')}</Typography.Text> : null}

        {recordings.data?.items.length ? (
          <section aria-labelledby="oc-host-recordings">
            <h3 id="oc-host-recordings" style={{ fontSize: 14, margin: '0 0 4px' }}>
              {t('video.host.recordings')}
            </h3>
            <List
              size="small"
              dataSource={recordings.data.items}
              rowKey="id"
              renderItem={(r) => (
                <List.Item>
                  <Link to={`/rooms/${room.id}/recordings/${r.id}`}>
                    {t('video.playback.open')} · {new Date(r.startedAt).toLocaleTimeString()}
                  </Link>
                  <Tag>{t(`video.playback.status.${r.status}`)}</Tag>
                </List.Item>
              )}
            />
          </section>
        ) : null}
      </Space>
    </Card>
  );
}
