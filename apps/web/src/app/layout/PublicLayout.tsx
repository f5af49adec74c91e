// Pages before sign-in: a slim header with the language switch, and the content.
import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageMenu } from '../../shared/ui/LanguageMenu.tsx';
import { Brand } from './Brand.tsx';

export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="oc-header">
        <Brand to="/login" />
        <div className="oc-header-spacer" />
        <LanguageMenu />
      </Layout.Header>
      <Layout.Content id="main" className="oc-login-main">
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#4d4d4d' }}>{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
