// /mediation/triage: the coordinator's queue of disputes awaiting triage, filterable by area (a node of
// the "1+5+N" network), kind, urgency and age, with the routing rules' proposal for each.
import { DISPUTE_KINDS, type TTriageItem, type TUrgency } from '@opencourt/contracts';
import { Button, Card, Flex, Form, InputNumber, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { triagesDisputes } from '../../shared/session/access.ts';
import { useMe } from '../../shared/session/me.ts';
import { ErrorResult } from '../../shared/ui/ErrorResult.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { ScrollRegion } from '../../shared/ui/ScrollRegion.tsx';
import { useNetwork, useTriageQueue, type QueueFilters } from './mediation.api.ts';
import { MediationTabs } from './MediationTabs.tsx';

const URGENCY_TYPES: Record<TUrgency, 'secondary' | 'warning' | 'danger'> = { normal: 'secondary', urgent: 'warning', critical: 'danger' };

type FormValues = { nodeId?: string; kind?: QueueFilters['kind']; urgency?: TUrgency; minAgeDays?: number | null; sort: NonNullable<QueueFilters['sort']>; status: NonNullable<QueueFilters['status']> };

function QueueFilterForm({ onSearch, searching }: { onSearch: (v: FormValues) => void; searching: boolean }) {
  const { t } = useTranslation();
  const network = useNetwork().data ?? [];
  return (
    <Form<FormValues> layout="inline" initialValues={{ sort: 'urgency', status: 'pending' }} onFinish={onSearch} style={{ rowGap: 8 }}>
      <Form.Item name="nodeId" label={t('mediation.queue.area')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 220 }}
          placeholder={t('mediation.queue.allAreas')}
          options={network.filter((n) => n.level !== 'organisation').map((n) => ({ value: n.id, label: `${n.areaName} · ${n.name}` }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('mediation.queue.kind')}>
        <Select allowClear style={{ minWidth: 140 }} placeholder={t('mediation.queue.allKinds')} options={DISPUTE_KINDS.map((k) => ({ value: k, label: t(`mediation.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="urgency" label={t('mediation.queue.urgency')}>
        <Select allowClear style={{ minWidth: 100 }} placeholder={t('mediation.queue.allUrgencies')} options={(['normal', 'urgent', 'critical'] as const).map((u) => ({ value: u, label: t(`mediation.urgency.${u}`) }))} />
      </Form.Item>
      <Form.Item name="minAgeDays" label={t('mediation.queue.minAge')}>
        <InputNumber min={0} max={3650} style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="sort" label={t('mediation.queue.sort')}>
        <Select style={{ minWidth: 120 }} options={(['urgency', 'oldest', 'newest'] as const).map((s) => ({ value: s, label: t(`mediation.queue.sorts.${s}`) }))} />
      </Form.Item>
      <Form.Item name="status" label={t('mediation.queue.status')}>
        <Select style={{ minWidth: 110 }} options={(['pending', 'assigned'] as const).map((s) => ({ value: s, label: t(`mediation.queue.statuses.${s}`) }))} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={searching}>
          {t('mediation.queue.search')}
        </Button>
      </Form.Item>
    </Form>
  );
}

function QueueTable({ items }: { items: TTriageItem[] }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={t('mediation.queue.title')}>
      <Table<TTriageItem>
        rowKey="matterId"
        size="small"
        pagination={false}
        dataSource={items}
        // The table's own grey empty text is too faint to read (axe: colour contrast).
        locale={{ emptyText: <Typography.Text>{t('mediation.queue.empty')}</Typography.Text> }}
        columns={[
          { key: 'title', title: t('mediation.queue.columns.title'), render: (_, i) => <Link to={`/mediation/triage/${i.matterId}`}>{i.title}</Link> },
          { key: 'kind', title: t('mediation.queue.columns.kind'), render: (_, i) => t(`mediation.kinds.${i.disputeKind}`) },
          { key: 'area', title: t('mediation.queue.columns.area'), dataIndex: 'areaName' },
          { key: 'urgency', title: t('mediation.queue.columns.urgency'), render: (_, i) => <Typography.Text type={URGENCY_TYPES[i.urgency]}>{t(`mediation.urgency.${i.urgency}`)}</Typography.Text> },
          { key: 'age', title: t('mediation.queue.columns.age'), render: (_, i) => t('mediation.queue.days', { count: i.ageDays }) },
          {
            key: 'proposal',
            title: t('mediation.queue.columns.proposal'),
            render: (_, i) => (i.proposal ? i.proposal.nodeName : <Typography.Text type="secondary">{t('mediation.queue.noProposal')}</Typography.Text>),
          },
        ]}
      />
    </ScrollRegion>
  );
}

export function TriageQueuePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [filters, setFilters] = useState<QueueFilters>({ sort: 'urgency', status: 'pending' });
  const queue = useTriageQueue(filters);
  if (!me) return null;
  if (!triagesDisputes(me.roles)) return <ErrorResult status="403" title={t('errors.forbidden')} hint={t('mediation.queue.subtitle')} />;
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const onSearch = (v: FormValues) =>
    setFilters({ nodeId: v.nodeId || undefined, kind: v.kind || undefined, urgency: v.urgency || undefined, minAgeDays: v.minAgeDays ?? undefined, sort: v.sort, status: v.status });
  return (
    <>
      <PageHeader title={t('mediation.queue.title')} subtitle={t('mediation.queue.subtitle')} />
      <MediationTabs />
      <Flex vertical gap={16}>
        <Card size="small">
          <QueueFilterForm onSearch={onSearch} searching={queue.isFetching && !queue.isFetchingNextPage} />
        </Card>
        {queue.error ? <ProblemAlert error={queue.error} /> : null}
        <QueueTable items={items} />
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary" role="status">
            {t('common.shown', { count: items.length })}
          </Typography.Text>
          {queue.hasNextPage ? (
            <Button onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
    </>
  );
}
