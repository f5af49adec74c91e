// The navigation: home plus the entry points the user's roles offer (see shared/session/access.ts).
import { ApiOutlined, AuditOutlined, FileAddOutlined, FolderOpenOutlined, HomeOutlined, PartitionOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { TRole } from '@opencourt/contracts';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ENTRY_PATHS, entriesFor, type Entry } from '../../shared/session/access.ts';

const ICONS: Record<Entry | 'home', ReactNode> = {
  home: <HomeOutlined />,
  matters: <FolderOpenOutlined />,
  audit: <AuditOutlined />,
  apiDocs: <ApiOutlined />,
  account: <SafetyCertificateOutlined />,
  triage: <PartitionOutlined />,
  myMediations: <TeamOutlined />,
  filings: <FileAddOutlined />,
};

function selectedKey(pathname: string, keys: string[]): string {
  if (pathname === '/') return '/';
  // The longest entry path the current page lies under (e.g. /matters/123 → /matters).
  return keys.filter((k) => k !== '/' && pathname.startsWith(k)).sort((a, b) => b.length - a.length)[0] ?? '';
}

export function NavMenu({ roles }: { roles: readonly TRole[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items: NonNullable<MenuProps['items']> = [
    { key: '/', icon: ICONS.home, label: <Link to="/">{t('nav.home')}</Link> },
    ...entriesFor(roles).map((entry) => {
      const path = ENTRY_PATHS[entry];
      // The API reference is served by the server, outside the web app's router.
      const label = entry === 'apiDocs' ? <a href={path}>{t(`nav.${entry}`)}</a> : <Link to={path}>{t(`nav.${entry}`)}</Link>;
      return { key: path, icon: ICONS[entry], label };
    }),
  ];
  const keys = items.map((i) => String(i?.key));
  return <Menu mode="inline" items={items} selectedKeys={[selectedKey(pathname, keys)]} />;
}
