// The matter page's fees: what is due and 去支付 (to the provider's hosted page and back), the orders
// with their state (已支付 once the provider's notification arrived), receipts, and refunds, which
// parties request and the matter's clerk or judge approve.
import type { TFeeKind, TMatter, TPaymentOrder, TRefund, TRefundReason } from '@opencourt/contracts';
import { REFUND_REASONS } from '@opencourt/contracts';
import { Alert, Button, Card, Flex, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../shared/lib/format.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { useMe } from '../../shared/session/me.ts';
import { formatFen, parseYuanToFen } from '../fees/fee-format.ts';
import { APPLICATION_KINDS, CASE_KINDS, isAmountKind } from '../fees/fee-kinds.ts';
import { estimateFee } from '../fees/fees.api.ts';
import { downloadReceipt, useCreatePayment, useDecideRefund, usePayments, useRequestRefund } from './payments.api.ts';

const STATUS_COLOR = { pending: 'processing', paid: 'success', closed: 'default', failed: 'error' } as const;
const REFUND_COLOR = { requested: 'processing', approved: 'processing', refunded: 'success', rejected: 'default', failed: 'error' } as const;

export function MatterPayments({ matter }: { matter: TMatter }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const payments = usePayments(matter.id);
  const [params] = useSearchParams();
  const returned = params.get('payment');
  const mine = (roles: string[]) => matter.participants.some((p) => p.userId === me?.id && roles.includes(p.role));
  const canPay = mine(['party', 'agent']);
  const approver = mine(['clerk', 'judge']) || !!me?.roles.includes('clerk');
  const orders = payments.data ?? [];
  const justPaid = returned ? orders.find((o) => o.id === returned) : undefined;

  return (
    <Card className="oc-payments" style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('payments.title')}</Typography.Title>}>
      {justPaid?.status === 'pending' && <Alert type="info" showIcon role="status" title={t('payments.confirming')} style={{ marginBottom: 16 }} />}
      {justPaid?.status === 'paid' && <Alert type="success" showIcon role="status" title={t('payments.paidNotice')} style={{ marginBottom: 16 }} />}
      {canPay && <PayForm matterId={matter.id} />}
      {payments.isError && <ProblemAlert error={payments.error} />}
      <List
        aria-label={t('payments.orders')}
        loading={payments.isPending}
        dataSource={orders}
        // The list's own grey empty text is too faint to read (axe: colour contrast).
        locale={{ emptyText: <Typography.Text>{t('payments.none')}</Typography.Text> }}
        rowKey="id"
        renderItem={(o) => <OrderItem order={o} matterId={matter.id} canRefund={canPay || approver} approver={approver} />}
      />
    </Card>
  );
}

function PayForm({ matterId }: { matterId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ kind: TFeeKind; amount?: string }>();
  const kind = Form.useWatch('kind', form) ?? 'property';
  const [due, setDue] = useState<{ feeFen: number; request: { kind: TFeeKind; amountFen: number } } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const create = useCreatePayment(matterId);
  const [attemptKey, setAttemptKey] = useState(() => crypto.randomUUID());

  const compute = async ({ kind, amount }: { kind: TFeeKind; amount?: string }) => {
    setError(null);
    setDue(null);
    const amountFen = isAmountKind(kind) ? parseYuanToFen(amount ?? '') : 0n;
    if (amountFen === undefined) {
      form.setFields([{ name: 'amount', errors: [t('payments.amountInvalid')] }]);
      return;
    }
    try {
      const request = { kind, amountFen: Number(amountFen) };
      const estimate = await estimateFee(request as never);
      setDue({ feeFen: estimate.feeFen, request });
      setAttemptKey(crypto.randomUUID());
    } catch (err) {
      setError(err);
    }
  };
  const pay = async () => {
    if (!due) return;
    setError(null);
    try {
      const order = await create.mutateAsync({ fee: due.request as never, amountFen: due.feeFen, idempotencyKey: `pay-${attemptKey}` });
      if (order.payUrl) window.location.assign(order.payUrl);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ kind: 'property' }} onFinish={compute} onValuesChange={() => setDue(null)} style={{ marginBottom: 16 }}>
      <Form.Item name="kind" label={t('payments.kind')}>
        <Select
          options={[
            { label: t('fees.groups.case'), options: CASE_KINDS.map((k) => ({ value: k, label: t(`fees.kindShort.${k}`) })) },
            { label: t('fees.groups.application'), options: APPLICATION_KINDS.map((k) => ({ value: k, label: t(`fees.kindShort.${k}`) })) },
          ]}
        />
      </Form.Item>
      {isAmountKind(kind) && (
        <Form.Item name="amount" label={t('payments.amount')} rules={[{ required: true, message: t('payments.amountInvalid') }]}>
          <Input inputMode="decimal" suffix={t('payments.yuan')} autoComplete="off" />
        </Form.Item>
      )}
      <Flex gap={8} wrap align="center">
        <Button htmlType="submit">{t('payments.compute')}</Button>
        {due && (
          <>
            <Typography.Text strong data-testid="payment-due">{t('payments.due', { amount: formatFen(due.feeFen, 'zh-CN') })}</Typography.Text>
            <Button type="primary" onClick={pay} loading={create.isPending}>{t('payments.pay')}</Button>
          </>
        )}
      </Flex>
      {error ? <div style={{ marginTop: 12 }}><ProblemAlert error={error} /></div> : null}
    </Form>
  );
}

