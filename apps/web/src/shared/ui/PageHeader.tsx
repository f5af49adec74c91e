import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle.ts';

/** The page's one <h1>, which also becomes the document title. */
export function PageHeader({ title, subtitle, extra }: { title: string; subtitle?: ReactNode; extra?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="oc-page-header">
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {title}
      </Typography.Title>
      {subtitle ? <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{subtitle}</Typography.Paragraph> : null}
      {extra}
    </div>
  );
}
