// The header's bell: unread count and the latest notifications, live over the realtime socket
// (`user:<id>`). An item with a link (e.g. a video room invitation, /rooms/<id>) opens it.
import { BellOutlined } from '@ant-design/icons';
import type { TNotificationPage } from '@opencourt/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { useRealtimeRoom } from '../../shared/realtime/useRealtime.ts';

const KEY = ['notifications', 'latest'] as const;

export function NotificationBell({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const latest = useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<TNotificationPage>('/notifications', { limit: 10 }, { signal }) });
  useRealtimeRoom(`user:${userId}`, (event) => {
    if (event.type === 'notification.created' || event.type === 'notification.read') void client.invalidateQueries({ queryKey: KEY });
  });
  const unread = latest.data?.unreadCount ?? 0;

  const openItem = async (id: string, link: string | null, read: boolean) => {
    setOpen(false);
    if (!read) await api.post(`/notifications/${encodeURIComponent(id)}/read`).catch(() => undefined);
    void client.invalidateQueries({ queryKey: KEY });
    if (link?.startsWith('/')) navigate(link);
  };

  const content = (
    <div style={{ width: 'min(360px, 90vw)' }}>
      <List
        size="small"
        dataSource={latest.data?.items ?? []}
        locale={{ emptyText: <Typography.Text type="secondary">{t('notifications.empty')}</Typography.Text> }}
        rowKey="id"
        renderItem={(n) => (
          <List.Item>
            <button type="button" className="oc-notification-item" onClick={() => void openItem(n.id, n.link, !!n.readAt)}>
              <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              {n.body ? <div><Typography.Text type="secondary">{n.body}</Typography.Text></div> : null}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt, i18n.language)}
                </Typography.Text>
              </div>
            </button>
          </List.Item>
        )}
      />
      {unread > 0 ? (
        <Button type="link" onClick={() => void api.post('/notifications/read-all').then(() => client.invalidateQueries({ queryKey: KEY }))}>
          {t('notifications.markAllRead')}
        </Button>
      ) : null}
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void latest.refetch();
      }}
      placement="bottomRight"
    >
      <Badge count={unread} size="small">
        <Button type="text" icon={<BellOutlined />} aria-label={unread ? `${t('notifications.label')}：${t('notifications.unread', { count: unread })}` : t('notifications.label')} />
      </Badge>
    </Popover>
  );
}
