// /fees, public: anyone estimates a court fee before deciding to sue, on a phone, in plain words.
import type { TFeeEstimate } from '@opencourt/contracts';
import { Card, Divider, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublicLayout } from '../../app/layout/PublicLayout.tsx';
import { usePageTitle } from '../../shared/ui/usePageTitle.ts';
import { FeeForm } from './FeeForm.tsx';
import { FeeResult } from './FeeResult.tsx';
import './fees.css';

export function FeesPage() {
  const { t } = useTranslation();
  usePageTitle(t('fees.pageTitle'));
  const [estimate, setEstimate] = useState<TFeeEstimate | null>(null);
  return (
    <PublicLayout>
      <Card className="oc-fees-card">
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('fees.heading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('fees.intro')}</Typography.Paragraph>
        <FeeForm onResult={setEstimate} onEdit={() => setEstimate(null)} />
        {estimate ? (
          <>
            <Divider />
            <FeeResult estimate={estimate} />
          </>
        ) : null}
      </Card>
    </PublicLayout>
  );
}
