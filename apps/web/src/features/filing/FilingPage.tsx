// `/filings/:id`: one application. The filer sees its state, what to correct and by when, the case
// number and the fee to pay once accepted, and the documents (complaint, ruling, fee notice); the
// court's clerk decides it here (accept, ask for a correction with reasons and a deadline, or refuse).
import type { TFiling, TFilingDecision } from '@opencourt/contracts';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Radio, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../shared/lib/format.ts';
import { useMe } from '../../shared/session/me.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { PageSpinner } from '../../shared/ui/PageSpinner.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { formatFen } from '../fees/fee-format.ts';
import { downloadReceipt } from '../payments/payments.api.ts';
import { useDecideFiling, useFiling } from './filing.api.ts';
import { STATUS_COLOR } from './FilingsPage.tsx';
import './filing.css';

export function FilingPage() {
  const { id = '' } = useParams();
  const filing = useFiling(id);
  if (filing.isPending) return <PageSpinner />;
  if (filing.isError) return <ProblemAlert error={filing.error} />;
  return <FilingView filing={filing.data} />;
}

function FilingView({ filing }: { filing: TFiling }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const [error, setError] = useState<unknown>(null);
  const isFiler = !me?.roles.includes('clerk');
  const download = (path: string, name: string) => downloadReceipt(`/filings/${filing.id}/${path}`, `${name}.pdf`).catch(setError);
  const title = filing.parties.length ? `${filing.parties.filter((p) => p.side === 'plaintiff').map((p) => p.name).join('、')}诉${filing.parties.filter((p) => p.side === 'defendant').map((p) => p.name).join('、')}${filing.cause}` : filing.cause;
  return (
    <Flex vertical gap={16} className="oc-filing">
      <PageHeader title={title} extra={<Tag color={STATUS_COLOR[filing.status]} data-testid="filing-status">{t(`filing.status.${filing.status}`)}</Tag>} />
      {filing.caseNumber && (
        <Alert type="success" showIcon title={<span data-testid="case-number">{`${t('filing.caseNumber')}：${filing.caseNumber}`}</span>} />
      )}
      {filing.status === 'correction' && filing.correction && (
        <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('filing.correctionTitle')}</Typography.Title>}>
          <ol data-testid="correction-items">
            {filing.correction.items.map((item, i) => <li key={i}>{`${t(`filing.fields.${item.field}`)}：${item.reason}`}</li>)}
          </ol>
          <Typography.Paragraph type="warning">{t('filing.correctionDeadline', { date: formatDateTime(filing.correction.deadline, i18n.language) })}</Typography.Paragraph>
          {isFiler && (
            <Link to={`/filings/${filing.id}/correct`}>
              <Button type="primary">{t('filing.correctNow')}</Button>
            </Link>
          )}
        </Card>
      )}
      {filing.status === 'accepted' && filing.feeFen !== null && (
        <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('filing.feeDue', { amount: formatFen(filing.feeFen, i18n.language) })}</Typography.Title>}>
          <Space wrap>
            {filing.payment?.status === 'pending' && filing.payment.payUrl && isFiler && (
              <Button type="primary" href={filing.payment.payUrl}>{t('filing.pay')}</Button>
            )}
            {filing.payment?.status === 'paid' && <Tag color="success" data-testid="fee-paid">{t('filing.paid')}</Tag>}
            {filing.payment?.status === 'paid' && <Button onClick={() => downloadReceipt(`/payments/${filing.payment!.orderId}/receipt.pdf`, `${t('filing.receiptFile')}.pdf`).catch(setError)}>{t('filing.receipt')}</Button>}
            <Button onClick={() => download('fee-notice.pdf', t('filing.feeNoticeFile'))}>{t('filing.feeNoticePdf')}</Button>
          </Space>
        </Card>
      )}
      {filing.status === 'refused' && (
        <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('filing.refusedReasons')}</Typography.Title>}>
          <Typography.Paragraph>{filing.refusalReasons}</Typography.Paragraph>
          <Button onClick={() => download('ruling.pdf', t('filing.rulingFile'))}>{t('filing.rulingPdf')}</Button>
        </Card>
      )}
      {!isFiler && filing.status === 'submitted' && <DecisionPanel filing={filing} />}
      {error ? <ProblemAlert error={error} /> : null}
      <Card>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'court', label: t('filing.court'), children: filing.courtName },
            { key: 'cause', label: t('filing.cause'), children: filing.cause },
            ...filing.parties.map((p, i) => ({ key: `p${i}`, label: t(`filing.sides.${p.side}`), children: [p.name, p.idNumber ?? p.uscc, p.address, p.phone].filter(Boolean).join('，') })),
            ...filing.claims.map((c, i) => ({ key: `c${i}`, label: t('filing.claim', { n: i + 1 }), children: `${c.description}${c.amountFen ? `（${formatFen(c.amountFen, i18n.language)} 元）` : ''}` })),
            { key: 'facts', label: t('filing.facts'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{filing.facts}</span> },
            { key: 'evidence', label: t('filing.evidence'), children: filing.evidence },
            { key: 'materials', label: t('filing.materials'), children: filing.materials.map((m) => m.filename).join('、') || '—' },
          ]}
        />
        <Button style={{ marginTop: 12 }} onClick={() => download('complaint.pdf', t('filing.complaintFile'))}>{t('filing.complaintPdf')}</Button>
      </Card>
      <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('filing.history')}</Typography.Title>}>
        <Timeline items={filing.history.map((h) => ({ content: `${formatDateTime(h.at, i18n.language)} ${t(`filing.status.${h.status}`)}${h.note ? `：${h.note}` : ''}` }))} />
      </Card>
    </Flex>
  );
}

