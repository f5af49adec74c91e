// /account: profile, two-step verification and password (staff), and signing out everywhere.
import { App, Button, Card, Descriptions, Flex, Popconfirm, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isStaff } from '../../shared/session/access.ts';
import { useMe, useSignOut } from '../../shared/session/me.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { TotpEnrolment } from '../auth/TotpEnrolment.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card>
      <section aria-labelledby={id}>
        <Typography.Title level={2} id={id} style={{ fontSize: 18, marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </section>
    </Card>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe().data;
  const signOut = useSignOut();
  if (!me) return null;

  const signOutEverywhere = async () => {
    const result = await signOut.mutateAsync(true).catch(() => undefined);
    if (result) void message.success(t('account.signOutEverywhereDone', { count: result.revokedSessions }));
    await navigate('/login', { replace: true });
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('account.pageTitle')} />
      <Section id="profile-heading" title={t('account.profile')}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 3 }}
          items={[
            { key: 'name', label: t('account.displayName'), children: me.displayName },
            { key: 'roles', label: t('account.roles'), children: me.roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>) },
            { key: 'organisation', label: t('account.organisation'), children: me.organisation?.name ?? t('common.none') },
          ]}
        />
      </Section>
      {isStaff(me.roles) ? (
        <>
          <Section id="totp-heading" title={t('account.totp')}>
            <Typography.Paragraph>
              <Tag color={me.totpEnabled ? 'success' : 'default'} data-testid="totp-status">
                {me.totpEnabled ? t('totp.enabled') : t('totp.notEnabled')}
              </Tag>
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('account.totpHint')}</Typography.Paragraph>
            {me.totpEnabled ? null : <TotpEnrolment onDone={() => void message.success(t('totp.done'))} />}
          </Section>
          <Section id="password-heading" title={t('account.password')}>
            <ChangePasswordForm />
          </Section>
        </>
      ) : null}
      <Section id="sessions-heading" title={t('account.sessions')}>
        <Typography.Paragraph type="secondary">{t('account.sessionsHint')}</Typography.Paragraph>
        <Popconfirm title={t('account.signOutEverywhereConfirm')} okText={t('account.confirm')} cancelText={t('account.cancel')} onConfirm={signOutEverywhere}>
          <Button danger loading={signOut.isPending}>
            {t('account.signOutEverywhere')}
          </Button>
        </Popconfirm>
      </Section>
    </Flex>
  );
}
