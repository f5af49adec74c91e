// /matters/:matterId/agreements/new: the mediator writes the agreed terms from the template's parts
// (facts and points in dispute, numbered terms, payments by instalment, default) and gets a draft the
// parties will read and sign. Amounts are typed in yuan and sent in fen.
import type { TAgreementTerms } from '@opencourt/contracts';
import { Button, Card, DatePicker, Flex, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { parseYuanToFen } from '../fees/fee-format.ts';
import { useDraftAgreement } from './agreements.api.ts';

type Values = {
  facts: string;
  clauses: string[];
  payments: { payer: string; payee: string; instalments: { dueOn: Dayjs; amount: string }[] }[];
  onDefault?: string;
};

export function DraftAgreementPage() {
  const { t } = useTranslation();
  const { matterId = '' } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const draft = useDraftAgreement(matterId);
  const [attempt] = useState(() => crypto.randomUUID());

  const submit = (v: Values) => {
    const terms: TAgreementTerms = {
      facts: v.facts,
      clauses: v.clauses,
      payments: (v.payments ?? []).map((p) => ({
        payer: p.payer,
        payee: p.payee,
        instalments: p.instalments.map((x) => ({ dueOn: x.dueOn.format('YYYY-MM-DD'), amountFen: Number(parseYuanToFen(x.amount)) })),
      })),
      ...(v.onDefault?.trim() ? { onDefault: v.onDefault } : {}),
    };
    draft.mutate(
      { terms, idempotencyKey: `agreement-${matterId}-${attempt}` },
      // Field errors (their pointers name the term) are listed by ProblemAlert.
      { onSuccess: (a) => navigate(`/agreements/${a.id}`) },
    );
  };

  return (
    <>
      <PageHeader title={t('agreements.draftTitle')} />
      <Card>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ clauses: [''], payments: [] }}>
          <Form.Item name="facts" label={t('agreements.facts')} rules={[{ required: true, whitespace: true, message: t('agreements.facts') }]}>
            <Input.TextArea rows={4} maxLength={3000} />
          </Form.Item>
          <Typography.Title level={2} style={{ fontSize: 16 }}>{t('agreements.clauses')}</Typography.Title>
          <Form.List name="clauses">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Flex key={f.key} gap={8} align="start">
                    <Form.Item {...f} label={t('agreements.clause', { n: i + 1 })} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('agreements.clause', { n: i + 1 }) }]}>
                      <Input.TextArea rows={2} maxLength={800} />
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)} style={{ marginTop: 30 }}>{t('agreements.remove')}</Button>}
                  </Flex>
                ))}
                <Button onClick={() => add('')} style={{ marginBottom: 16 }}>{t('agreements.addClause')}</Button>
              </>
            )}
          </Form.List>
          <Typography.Title level={2} style={{ fontSize: 16 }}>{t('agreements.payments')}</Typography.Title>
          <Form.List name="payments">
            {(payments, { add, remove }) => (
              <>
                {payments.map((p) => (
                  <Card key={p.key} size="small" style={{ marginBottom: 12 }} extra={<Button size="small" onClick={() => remove(p.name)}>{t('agreements.remove')}</Button>}>
                    <Flex gap={8} wrap>
                      <Form.Item name={[p.name, 'payer']} label={t('agreements.payer')} rules={[{ required: true, message: t('agreements.payer') }]}>
                        <Input maxLength={60} />
                      </Form.Item>
                      <Form.Item name={[p.name, 'payee']} label={t('agreements.payee')} rules={[{ required: true, message: t('agreements.payee') }]}>
                        <Input maxLength={60} />
                      </Form.Item>
                    </Flex>
                    <Form.List name={[p.name, 'instalments']} initialValue={[{}]}>
                      {(items, ops) => (
                        <>
                          {items.map((x, n) => (
                            <Flex key={x.key} gap={8} wrap align="start">
                              <Form.Item name={[x.name, 'dueOn']} label={`${t('agreements.instalment', { n: n + 1 })} ${t('agreements.dueOn')}`} rules={[{ required: true, message: t('agreements.dueOn') }]}>
                                <DatePicker />
                              </Form.Item>
                              <Form.Item
                                name={[x.name, 'amount']}
                                label={t('agreements.amount')}
                                rules={[{ required: true, validator: async (_, v: string) => { if (!parseYuanToFen(v ?? '') || parseYuanToFen(v) === 0n) throw new Error(t('agreements.yuanInvalid')); } }]}
                              >
                                <Input inputMode="decimal" style={{ width: 140 }} />
                              </Form.Item>
                              {items.length > 1 && <Button onClick={() => ops.remove(x.name)} style={{ marginTop: 30 }}>{t('agreements.remove')}</Button>}
                            </Flex>
                          ))}
                          <Button size="small" onClick={() => ops.add({})}>{t('agreements.addInstalment')}</Button>
                        </>
                      )}
                    </Form.List>
                  </Card>
                ))}
                <Button onClick={() => add({ instalments: [{}] })} style={{ marginBottom: 16 }}>{t('agreements.addPayment')}</Button>
              </>
            )}
          </Form.List>
          <Form.Item name="onDefault" label={t('agreements.onDefault')}>
            <Input.TextArea rows={2} maxLength={800} />
          </Form.Item>
          <ProblemAlert error={draft.error} />
          <Button type="primary" htmlType="submit" block loading={draft.isPending} style={{ marginTop: 12 }}>
            {t('agreements.create')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
