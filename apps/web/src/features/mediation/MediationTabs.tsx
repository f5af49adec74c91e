// The coordinator's three mediation pages, as a tab bar of links.
import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

const TABS = [
  { key: '/mediation/triage', label: 'triage' },
  { key: '/mediation/mediators', label: 'mediators' },
  { key: '/mediation/rules', label: 'rules' },
] as const;

export function MediationTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const selected = TABS.find((tab) => pathname.startsWith(tab.key))?.key ?? '';
  return (
    <nav aria-label={t('mediation.tabs.triage')} style={{ marginBottom: 16 }}>
      <Menu mode="horizontal" selectedKeys={[selected]} items={TABS.map((tab) => ({ key: tab.key, label: <Link to={tab.key}>{t(`mediation.tabs.${tab.label}`)}</Link> }))} />
    </nav>
  );
}
