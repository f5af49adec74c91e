// The report on screen: the limitation period first (with its warning), then fee, evidence, enforcement,
// costs and comparable matters, each statement with the rule it rests on, and the downloads.
import type { TRiskEvidenceId, TRiskReport, TRiskReportInput, TRiskStatement } from '@opencourt/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { formatFen } from '../fees/fee-format.ts';
import { downloadRiskReport, type RiskDownload } from './risk.api.ts';

function Statements({ items }: { items: TRiskStatement[] }) {
  const { t } = useTranslation();
  return (
    <ul className="oc-risk-statements">
      {items.map((s, i) => (
        <li key={i} className="oc-risk-statement">
          <div>{s.text}</div>
          <div className="oc-risk-basis">{t('risk.basis', { basis: s.basis })}</div>
        </li>
      ))}
    </ul>
  );
}

export function RiskReportView({ report, request }: { report: TRiskReport; request: TRiskReportInput }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // Move to the answer, so it is seen on a phone and announced by a screen reader.
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, [report]);
  const download = useMutation({ mutationFn: (format: RiskDownload) => downloadRiskReport(request, format) });
  const yuan = (fen: number) => t('fees.yuan', { amount: formatFen(fen, i18n.language) });
  const l = report.limitation;

  return (
    <section className="oc-risk-report" aria-labelledby="risk-report-heading">
      <Typography.Title level={2} id="risk-report-heading" ref={heading} tabIndex={-1}>
        {t('risk.reportTitle')}
      </Typography.Title>
      <p style={{ margin: 0 }}>{t('risk.madeOn', { date: report.madeOn, kind: t(`risk.kinds.${report.kind}`) })}</p>

      <h3>{t('risk.sections.limitation')}</h3>
      {l.warning ? (
        <Alert
          type={l.warning === 'expired' ? 'error' : 'warning'}
          showIcon
          data-testid="risk-limitation-warning"
          title={l.warning === 'expired' ? t('risk.limitationExpired', { date: l.lastDay }) : t('risk.limitationNear', { date: l.lastDay, days: l.daysLeft })}
        />
      ) : (
        <p className="oc-risk-key" data-testid="risk-limitation">
          {l.lastDay ? t('risk.limitationEnds', { date: l.lastDay, days: l.daysLeft }) : t(`risk.limitationStatus.${l.status}`)}
        </p>
      )}
      <Statements items={l.steps} />

      <h3>{t('risk.sections.fee')}</h3>
      <p className="oc-risk-key" data-testid="risk-fee">{yuan(report.fee.estimate.feeFen)}</p>
      <Statements items={report.fee.statements} />

      <h3>{t('risk.sections.evidence')}</h3>
      {report.evidence.missing.length ? (
        <ul className="oc-risk-statements" aria-label={t('risk.missingEvidence')}>
          {report.evidence.missing.map((m) => (
            <li key={m.id} className="oc-risk-statement">
              <div>
                {t(`risk.evidence.${m.id as TRiskEvidenceId}`)} {m.essential ? <Tag color="red">{t('risk.essential')}</Tag> : null}
              </div>
              <div>{m.why}</div>
              <div className="oc-risk-basis">{t('risk.basis', { basis: m.basis })}</div>
            </li>
          ))}
        </ul>
      ) : null}
      <Statements items={report.evidence.statements} />

      <h3>{t('risk.sections.enforcement')}</h3>
      <p className="oc-risk-key">
        <span className={`oc-risk-level oc-risk-level-${report.enforcement.level}`}>{t(`risk.levels.${report.enforcement.level}`)}</span>
      </p>
      <Statements items={report.enforcement.statements} />

      <h3>{t('risk.sections.costs')}</h3>
      <p className="oc-risk-key">{t('risk.costsTotal', { amount: yuan(report.costs.totalFen) })}</p>
      <Statements items={report.costs.statements} />

      <h3>{t('risk.sections.comparables')}</h3>
      <Statements items={[report.comparables.statement]} />

      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {report.disclaimer.text}
      </Typography.Paragraph>

      <div className="oc-risk-downloads">
        <Button type="primary" loading={download.isPending && download.variables === 'pdf'} onClick={() => download.mutate('pdf')}>
          {t('risk.downloadPdf')}
        </Button>
        <Button loading={download.isPending && download.variables === 'docx'} onClick={() => download.mutate('docx')}>
          {t('risk.downloadDocx')}
        </Button>
      </div>
      {download.error ? (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={download.error} />
        </div>
      ) : null}
    </section>
  );
}
