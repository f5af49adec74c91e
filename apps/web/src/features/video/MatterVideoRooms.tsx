// The matter page's 视频会议室 section: the matter's rooms, and for a host-capable staff member of the
// matter (mediator, judge, clerk, coordinator) a form to open one and invite participants.
import type { TMatter, TVideoRoomCreate } from '@opencourt/contracts';
import { VideoCameraOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Card, Checkbox, Drawer, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { applyProblemToForm } from '../../shared/api/form-errors.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { useMe } from '../../shared/session/me.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { defaultVideoRole, HOST_MATTER_ROLES } from './room/mesh-rules.ts';
import { newIdempotencyKey, useMatterRooms, videoApi, videoKeys } from './video.api.ts';

const PURPOSES = ['mediation', 'witness', 'hearing', 'meeting'] as const;
const VIDEO_ROLES = ['host', 'party', 'agent', 'observer'] as const;
const COURT_WIDE_HOSTS = ['clerk', 'coordinator'];

type Invitee = { userId: string; displayName: string; invite: boolean; role: (typeof VIDEO_ROLES)[number]; side?: string };
type FormValues = { title: string; purpose: (typeof PURPOSES)[number]; participants: Invitee[] };

export function MatterVideoRooms({ matter }: { matter: TMatter }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const rooms = useMatterRooms(matter.id);
  const [open, setOpen] = useState(false);
  const canHost =
    !!me &&
    (matter.participants.some((p) => p.userId === me.id && (HOST_MATTER_ROLES as readonly string[]).includes(p.role)) ||
      me.roles.some((r) => COURT_WIDE_HOSTS.includes(r)));

  return (
    <Card
      style={{ marginTop: 16 }}
      title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('video.section')}</Typography.Title>}
      extra={
        canHost ? (
          <Button type="primary" icon={<VideoCameraOutlined />} onClick={() => setOpen(true)}>
            {t('video.create')}
          </Button>
        ) : null
      }
    >
      {rooms.isError ? <ProblemAlert error={rooms.error} /> : null}
      <List
        loading={rooms.isPending}
        dataSource={rooms.data?.items ?? []}
        rowKey="id"
        locale={{ emptyText: <Typography.Text type="secondary">{t('video.none')}</Typography.Text> }}
        renderItem={(r) => (
          <List.Item actions={[<Link key="enter" to={`/rooms/${r.id}`} aria-label={`${t('video.enter')} ${r.title}`}>{t('video.enter')}</Link>]}>
            <List.Item.Meta
              title={<Link to={`/rooms/${r.id}`}>{r.title}</Link>}
              description={
                <Space wrap size={4}>
                  <Tag>{t(`video.purposes.${r.purpose}`)}</Tag>
                  <Tag color={r.status === 'open' ? 'processing' : 'default'}>{t(`video.status.${r.status}`)}</Tag>
                  <Typography.Text type="secondary">{formatDateTime(r.scheduledAt ?? r.createdAt, i18n.language)}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {canHost && me ? <CreateRoomDrawer open={open} onClose={() => setOpen(false)} matter={matter} myUserId={me.id} /> : null}
    </Card>
  );
}

function CreateRoomDrawer({ open, onClose, matter, myUserId }: { open: boolean; onClose: () => void; matter: TMatter; myUserId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  // One retry of the same submission reuses its key; a changed form gets a new one.
  const [key, setKey] = useState(newIdempotencyKey);
  const initial = useMemo<FormValues>(() => {
    // A person takes part in a matter once per role; the room invites each person once.
    const people = new Map<string, Invitee>();
    for (const p of matter.participants) {
      if (p.userId === myUserId || people.has(p.userId)) continue;
      people.set(p.userId, { userId: p.userId, displayName: p.displayName, invite: p.role === 'party' || p.role === 'agent', role: defaultVideoRole(p.role) });
    }
    return { title: '', purpose: 'mediation', participants: [...people.values()] };
  }, [matter, myUserId]);
  const sides = [t('video.form.sides.applicant'), t('video.form.sides.respondent')].map((value) => ({ value }));

  const submit = async (values: FormValues) => {
    setError(null);
    // The form holds only the editable fields of each row; who the row is comes from `initial`.
    const invited = values.participants.map((p, i) => ({ ...initial.participants[i]!, ...p })).filter((p) => p.invite);
    if (invited.length === 0) {
      form.setFields([{ name: 'participants', errors: [t('video.form.inviteeRequired')] }]);
      return;
    }
    const body: TVideoRoomCreate = {
      title: values.title,
      purpose: values.purpose,
      participants: invited.map((p) => ({ userId: p.userId, role: p.role, ...(p.side?.trim() ? { side: p.side.trim() } : {}) })),
    };
    setSaving(true);
    try {
      const room = await videoApi.createRoom(matter.id, body, key);
      await client.invalidateQueries({ queryKey: videoKeys.matterRooms(matter.id) });
      void message.success(t('video.created'));
      onClose();
      navigate(`/rooms/${room.id}`);
    } catch (err) {
      // Field errors about invitees point into the invited list, not the form's rows, so the alert lists every error.
      applyProblemToForm(form, err);
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('video.create')} size={520} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} onValuesChange={() => setKey(newIdempotencyKey())}>
        <Form.Item name="title" label={t('video.form.title')} rules={[{ required: true, min: 2, max: 100, whitespace: true, message: t('video.form.titleRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="purpose" label={t('video.form.purpose')}>
          <Select options={PURPOSES.map((p) => ({ value: p, label: t(`video.purposes.${p}`) }))} />
        </Form.Item>
        <Form.Item label={t('video.form.invitees')} extra={t('video.form.inviteesHint')} required>
          <Form.List name="participants">
            {(fields, _ops, { errors }) => (
              <>
                {fields.map((field) => {
                  const person = initial.participants[field.name]!;
                  return (
                    <Card key={field.key} size="small" style={{ marginBottom: 8 }}>
                      <Form.Item name={[field.name, 'invite']} valuePropName="checked" style={{ marginBottom: 8 }}>
                        <Checkbox>{t('video.form.invite', { name: person.displayName })}</Checkbox>
                      </Form.Item>
                      <Space wrap style={{ width: '100%' }}>
                        <Form.Item name={[field.name, 'role']} style={{ marginBottom: 0, minWidth: 140 }}>
                          <Select aria-label={t('video.form.role', { name: person.displayName })} options={VIDEO_ROLES.map((r) => ({ value: r, label: t(`video.roles.${r}`) }))} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'side']} style={{ marginBottom: 0, minWidth: 160 }}>
                          <AutoComplete options={sides}>
                            <Input placeholder={t('video.form.sidePlaceholder')} aria-label={t('video.form.side', { name: person.displayName })} maxLength={40} />
                          </AutoComplete>
                        </Form.Item>
                      </Space>
                    </Card>
                  );
                })}
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {() => {
            const errs = form.getFieldError('participants');
            return errs.length ? <Typography.Text type="danger" role="alert">{errs.join(' ')}</Typography.Text> : null;
          }}
        </Form.Item>
        <ProblemAlert error={error} />
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('video.form.submit')}
          </Button>
          <Button onClick={onClose}>{t('video.form.cancel')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
