// /risk, public: before deciding to sue, a party answers a few questions and gets a risk report with
// the rules it rests on, on screen and as PDF or Word.
import type { TRiskReport, TRiskReportInput } from '@opencourt/contracts';
import { Card, Divider, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublicLayout } from '../../app/layout/PublicLayout.tsx';
import { usePageTitle } from '../../shared/ui/usePageTitle.ts';
import { RiskForm } from './RiskForm.tsx';
import { RiskReportView } from './RiskReportView.tsx';
import './risk.css';

export function RiskPage() {
  const { t } = useTranslation();
  usePageTitle(t('risk.pageTitle'));
  const [result, setResult] = useState<{ report: TRiskReport; request: TRiskReportInput } | null>(null);
  return (
    <PublicLayout>
      <Card className="oc-risk-card">
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('risk.heading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('risk.intro')}</Typography.Paragraph>
        <RiskForm onResult={(report, request) => setResult({ report, request })} onEdit={() => setResult(null)} />
        {result ? (
          <>
            <Divider />
            <RiskReportView report={result.report} request={result.request} />
          </>
        ) : null}
      </Card>
    </PublicLayout>
  );
}
