// /matters/:id. The server answers 404 both for a missing matter and for one the user may not see, so
// the page says exactly that and nothing more.
import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../shared/api/client.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { PageSpinner } from '../../shared/ui/PageSpinner.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { ErrorResult } from '../../shared/ui/ErrorResult.tsx';
import { MatterVideoRooms } from '../video/MatterVideoRooms.tsx';
import { stageLabel, useMatter } from './matters.api.ts';
import { MatterPayments } from '../payments/MatterPayments.tsx';
import { MatterDecisions } from '../decisions/MatterDecisions.tsx';
import { MatterProgress } from './MatterProgress.tsx';

export function MatterPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const matter = useMatter(id);
  if (matter.isPending) return <PageSpinner />;
  // A malformed id (400) is as unknown as a missing one.
  if (isApiError(matter.error, 404) || isApiError(matter.error, 400)) return <ErrorResult status="404" title={t('matter.notFound')} hint={t('matter.notFoundHint')} />;
  if (matter.isError) return <ProblemAlert error={matter.error} />;
  const m = matter.data;
  return (
    <>
      <PageHeader title={m.title} subtitle={m.caseNumber ?? t('matter.noCaseNumber')} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'caseNumber', label: t('matter.caseNumber'), children: m.caseNumber ?? t('matter.noCaseNumber') },
            { key: 'stage', label: t('matter.stage'), children: <Tag color="processing">{stageLabel(t, m.stage)}</Tag> },
            { key: 'createdAt', label: t('matter.createdAt'), children: formatDateTime(m.createdAt, i18n.language) },
            { key: 'updatedAt', label: t('matter.updatedAt'), children: formatDateTime(m.updatedAt, i18n.language) },
          ]}
        />
      </Card>
      <MatterProgress matterId={m.id} />
      <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('matter.participants')}</Typography.Title>}>
        <List
          dataSource={m.participants}
          rowKey={(p) => `${p.userId}-${p.role}`}
          renderItem={(p) => (
            <List.Item>
              <Typography.Text>{p.displayName}</Typography.Text>
              <Tag>{t(`roles.${p.role}`)}</Tag>
            </List.Item>
          )}
        />
      </Card>
      <MatterPayments matter={m} />
      <MatterDecisions matter={m} />
      <MatterVideoRooms matter={m} />
    </>
  );
}
