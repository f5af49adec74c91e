// /login: staff sign in with a password, parties with an SMS code. A sign-in that still needs a second
// factor (or its set-up) continues here, even after a reload.
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { PublicLayout } from '../../app/layout/PublicLayout.tsx';
import { safeNextPath } from '../../shared/lib/next-path.ts';
import { useMe } from '../../shared/session/me.ts';
import { PageSpinner } from '../../shared/ui/PageSpinner.tsx';
import { usePageTitle } from '../../shared/ui/usePageTitle.ts';
import { PasswordLoginForm } from './PasswordLoginForm.tsx';
import { SmsLoginForm } from './SmsLoginForm.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';
import { TotpStep } from './TotpStep.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.pageTitle'));
  const me = useMe();
  const [params] = useSearchParams();
  if (me.data?.stage === 'full') return <Navigate to={safeNextPath(params.get('next'))} replace />;

  let body;
  if (me.isPending) body = <PageSpinner />;
  else if (me.data?.stage === 'mfa') body = <TotpStep />;
  else if (me.data?.stage === 'enrol') {
    body = (
      <>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t('totp.enrolTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('totp.enrolRequired')}</Typography.Paragraph>
        <TotpEnrolment autoStart />
      </>
    );
  } else {
    body = (
      <Tabs
        size="large"
        items={[
          { key: 'password', label: t('login.tabs.password'), children: <PasswordLoginForm /> },
          { key: 'sms', label: t('login.tabs.sms'), children: <SmsLoginForm /> },
        ]}
      />
    );
  }

  return (
    <PublicLayout>
      <Card className="oc-login-card">
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('login.heading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        {body}
        <Typography.Paragraph style={{ margin: '16px 0 0', textAlign: 'center' }}><Typography.Link href="/fees">{t('fees.fromLogin')}</Typography.Link></Typography.Paragraph>
        <Typography.Paragraph style={{ margin: '8px 0 0', textAlign: 'center' }}><Typography.Link href="/risk">{t('risk.fromLogin')}</Typography.Link></Typography.Paragraph>
      </Card>
    </PublicLayout>
  );
}
