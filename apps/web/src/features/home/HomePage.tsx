// `/`: the home of the user's first role: who they are, their matters (for roles that work on
// matters) and their entry points.
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { primaryRole, seesMatters } from '../../shared/session/access.ts';
import { useMe } from '../../shared/session/me.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { MatterList } from '../matters/MatterList.tsx';
import { EntryPoints } from './EntryPoints.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  const role = primaryRole(me.roles);
  return (
    <Flex vertical gap={24}>
      <PageHeader title={t(`home.titles.${role}`)} subtitle={t(`home.intros.${role}`)} />
      <Card size="small">
        <Descriptions
          column={{ xs: 1, sm: 1, md: 3 }}
          items={[
            { key: 'name', label: t('account.displayName'), children: me.displayName },
            { key: 'organisation', label: t('home.organisation'), children: <span data-testid="organisation">{me.organisation?.name ?? t('common.none')}</span> },
            { key: 'role', label: t('home.role'), children: me.roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>) },
          ]}
        />
      </Card>
      {seesMatters(me.roles) ? (
        <section aria-labelledby="my-matters-heading">
          <Typography.Title level={2} id="my-matters-heading" style={{ fontSize: 18 }}>
            {t('nav.matters')}
          </Typography.Title>
          <MatterList roles={me.roles} />
        </section>
      ) : null}
      <section aria-labelledby="entries-heading">
        <Typography.Title level={2} id="entries-heading" style={{ fontSize: 18 }}>
          {t('home.entries')}
        </Typography.Title>
        <EntryPoints roles={me.roles} />
      </section>
    </Flex>
  );
}
