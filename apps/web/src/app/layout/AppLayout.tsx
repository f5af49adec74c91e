// Signed-in pages: a side menu on desktop; on phones (≤ 576 px) a top bar whose button opens the
// menu in a drawer.
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { NotificationBell } from '../../features/notifications/NotificationBell.tsx';
import { useMe } from '../../shared/session/me.ts';
import { LanguageMenu } from '../../shared/ui/LanguageMenu.tsx';
import { useIsPhone } from '../../shared/ui/useMediaQuery.ts';
import { Brand } from './Brand.tsx';
import { NavMenu } from './NavMenu.tsx';
import { UserMenu } from './UserMenu.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setDrawerOpen(false), [pathname]);
  if (!me) return null; // RequireSession renders this only with a user.

  return (
    <Layout style={{ minHeight: '100vh', flexDirection: isPhone ? 'column' : 'row' }}>
      <a className="oc-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {isPhone ? null : (
        <nav className="oc-sider" aria-label={t('nav.main')}>
          <Brand />
          <NavMenu roles={me.roles} />
        </nav>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="oc-header">
          {isPhone ? (
            <>
              <Button type="text" size="large" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} />
              <Brand />
            </>
          ) : null}
          <div className="oc-header-spacer" />
          <NotificationBell userId={me.id} />
          <LanguageMenu />
          <UserMenu me={me} />
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="oc-content">
          <Outlet />
        </Layout.Content>
      </Layout>
      {isPhone ? (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={280} title={t('app.name')} styles={{ body: { padding: 0 } }}>
          <nav aria-label={t('nav.main')}>
            <NavMenu roles={me.roles} />
          </nav>
        </Drawer>
      ) : null}
    </Layout>
  );
}
