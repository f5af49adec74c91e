// Pages behind sign-in: signed-out users (or sign-ins still waiting for a second factor) go to /login.
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ProblemAlert } from '../shared/ui/ProblemAlert.tsx';
import { PageSpinner } from '../shared/ui/PageSpinner.tsx';
import { useMe } from '../shared/session/me.ts';

export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <PageSpinner />;
  if (me.isError) {
    return (
      <main>
        <Result status="warning" title={t('errors.loadFailed')} subTitle={<ProblemAlert error={me.error} />} extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>} />
      </main>
    );
  }
  if (!me.data || me.data.stage !== 'full') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
