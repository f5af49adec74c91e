// /mediation/mine: the disputes assigned to the signed-in mediator that are still open.
import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/lib/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { useMyMediations } from './mediation.api.ts';

export function MyMediationsPage() {
  const { t, i18n } = useTranslation();
  const mine = useMyMediations();
  return (
    <>
      <PageHeader title={t('mediation.mine.title')} />
      {mine.error ? <ProblemAlert error={mine.error} /> : null}
      <List
        loading={mine.isPending}
        dataSource={mine.data ?? []}
        locale={{ emptyText: t('mediation.mine.empty') }}
        renderItem={(m) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }}>
              <Link to={`/matters/${m.matterId}`}>{m.title}</Link>
              <div>
                <Space wrap size={4}>
                  <Tag>{t(`mediation.kinds.${m.disputeKind as 'other'}`)}</Tag>
                  <Tag>{m.areaName}</Tag>
                  <Tag>{m.mode === 'joint' ? `${t('mediation.mine.joint')} · ${m.lead ? t('mediation.mine.lead') : t('mediation.mine.member')}` : t('mediation.mine.single')}</Tag>
                  <Typography.Text type="secondary">{formatDateTime(m.assignedAt, i18n.language)}</Typography.Text>
                </Space>
              </div>
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
