// /verify, public: anyone checks that a file (or a receipt) is on the court's evidence ledger. The
// file's fingerprint is computed here and only the fingerprint is sent; the proof and every signature
// are verified in this browser with the published keys.
import { Alert, Button, Card, Collapse, Descriptions, Input, Progress, Space, Tabs, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { toHex } from '@opencourt/ledger';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublicLayout } from '../../app/layout/PublicLayout.tsx';
import { isApiError } from '../../shared/api/client.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/usePageTitle.ts';
import { checkReceipt, parseReceiptText, type RecordCheck } from './check-record.ts';
import { sha256OfFile } from './file-digest.ts';
import { fetchInclusion, fetchLedgerKeys, type LedgerKeys } from './verify.api.ts';

function RecordResult({ check, keys }: { check: RecordCheck; keys: LedgerKeys }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  if (check.outcome === 'unknown') {
    return <Alert role="alert" type="warning" showIcon title={t('verify.unknownTitle')} description={t('verify.unknownBody', { digest: check.digestHex })} />;
  }
  if (check.outcome === 'invalid') {
    return <Alert role="alert" type="error" showIcon title={t('verify.invalidTitle')} description={t('verify.invalidBody', { reason: check.reason })} />;
  }
  const v = check.verified;
  const witnesses = v.witnessedBy.length
    ? v.witnessedBy.map((w) => t('verify.witnessAt', { name: w.name, time: when(w.time) })).join('；')
    : t('verify.noWitnesses');
  return (
    <Alert
      role="alert"
      type="success"
      showIcon
      title={t('verify.verifiedTitle', { court: keys.court.name })}
      description={
        <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
          {check.recordedAt ? <Descriptions.Item label={t('verify.recordedAt')}>{when(check.recordedAt)}</Descriptions.Item> : null}
          <Descriptions.Item label={t('verify.court')}>{keys.court.name}</Descriptions.Item>
          <Descriptions.Item label={t('verify.position')}>{t('verify.positionValue', { index: v.leafIndex + 1, size: v.treeSize })}</Descriptions.Item>
          <Descriptions.Item label={t('verify.witnesses')}>{witnesses}</Descriptions.Item>
          <Descriptions.Item label={t('verify.matched')}>{t(`verify.leafChecked.${v.leafChecked}`)}</Descriptions.Item>
          {check.digestHex ? (
            <Descriptions.Item label={t('verify.digest')}>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {check.digestHex}
              </Typography.Text>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      }
    />
  );
}

function FileCheck({ keys, onResult }: { keys: LedgerKeys; onResult: (c: RecordCheck) => void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const check = async (file: File) => {
    setError(null);
    setProgress(0);
    try {
      const digest = await sha256OfFile(file, setProgress);
      try {
        const answer = await fetchInclusion(toHex(digest));
        onResult(checkReceipt(answer.receipt, keys, { digest, recordedAt: answer.recordedAt, kind: answer.kind }));
      } catch (err) {
        if (isApiError(err, 404)) onResult({ outcome: 'unknown', digestHex: toHex(digest) });
        else setError(err);
      }
    } finally {
      setProgress(null);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Upload.Dragger
        accept="*/*"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void check(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t('verify.dropFile')}</p>
        <p className="ant-upload-hint">{t('verify.dropHint')}</p>
      </Upload.Dragger>
      {progress !== null ? <Progress percent={Math.round(progress * 100)} aria-label={t('verify.hashing')} /> : null}
      {error ? <ProblemAlert error={error} /> : null}
    </Space>
  );
}

function ReceiptCheck({ keys, onResult }: { keys: LedgerKeys; onResult: (c: RecordCheck) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const verify = () => {
    const receipt = parseReceiptText(text);
    onResult(receipt === undefined ? { outcome: 'invalid', reason: t('verify.notJson'), code: 'RECEIPT_MALFORMED' } : checkReceipt(receipt, keys));
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <label htmlFor="receipt-text">{t('verify.receiptLabel')}</label>
      <Input.TextArea id="receipt-text" rows={8} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      <Button type="primary" onClick={verify} disabled={!text.trim()}>
        {t('verify.checkReceipt')}
      </Button>
    </Space>
  );
}

export function VerifyPage() {
  const { t } = useTranslation();
  usePageTitle(t('verify.pageTitle'));
  const keys = useQuery({ queryKey: ['ledger', 'keys'], queryFn: fetchLedgerKeys, staleTime: 60_000 });
  const [result, setResult] = useState<RecordCheck | null>(null);
  return (
    <PublicLayout>
      <Card className="oc-verify-card">
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('verify.heading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
        {keys.error ? <ProblemAlert error={keys.error} /> : null}
        {keys.data ? (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Tabs
              onChange={() => setResult(null)}
              items={[
                { key: 'file', label: t('verify.tabs.file'), children: <FileCheck keys={keys.data} onResult={setResult} /> },
                { key: 'receipt', label: t('verify.tabs.receipt'), children: <ReceiptCheck keys={keys.data} onResult={setResult} /> },
              ]}
            />
            {result ? <RecordResult check={result} keys={keys.data} /> : null}
            <Collapse
              size="small"
              items={[
                {
                  key: 'keys',
                  label: t('verify.keysTitle'),
                  children: (
                    <Descriptions column={1} size="small">
                      <Descriptions.Item label={t('verify.origin')}>{keys.data.origin}</Descriptions.Item>
                      <Descriptions.Item label={t('verify.logKey')}>
                        <Typography.Text code style={{ wordBreak: 'break-all' }}>{keys.data.log.verifierKey}</Typography.Text>
                      </Descriptions.Item>
                      {keys.data.witnesses.map((w) => (
                        <Descriptions.Item key={w.verifierKey} label={t('verify.witnessKey', { name: w.name })}>
                          <Typography.Text code style={{ wordBreak: 'break-all' }}>{w.verifierKey}</Typography.Text>
                        </Descriptions.Item>
                      ))}
                      <Descriptions.Item label={t('verify.quorum')}>{keys.data.quorum}</Descriptions.Item>
                    </Descriptions>
                  ),
                },
              ]}
            />
          </Space>
        ) : null}
      </Card>
    </PublicLayout>
  );
}
