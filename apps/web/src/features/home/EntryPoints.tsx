// The role's entry points, as large tappable cards (the same list the navigation shows).
import { ApiOutlined, AuditOutlined, FileAddOutlined, FolderOpenOutlined, PartitionOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { TRole } from '@opencourt/contracts';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ENTRY_PATHS, entriesFor, type Entry } from '../../shared/session/access.ts';

const ICONS: Record<Entry, ReactNode> = {
  matters: <FolderOpenOutlined />,
  audit: <AuditOutlined />,
  apiDocs: <ApiOutlined />,
  account: <SafetyCertificateOutlined />,
  triage: <PartitionOutlined />,
  myMediations: <TeamOutlined />,
  filings: <FileAddOutlined />,
};

export function EntryPoints({ roles }: { roles: readonly TRole[] }) {
  const { t } = useTranslation();
  return (
    <ul className="oc-cards" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {entriesFor(roles).map((entry) => {
        const content = (
          <Card hoverable size="small">
            <Card.Meta
              avatar={<span style={{ fontSize: 24, color: '#14489c' }} aria-hidden="true">{ICONS[entry]}</span>}
              title={t(`nav.${entry}`)}
              description={<Typography.Text type="secondary">{t(`home.entryHints.${entry}`)}</Typography.Text>}
            />
          </Card>
        );
        const path = ENTRY_PATHS[entry];
        return (
          <li key={entry}>
            {entry === 'apiDocs' ? (
              <a href={path} className="oc-card-link">
                {content}
              </a>
            ) : (
              <Link to={path} className="oc-card-link">
                {content}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
