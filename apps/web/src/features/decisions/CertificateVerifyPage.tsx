// /verify/certificate, public: anyone enters a certificate's code (or opens the QR link) and sees what
// the court issued. A chosen PDF is fingerprinted here; only its SHA-256 goes to the server.
import type { TCertificateCheck } from '@opencourt/contracts';
import { ZCertificateCode } from '@opencourt/contracts';
import { toHex } from '@opencourt/ledger';
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PublicLayout } from '../../app/layout/PublicLayout.tsx';
import { isApiError } from '../../shared/api/client.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/usePageTitle.ts';
import { sha256OfFile } from '../verify/file-digest.ts';
import { checkCertificate, normaliseCode } from './decisions.api.ts';

export function CertificateVerifyPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('decisions.verifyTitle'));
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ code: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<TCertificateCheck | 'unknown' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const check = async ({ code }: { code: string }) => {
    setError(null);
    setResult(null);
    const normal = normaliseCode(code ?? '');
    const parsed = ZCertificateCode.safeParse(normal);
    if (!parsed.success) {
      form.setFields([{ name: 'code', errors: [parsed.error.issues[0]!.message] }]);
      return;
    }
    setBusy(true);
    try {
      const sha256 = file ? toHex(await sha256OfFile(file)) : undefined;
      setResult(await checkCertificate(parsed.data, sha256));
    } catch (err) {
      if (isApiError(err, 404)) setResult('unknown');
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fromLink = params.get('code');
  useEffect(() => {
    if (fromLink) {
      form.setFieldsValue({ code: fromLink.slice(0, 64) });
      void check({ code: fromLink.slice(0, 64) });
    }
    // Only on arrival through the QR link.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromLink]);

  return (
    <PublicLayout>
      <Card style={{ maxWidth: 640, margin: '0 auto', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>{t('decisions.verifyTitle')}</Typography.Title>
        <Typography.Paragraph>{t('decisions.verifyIntro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={check}>
          <Form.Item name="code" label={t('decisions.verifyCode')} extra={t('decisions.verifyCodeHint')} rules={[{ required: true, message: t('decisions.verifyCodeHint') }]}>
            <Input autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={64} />
          </Form.Item>
          <Form.Item label={t('decisions.verifyPdf')} htmlFor="certificate-pdf">
            <input id="certificate-pdf" type="file" accept="application/pdf,.pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>{t('decisions.verifySubmit')}</Button>
        </Form>
        <div style={{ marginTop: 16 }} aria-live="polite">
          {result === 'unknown' && <Alert role="alert" type="error" showIcon title={t('decisions.verifyUnknown')} />}
          {result && result !== 'unknown' && (
            <Alert
              role="alert"
              type={result.pdfMatches === false ? 'warning' : 'success'}
              showIcon
              title={t('decisions.verifyOk')}
              description={
                <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
                  <Descriptions.Item label={t('decisions.court')}>{result.court}</Descriptions.Item>
                  <Descriptions.Item label={t('matter.caseNumber')}>{result.caseNumber}</Descriptions.Item>
                  <Descriptions.Item label={t('decisions.decisionKind')}>{t(`decisions.kinds.${result.decisionKind}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('decisions.decidedOn')}>{result.decidedOn}</Descriptions.Item>
                  <Descriptions.Item label={t('decisions.effectiveOn')}><span data-testid="verified-effective-on">{result.effectiveOn}</span></Descriptions.Item>
                  <Descriptions.Item label={t('decisions.issuedAt', { when: '' }).trim()}>{formatDateTime(result.issuedAt, i18n.language)}</Descriptions.Item>
                  {result.pdfMatches !== undefined && (
                    <Descriptions.Item label="PDF">{result.pdfMatches ? t('decisions.pdfMatches') : t('decisions.pdfDiffers')}</Descriptions.Item>
                  )}
                </Descriptions>
              }
            />
          )}
          {error ? <ProblemAlert error={error} /> : null}
        </div>
      </Card>
    </PublicLayout>
  );
}
