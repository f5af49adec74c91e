// /admin/audit: search the audit trail (system and technical administrators), newest first, more
// pages on request through the cursor.
import type { TAuditEntry } from '@opencourt/contracts';
import { Button, Card, Flex, Form, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../shared/api/form-errors.ts';
import { formatDateTimeSeconds } from '../../shared/lib/format.ts';
import { readsAudit } from '../../shared/session/access.ts';
import { useMe } from '../../shared/session/me.ts';
import { ErrorResult } from '../../shared/ui/ErrorResult.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { ScrollRegion } from '../../shared/ui/ScrollRegion.tsx';
import { useAuditSearch, type AuditFilters } from './audit.api.ts';
import { AuditFilterForm, filtersOf, type AuditFormValues } from './AuditFilterForm.tsx';

// Coloured text rather than tags: the tag fills do not reach 4.5:1 contrast.
const OUTCOME_TYPES = { success: 'success', denied: 'danger', failed: 'warning' } as const;
const isOutcome = (o: string): o is keyof typeof OUTCOME_TYPES => o in OUTCOME_TYPES;

function AuditTable({ items }: { items: TAuditEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollRegion label={t('audit.pageTitle')}>
      <Table<TAuditEntry>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('audit.empty') }}
        columns={[
          { key: 'at', title: t('audit.columns.at'), render: (_, e) => <time dateTime={e.at}>{formatDateTimeSeconds(e.at, i18n.language)}</time> },
          { key: 'actor', title: t('audit.columns.actor'), render: (_, e) => e.actorLabel ?? e.actorId ?? '—' },
          { key: 'action', title: t('audit.columns.action'), render: (_, e) => <code>{e.action}</code> },
          { key: 'resource', title: t('audit.columns.resource'), render: (_, e) => (e.resourceType ? `${e.resourceType}${e.resourceId ? ` ${e.resourceId}` : ''}` : '—') },
          {
            key: 'outcome',
            title: t('audit.columns.outcome'),
            render: (_, e) =>
              isOutcome(e.outcome) ? <Typography.Text type={OUTCOME_TYPES[e.outcome]}>{t(`audit.outcomes.${e.outcome}`)}</Typography.Text> : e.outcome,
          },
          { key: 'status', title: t('audit.columns.status'), render: (_, e) => e.statusCode ?? '—' },
          { key: 'ip', title: t('audit.columns.ip'), render: (_, e) => e.ip ?? '—' },
          { key: 'requestId', title: t('audit.columns.requestId'), render: (_, e) => <Typography.Text code>{e.requestId ?? '—'}</Typography.Text> },
        ]}
      />
    </ScrollRegion>
  );
}

function AuditSearch() {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFormValues>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const search = useAuditSearch(filters);
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];
  const onSearch = (values: AuditFormValues) => {
    // Errors the server gave for the previous query no longer apply.
    form.setFields((Object.keys(form.getFieldsValue()) as (keyof AuditFormValues)[]).map((name) => ({ name, errors: [] })));
    setFilters(filtersOf(values));
  };
  const { error } = search;
  const [allPlaced, setAllPlaced] = useState(false);
  useEffect(() => setAllPlaced(applyProblemToForm(form, error)), [form, error]);
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <AuditFilterForm form={form} onSearch={onSearch} searching={search.isFetching && !search.isFetchingNextPage} />
      </Card>
      {error && !allPlaced ? <ProblemAlert error={error} /> : null}
      <AuditTable items={items} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" role="status">
          {t('common.shown', { count: items.length })}
        </Typography.Text>
        {search.hasNextPage ? (
          <Button onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : items.length ? (
          <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        ) : null}
      </Flex>
    </Flex>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  if (!readsAudit(me.roles)) return <ErrorResult status="403" title={t('errors.forbidden')} hint={t('errors.forbiddenAudit')} />;
  return (
    <>
      <PageHeader title={t('audit.pageTitle')} />
      <AuditSearch />
    </>
  );
}
