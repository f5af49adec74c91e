// `/preservations`: a party applies for property preservation (before or during litigation) with the
// property, the amount and the guarantee, and follows their applications and their fee; the court's
// clerk sees the court's applications and grants or refuses them with reasons.
import type { TPreservation, TPreservationSubmitInput } from '@opencourt/contracts';
import { Button, Card, Empty, Flex, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../shared/session/me.ts';
import { applyProblemToForm } from '../../shared/api/form-errors.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { formatFen } from '../fees/fee-format.ts';
import { amountFen } from './filing-form.ts';
import { useCourts, useDecidePreservation, useFilings, usePreservations, useSubmitPreservation } from './filing.api.ts';
import './filing.css';

const STATUS_COLOR = { submitted: 'processing', granted: 'success', refused: 'error' } as const;

export function PreservationPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const clerk = !!me?.roles.includes('clerk');
  const list = usePreservations(clerk ? 'queue' : 'mine');
  return (
    <Flex vertical gap={16} className="oc-filing">
      <PageHeader title={clerk ? t('filing.preservations') : t('filing.preservationTitle')} subtitle={clerk ? undefined : t('filing.preservationIntro')} />
      {!clerk && <PreservationForm />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data?.length === 0 && <Empty description={<Typography.Text>{t('filing.none')}</Typography.Text>} />}
      <ul className="oc-filing-list" aria-label={t('filing.preservations')}>
        {list.data?.map((p) => <PreservationCard key={p.id} item={p} clerk={clerk} />)}
      </ul>
    </Flex>
  );
}

type Values = {
  stage: 'pre-litigation' | 'in-litigation';
  courtId?: string;
  filingId?: string;
  respondent?: string;
  reasons?: string;
  amount?: string;
  property: { kind: string; description?: string; location?: string; value?: string }[];
  guarantee: { kind: string; amount?: string };
};

function PreservationForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const stage = Form.useWatch('stage', form) ?? 'pre-litigation';
  const guaranteeKind = Form.useWatch(['guarantee', 'kind'], form) ?? 'cash';
  const courts = useCourts();
  const accepted = useFilings({ scope: 'mine', status: 'accepted' });
  const submit = useSubmitPreservation();
  const [error, setError] = useState<unknown>(null);
  const [attemptKey, setAttemptKey] = useState(() => crypto.randomUUID());

  const onFinish = async (v: Values) => {
    setError(null);
    const filing = accepted.data?.find((f) => f.id === v.filingId);
    const body: TPreservationSubmitInput = {
      stage: v.stage,
      courtId: v.stage === 'in-litigation' && filing ? filing.courtId : (v.courtId ?? ''),
      filingId: v.stage === 'in-litigation' ? v.filingId : undefined,
      respondent: v.respondent ?? '',
      reasons: v.reasons ?? '',
      amountFen: amountFen(v.amount) as number,
      property: v.property.map((p) => ({ kind: p.kind as never, description: p.description ?? '', location: p.location ?? '', valueFen: amountFen(p.value) as number })),
      guarantee: { kind: v.guarantee.kind as never, amountFen: v.guarantee.kind === 'none' ? 0 : ((amountFen(v.guarantee.amount) as number) ?? 0) },
    };
    try {
      await submit.mutateAsync({ body, idempotencyKey: `preservation-${attemptKey}` });
      form.resetFields();
      setAttemptKey(crypto.randomUUID());
    } catch (err) {
      setError(err);
      applyProblemToForm(form, err);
    }
  };

  return (
    <Card>
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ stage: 'pre-litigation', property: [{ kind: 'bank-account' }], guarantee: { kind: 'cash' } }}>
        <Form.Item name="stage" label={t('filing.stage')}>
          <Radio.Group options={(['pre-litigation', 'in-litigation'] as const).map((s) => ({ value: s, label: t(`filing.stages.${s}`) }))} />
        </Form.Item>
        {stage === 'pre-litigation' ? (
          <Form.Item name="courtId" label={t('filing.court')} rules={[{ required: true, message: t('filing.court') }]}>
            <Select options={(courts.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        ) : (
          <Form.Item name="filingId" label={t('filing.filing')} rules={[{ required: true, message: t('filing.filing') }]}>
            <Select options={(accepted.data ?? []).map((f) => ({ value: f.id, label: `${f.caseNumber ?? ''} ${f.title}` }))} />
          </Form.Item>
        )}
        <Form.Item name="respondent" label={t('filing.respondent')} rules={[{ required: true, message: t('filing.respondent') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="reasons" label={t('filing.reasons')} rules={[{ required: true, min: 5, message: t('filing.reasons') }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="amount" label={t('filing.amount')} rules={[{ required: true, message: t('filing.amountInvalid') }]}>
          <Input inputMode="decimal" autoComplete="off" />
        </Form.Item>
        <Form.List name="property">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              {fields.map((field, i) => (
                <Card key={field.key} size="small" title={t('filing.property', { n: i + 1 })} extra={fields.length > 1 ? <Button type="link" onClick={() => remove(field.name)}>{t('filing.remove')}</Button> : null}>
                  <Form.Item name={[field.name, 'kind']} label={t('filing.propertyKind')}>
                    <Select options={(['bank-account', 'real-estate', 'vehicle', 'equity', 'other'] as const).map((k) => ({ value: k, label: t(`filing.propertyKinds.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'description']} label={t('filing.description')} rules={[{ required: true, min: 2, message: t('filing.description') }]}>
                    <Input maxLength={500} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'location']} label={t('filing.location')} rules={[{ required: true, min: 2, message: t('filing.location') }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} label={t('filing.value')} rules={[{ required: true, message: t('filing.amountInvalid') }]}>
                    <Input inputMode="decimal" autoComplete="off" />
                  </Form.Item>
                </Card>
              ))}
              <Button onClick={() => add({ kind: 'other' })}>{t('filing.addProperty')}</Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name={['guarantee', 'kind']} label={t('filing.guarantee')}>
          <Select options={(['cash', 'bank-guarantee', 'insurance', 'property', 'none'] as const).map((k) => ({ value: k, label: t(`filing.guaranteeKinds.${k}`) }))} />
        </Form.Item>
        {guaranteeKind !== 'none' && (
          <Form.Item name={['guarantee', 'amount']} label={t('filing.guaranteeAmount')} rules={[{ required: true, message: t('filing.amountInvalid') }]}>
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={submit.isPending}>{t('filing.applyPreservation')}</Button>
      </Form>
      {error ? <div style={{ marginTop: 12 }}><ProblemAlert error={error} /></div> : null}
    </Card>
  );
}

function PreservationCard({ item, clerk }: { item: TPreservation; clerk: boolean }) {
  const { t, i18n } = useTranslation();
  const decide = useDecidePreservation();
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<unknown>(null);
  const act = (action: 'grant' | 'refuse') => decide.mutateAsync({ id: item.id, action, version: item.version, reasons }).catch(setError);
  return (
    <li>
      <Card size="small">
        <Flex vertical gap={6}>
          <Flex justify="space-between" gap={8}>
            <Typography.Text strong>{`${t(`filing.stages.${item.stage}`)} · ${item.respondent}`}</Typography.Text>
            <Tag color={STATUS_COLOR[item.status]}>{t(`filing.preservationStatus.${item.status}`)}</Tag>
          </Flex>
          {item.caseNumber && <Typography.Text>{`${t('filing.caseNumber')}：${item.caseNumber}`}</Typography.Text>}
          <Typography.Text>{`${t('filing.amount')}：${formatFen(item.amountFen, i18n.language)} · ${t(`filing.guaranteeKinds.${item.guarantee.kind}`)} ${item.guarantee.amountFen ? formatFen(item.guarantee.amountFen, i18n.language) : ''}`}</Typography.Text>
          <Typography.Text>{t('filing.fee', { amount: formatFen(item.feeFen, i18n.language) })}</Typography.Text>
          {item.decisionReasons && <Typography.Text type="secondary">{item.decisionReasons}</Typography.Text>}
          <Space wrap>
            {!clerk && item.payment?.status === 'pending' && item.payment.payUrl && <Button type="primary" href={item.payment.payUrl}>{t('filing.pay')}</Button>}
            {item.payment?.status === 'paid' && <Tag color="success">{t('filing.paid')}</Tag>}
          </Space>
          {clerk && item.status === 'submitted' && (
            <Flex vertical gap={8}>
              <Input.TextArea aria-label={t('filing.decisionReasons')} placeholder={t('filing.decisionReasons')} rows={2} value={reasons} onChange={(e) => setReasons(e.target.value)} />
              <Space>
                <Button type="primary" onClick={() => act('grant')} loading={decide.isPending}>{t('filing.grant')}</Button>
                <Button danger onClick={() => act('refuse')} loading={decide.isPending}>{t('filing.refuse')}</Button>
              </Space>
            </Flex>
          )}
          {error ? <ProblemAlert error={error} /> : null}
        </Flex>
      </Card>
    </li>
  );
}
