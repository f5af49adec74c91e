import { useTranslation } from 'react-i18next';
import { useMe } from '../../shared/session/me.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { MatterList } from './MatterList.tsx';

export function MattersPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <>
      <PageHeader title={t('matter.listTitle')} />
      {me ? <MatterList roles={me.roles} /> : null}
    </>
  );
}
