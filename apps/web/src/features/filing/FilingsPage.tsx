// `/filings`: a party's or lawyer's own filings (with what to correct and by when), or, for the court's
// filing clerk, the queue of the court's applications filtered by status and age.
import type { TFilingStatus, TFilingSummary } from '@opencourt/contracts';
import { Button, Card, Checkbox, Empty, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/lib/format.ts';
import { useMe } from '../../shared/session/me.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { formatFen } from '../fees/fee-format.ts';
import { useFilings } from './filing.api.ts';
import './filing.css';

export const STATUS_COLOR: Record<TFilingStatus, string> = { submitted: 'processing', correction: 'warning', accepted: 'success', refused: 'error', lapsed: 'default' };
const STATUSES: TFilingStatus[] = ['submitted', 'correction', 'accepted', 'refused', 'lapsed'];

export function FilingsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const clerk = !!me?.roles.includes('clerk');
  const [status, setStatus] = useState<TFilingStatus | ''>(clerk ? 'submitted' : '');
  const [old, setOld] = useState(false);
  const filings = useFilings({ scope: clerk ? 'queue' : 'mine', status: status || undefined, minAgeDays: old ? 7 : undefined });
  return (
    <Flex vertical gap={16} className="oc-filing">
      <PageHeader title={clerk ? t('filing.queueTitle') : t('filing.mineTitle')} subtitle={clerk ? t('filing.queueIntro') : t('filing.mineIntro')} />
      <Flex gap={8} wrap align="center">
        {!clerk && (
          <Link to="/filings/new">
            <Button type="primary">{t('filing.newFiling')}</Button>
          </Link>
        )}
        <Link to="/preservations">
          <Button>{clerk ? t('filing.preservations') : t('filing.newPreservation')}</Button>
        </Link>
        <Select
          aria-label={t('filing.filterStatus')}
          value={status}
          onChange={setStatus}
          style={{ minWidth: 120 }}
          options={[{ value: '', label: t('filing.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`filing.status.${s}`) }))]}
        />
        {clerk && <Checkbox checked={old} onChange={(e) => setOld(e.target.checked)}>{t('filing.minAge')}</Checkbox>}
      </Flex>
      {filings.isError && <ProblemAlert error={filings.error} />}
      {filings.data?.length === 0 && <Empty description={<Typography.Text>{t('filing.none')}</Typography.Text>} />}
      <ul className="oc-filing-list" aria-label={clerk ? t('filing.queueTitle') : t('filing.mineTitle')}>
        {filings.data?.map((f) => <FilingCard key={f.id} filing={f} />)}
      </ul>
    </Flex>
  );
}

function FilingCard({ filing }: { filing: TFilingSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <Link to={`/filings/${filing.id}`} className="oc-card-link">
        <Card size="small" hoverable>
          <Flex vertical gap={4}>
            <Flex justify="space-between" gap={8} align="start">
              <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>{filing.title}</Typography.Text>
              <Tag color={STATUS_COLOR[filing.status]} data-testid="filing-status">{t(`filing.status.${filing.status}`)}</Tag>
            </Flex>
            {filing.caseNumber && <Typography.Text>{`${t('filing.caseNumber')}：${filing.caseNumber}`}</Typography.Text>}
            <Typography.Text type="secondary">{`${t('filing.submittedAt')}：${formatDateTime(filing.submittedAt, i18n.language)} · ${t('filing.claimsTotalShort')} ${formatFen(filing.claimsTotalFen, i18n.language)}`}</Typography.Text>
            {filing.correctionDeadline && <Typography.Text type="warning">{t('filing.correctionDeadline', { date: formatDateTime(filing.correctionDeadline, i18n.language) })}</Typography.Text>}
          </Flex>
        </Card>
      </Link>
    </li>
  );
}