function OrderItem({ order, matterId, canRefund, approver }: { order: TPaymentOrder; matterId: string; canRefund: boolean; approver: boolean }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const receipt = () => downloadReceipt(`/payments/${order.id}/receipt.pdf`, `${t('payments.receiptFile')}.pdf`).catch(setError);
  return (
    <List.Item>
      <Flex vertical gap={8} style={{ width: '100%' }}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text strong>{t(`payments.purposes.${order.purpose}`)}（{t(`fees.kindShort.${order.feeKind}`)}）</Typography.Text>
          <Tag color={STATUS_COLOR[order.status]} data-testid="payment-status">{t(`payments.status.${order.status}`)}</Tag>
        </Flex>
        <Typography.Text>
          {t('payments.amountOf', { amount: formatFen(order.amountFen, i18n.language) })}
          {order.refundedFen > 0 && ` · ${t('payments.refundedOf', { amount: formatFen(order.refundedFen, i18n.language) })}`}
        </Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(order.paidAt ?? order.createdAt, i18n.language)}</Typography.Text>
        <Space wrap>
          {order.payUrl && <Button type="primary" href={order.payUrl}>{t('payments.pay')}</Button>}
          {order.status === 'paid' && <Button onClick={receipt}>{t('payments.receipt')}</Button>}
        </Space>
        {order.refunds.map((r) => <RefundItem key={r.id} refund={r} matterId={matterId} approver={approver} />)}
        {order.status === 'paid' && canRefund && <RefundForm orderId={order.id} matterId={matterId} />}
        {error ? <ProblemAlert error={error} /> : null}
      </Flex>
    </List.Item>
  );
}

function RefundItem({ refund, matterId, approver }: { refund: TRefund; matterId: string; approver: boolean }) {
  const { t, i18n } = useTranslation();
  const decide = useDecideRefund(matterId);
  const [error, setError] = useState<unknown>(null);
  const receipt = () => downloadReceipt(`/refunds/${refund.id}/receipt.pdf`, `${t('payments.refundReceiptFile')}.pdf`).catch(setError);
  return (
    <Flex vertical gap={4} className="oc-refund" data-testid="refund">
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text>{t('payments.refundOf', { amount: formatFen(refund.amountFen, i18n.language), reason: t(`payments.reasons.${refund.reason}`) })}</Typography.Text>
        <Tag color={REFUND_COLOR[refund.status]}>{t(`payments.refundStatus.${refund.status}`)}</Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{refund.basis}</Typography.Text>
      <Space wrap>
        {approver && refund.status === 'requested' && (
          <>
            <Button type="primary" size="small" loading={decide.isPending} onClick={() => decide.mutateAsync({ refundId: refund.id, approve: true }).catch(setError)}>{t('payments.approve')}</Button>
            <Button size="small" disabled={decide.isPending} onClick={() => decide.mutateAsync({ refundId: refund.id, approve: false }).catch(setError)}>{t('payments.reject')}</Button>
          </>
        )}
        {refund.status === 'refunded' && <Button size="small" onClick={receipt}>{t('payments.refundReceipt')}</Button>}
      </Space>
      {error ? <ProblemAlert error={error} /> : null}
    </Flex>
  );
}

function RefundForm({ orderId, matterId }: { orderId: string; matterId: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<TRefundReason>('mediated');
  const request = useRequestRefund(matterId);
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Select<TRefundReason>
          aria-label={t('payments.refundReason')}
          value={reason}
          onChange={setReason}
          style={{ minWidth: 220 }}
          options={REFUND_REASONS.map((r) => ({ value: r, label: t(`payments.reasons.${r}`) }))}
        />
        <Button onClick={() => request.mutate({ orderId, reason })} loading={request.isPending}>{t('payments.requestRefund')}</Button>
      </Flex>
      {request.isError && <ProblemAlert error={request.error} />}
    </Flex>
  );
}