type DecisionValues = { action: 'accept' | 'correct' | 'refuse'; items: { field: string; reason: string }[]; deadlineDays: number; reasons: string };

function DecisionPanel({ filing }: { filing: TFiling }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionValues>();
  const action = Form.useWatch('action', form) ?? 'accept';
  const decide = useDecideFiling(filing.id);
  const [error, setError] = useState<unknown>(null);
  const onFinish = async (v: DecisionValues) => {
    setError(null);
    const body: TFilingDecision =
      v.action === 'accept'
        ? { action: 'accept', version: filing.version }
        : v.action === 'correct'
          ? { action: 'correct', version: filing.version, items: v.items as never, deadlineDays: v.deadlineDays }
          : { action: 'refuse', version: filing.version, reasons: v.reasons };
    try {
      await decide.mutateAsync(body);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('filing.decision')}</Typography.Title>}>
      <Form form={form} layout="vertical" initialValues={{ action: 'accept', items: [{ field: 'parties', reason: '' }], deadlineDays: 15 }} onFinish={onFinish}>
        <Form.Item name="action" label={t('filing.decision')}>
          <Radio.Group options={(['accept', 'correct', 'refuse'] as const).map((a) => ({ value: a, label: t(`filing.${a === 'correct' ? 'askCorrection' : a}`) }))} />
        </Form.Item>
        {action === 'correct' && (
          <>
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((field) => (
                    <Flex key={field.key} gap={8} wrap>
                      <Form.Item name={[field.name, 'field']} style={{ minWidth: 110, marginBottom: 0 }}>
                        <Select aria-label={t('filing.fields.other')} options={(['parties', 'claims', 'facts', 'evidence', 'materials', 'other'] as const).map((f) => ({ value: f, label: t(`filing.fields.${f}`) }))} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'reason']} style={{ flex: 1, minWidth: 180, marginBottom: 0 }} rules={[{ required: true, min: 2, message: t('filing.reason') }]}>
                        <Input aria-label={t('filing.reason')} placeholder={t('filing.reason')} maxLength={500} />
                      </Form.Item>
                      {fields.length > 1 && <Button type="link" onClick={() => remove(field.name)}>{t('filing.remove')}</Button>}
                    </Flex>
                  ))}
                  <Button onClick={() => add({ field: 'other', reason: '' })}>{t('filing.addReason')}</Button>
                </Flex>
              )}
            </Form.List>
            <Form.Item name="deadlineDays" label={t('filing.deadlineDays')} style={{ marginTop: 12 }}>
              <InputNumber min={1} max={60} />
            </Form.Item>
          </>
        )}
        {action === 'refuse' && (
          <Form.Item name="reasons" label={t('filing.refuseReasons')} rules={[{ required: true, min: 5, message: t('filing.refuseReasons') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={decide.isPending}>{t('filing.confirm')}</Button>
      </Form>
      {error ? <div style={{ marginTop: 12 }}><ProblemAlert error={error} /></div> : null}
    </Card>
  );
}
