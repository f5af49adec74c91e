// The user's matters: a dense table for staff, tappable cards for parties (phone-first).
import type { TRole } from '@opencourt/contracts';
import { Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/lib/format.ts';
import { isCitizen } from '../../shared/session/access.ts';
import { PageSpinner } from '../../shared/ui/PageSpinner.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { ScrollRegion } from '../../shared/ui/ScrollRegion.tsx';
import { stageLabel, useMatterList, type MatterSummary } from './matters.api.ts';

function MatterCards({ items }: { items: MatterSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="oc-cards" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((m) => (
        <li key={m.id}>
          <Link to={`/matters/${m.id}`} className="oc-card-link">
            <Card hoverable size="small">
              <Typography.Text strong style={{ fontSize: 16, display: 'block' }} className="oc-wrap-anywhere">
                {m.title}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0 8px' }}>
                {m.caseNumber ?? t('matter.noCaseNumber')}
              </Typography.Text>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Tag color="processing">{stageLabel(t, m.stage)}</Tag>
                <Typography.Text type="secondary">{formatDateTime(m.updatedAt, i18n.language)}</Typography.Text>
              </Flex>
            </Card>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function MatterTable({ items }: { items: MatterSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollRegion label={t('matter.listTitle')}>
      <Table<MatterSummary>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          { key: 'caseNumber', title: t('matter.caseNumber'), render: (_, m) => m.caseNumber ?? <Typography.Text type="secondary">{t('matter.noCaseNumber')}</Typography.Text> },
          { key: 'title', title: t('matter.title'), render: (_, m) => <Link to={`/matters/${m.id}`}>{m.title}</Link> },
          { key: 'stage', title: t('matter.stage'), render: (_, m) => <Tag>{stageLabel(t, m.stage)}</Tag> },
          { key: 'updatedAt', title: t('matter.updatedAt'), render: (_, m) => formatDateTime(m.updatedAt, i18n.language) },
        ]}
      />
    </ScrollRegion>
  );
}

export function MatterList({ roles }: { roles: readonly TRole[] }) {
  const { t } = useTranslation();
  const list = useMatterList();
  if (list.isPending) return <PageSpinner />;
  if (list.isError) return <ProblemAlert error={list.error} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Empty description={t('home.noMatters')} />;
  return (
    <Flex vertical gap={12}>
      {isCitizen(roles) ? <MatterCards items={items} /> : <MatterTable items={items} />}
      {list.hasNextPage ? (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Flex>
  );
}
