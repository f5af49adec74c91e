// The matter page's decisions: each with its state of effect (computed by the server from service
// dates and appeal periods). Parties issue and download a certificate of effect once it has taken
// effect, or read why not yet; the matter's judge or clerk records a decision with its service.
import type { TDecision, TDecisionKind, TMatter, TServiceMethod } from '@opencourt/contracts';
import { ZDecisionKind, ZServiceMethod } from '@opencourt/contracts';
import { Alert, Button, Card, Flex, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/lib/format.ts';
import { useMe } from '../../shared/session/me.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { downloadReceipt } from '../payments/payments.api.ts';
import { useDecisions, useIssueCertificate, useRecordDecision } from './decisions.api.ts';

const STATUS_COLOR = { unserved: 'default', appeal_period: 'processing', effective: 'success', appealed: 'warning' } as const;

export function MatterDecisions({ matter }: { matter: TMatter }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const decisions = useDecisions(matter.id);
  const role = (r: string) => matter.participants.some((p) => p.userId === me?.id && p.role === r);
  const isParty = role('party');
  const recorder = !!me && (role('judge') || role('clerk') || me.roles.includes('clerk'));
  return (
    <Card className="oc-decisions" style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('decisions.title')}</Typography.Title>}>
      {recorder && <RecordForm matter={matter} />}
      {decisions.isError && <ProblemAlert error={decisions.error} />}
      <List
        aria-label={t('decisions.title')}
        loading={decisions.isPending}
        dataSource={decisions.data ?? []}
        locale={{ emptyText: <Typography.Text>{t('decisions.none')}</Typography.Text> }}
        rowKey="id"
        renderItem={(d) => <DecisionItem decision={d} matterId={matter.id} isParty={isParty} />}
      />
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
        <Link to="/verify/certificate">{t('decisions.verifyLink')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}

function DecisionItem({ decision: d, matterId, isParty }: { decision: TDecision; matterId: string; isParty: boolean }) {
  const { t, i18n } = useTranslation();
  const issue = useIssueCertificate(matterId);
  const [attempt] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<unknown>(null);
  const effective = d.effect.status === 'effective';
  const download = (id: string) => downloadReceipt(`/certificates/${id}/pdf`, `${t('decisions.certificateFile')}.pdf`).catch(setError);
  const onIssue = async () => {
    setError(null);
    try {
      const certificate = await issue.mutateAsync({ decisionId: d.id, idempotencyKey: `certificate-${attempt}` });
      await download(certificate.id);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <List.Item>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text strong>{t(`decisions.kinds.${d.kind}`)}</Typography.Text>
          <Tag color={STATUS_COLOR[d.effect.status]} data-testid="decision-status">{t(`decisions.status.${d.effect.status}`)}</Tag>
        </Flex>
        <Typography.Text style={{ wordBreak: 'break-all' }}>{d.caseNumber}</Typography.Text>
        <Typography.Text>{t('decisions.decidedOn')}：{d.decidedOn}</Typography.Text>
        {d.effect.effectiveOn && (
          <Typography.Text data-testid="decision-effective-on">{effective ? t('decisions.effectiveOn') : t('decisions.expectedOn')}：{d.effect.effectiveOn}</Typography.Text>
        )}
        {d.services.map((s) => (
          <Typography.Text key={s.partyUserId} type="secondary">
            {t('decisions.servedTo', { name: s.partyName, when: formatDateTime(s.servedAt, i18n.language), method: t(`decisions.methods.${s.method}`) })}
          </Typography.Text>
        ))}
        {d.appeals.map((a) => (
          <Typography.Text key={`${a.partyUserId}-${a.filedOn}`} type="secondary">{t('decisions.appealedBy', { name: a.partyName, date: a.filedOn })}</Typography.Text>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('decisions.basis', { basis: d.effect.basis })}</Typography.Text>
        {isParty && !effective && d.effect.reason && <Alert type="info" showIcon title={d.effect.reason} />}
        {isParty && effective && (
          <Space wrap>
            <Button type="primary" onClick={onIssue} loading={issue.isPending}>{t('decisions.issue')}</Button>
          </Space>
        )}
        {d.certificates.map((c) => (
          <Flex key={c.id} wrap gap={8} align="center">
            <Typography.Text>
              {t('decisions.codeLabel')}：<Typography.Text code copyable data-testid="certificate-code">{c.code}</Typography.Text>
            </Typography.Text>
            <Typography.Text type="secondary">{t('decisions.issuedAt', { when: formatDateTime(c.issuedAt, i18n.language) })}</Typography.Text>
            <Button onClick={() => download(c.id)}>{t('decisions.download')}</Button>
          </Flex>
        ))}
        {error ? <ProblemAlert error={error} /> : null}
      </Flex>
    </List.Item>
  );
}

type RecordValues = {
  kind: TDecisionKind;
  decidedOn: string;
  caseNumber?: string;
  services: { servedAt?: string; method: TServiceMethod }[];
};

function RecordForm({ matter }: { matter: TMatter }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RecordValues>();
  const record = useRecordDecision(matter.id);
  const [file, setFile] = useState<File | null>(null);
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [fileError, setFileError] = useState(false);
  const [fileKey, setFileKey] = useState(0);
  const parties = matter.participants.filter((p) => p.role === 'party');

  const submit = async (v: RecordValues) => {
    setError(null);
    setSaved(false);
    if (!file) {
      setFileError(true);
      return;
    }
    const services = parties.flatMap((p, i) => {
      const s = v.services?.[i];
      return s?.servedAt ? [{ partyUserId: p.userId, servedAt: new Date(s.servedAt).toISOString(), method: s.method }] : [];
    });
    try {
      await record.mutateAsync({ kind: v.kind, decidedOn: v.decidedOn, caseNumber: v.caseNumber || undefined, services, file, idempotencyKey: `decision-${attempt}` });
      setSaved(true);
      setAttempt(crypto.randomUUID());
      form.resetFields();
      setFile(null);
      setFileKey((k) => k + 1);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <details style={{ marginBottom: 16 }}>
      <summary style={{ cursor: 'pointer', fontWeight: 600, marginBottom: 12 }}>{t('decisions.record')}</summary>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'judgment', services: parties.map(() => ({ method: 'electronic' })) }}>
        <Form.Item name="kind" label={t('decisions.kind')}>
          <Select options={ZDecisionKind.options.map((k) => ({ value: k, label: t(`decisions.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('decisions.decidedOn')} rules={[{ required: true, message: t('decisions.dateRequired') }]}>
          <Input type="date" />
        </Form.Item>
        {!matter.caseNumber && (
          <Form.Item name="caseNumber" label={t('decisions.caseNumber')}>
            <Input placeholder="（2026）闽0213民初1号" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item label={t('decisions.file')} htmlFor="decision-file" validateStatus={fileError ? 'error' : undefined} help={fileError ? t('decisions.fileRequired') : undefined}>
          <input
            key={fileKey}
            id="decision-file"
            type="file"
            accept="application/pdf,.pdf"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(false);
            }}
          />
        </Form.Item>
        {parties.map((p, i) => (
          <fieldset key={p.userId} style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 12px', marginBottom: 12 }}>
            <legend style={{ fontSize: 14, width: 'auto', margin: 0, padding: '0 4px', border: 0 }}>{t('decisions.serviceOf', { name: p.displayName })}</legend>
            <Form.Item name={['services', i, 'servedAt']} label={t('decisions.servedAt')} extra={t('decisions.notServed')}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item name={['services', i, 'method']} label={t('decisions.method')} style={{ marginBottom: 0 }}>
              <Select options={ZServiceMethod.options.map((m) => ({ value: m, label: t(`decisions.methods.${m}`) }))} />
            </Form.Item>
          </fieldset>
        ))}
        <Button type="primary" htmlType="submit" loading={record.isPending}>{t('decisions.save')}</Button>
        {saved && <Alert type="success" showIcon role="status" title={t('decisions.saved')} style={{ marginTop: 12 }} />}
        {error ? <div style={{ marginTop: 12 }}><ProblemAlert error={error} /></div> : null}
      </Form>
    </details>
  );
}
