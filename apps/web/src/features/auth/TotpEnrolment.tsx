// Setting up TOTP: the server makes a secret and its QR code; a first code from the app confirms it.
// Used at sign-in (when the organisation requires it) and on the account page.
import type { TMe } from '@opencourt/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { applyProblemToForm } from '../../shared/api/form-errors.ts';
import { meQueryKey, refreshMe } from '../../shared/session/me.ts';
import { oneTimeCodeInput, sixDigitRules } from '../../shared/ui/fields.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';

type Enrolment = { secret: string; uri: string; qrDataUrl: string };

export function TotpEnrolment({ autoStart = false, onDone }: { autoStart?: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const client = useQueryClient();
  const start = useMutation({ mutationFn: () => api.post<Enrolment>('/auth/totp/enrolment') });
  const confirm = useMutation({
    mutationFn: (values: { code: string }) => api.post('/auth/totp/confirm', values),
    onSuccess: async () => {
      const me = client.getQueryData<TMe | null>(meQueryKey);
      if (me) client.setQueryData<TMe>(meQueryKey, { ...me, totpEnabled: true });
      await refreshMe(client);
      onDone?.();
    },
    onError: (error) => {
      form.setFieldValue('code', '');
      applyProblemToForm(form, error);
    },
  });
  const { mutate: begin, isIdle } = start;
  useEffect(() => {
    if (autoStart && isIdle) begin();
  }, [autoStart, isIdle, begin]);

  if (!start.data) {
    return (
      <Flex vertical gap={12} align="flex-start">
        {start.error ? <ProblemAlert error={start.error} /> : null}
        {autoStart && !start.error ? null : (
          <Button type="primary" onClick={() => start.mutate()} loading={start.isPending}>
            {t('totp.start')}
          </Button>
        )}
      </Flex>
    );
  }
  return (
    <Form form={form} name="totp-enrolment" layout="vertical" requiredMark={false} onFinish={(values) => confirm.mutate(values)}>
      <Typography.Paragraph>{t('totp.enrolHint')}</Typography.Paragraph>
      <img src={start.data.qrDataUrl} alt={t('totp.qrAlt')} className="oc-qr" width={200} height={200} />
      <Typography.Paragraph style={{ marginTop: 12 }}>
        {t('totp.secret')} <code className="oc-secret" data-testid="totp-secret">{start.data.secret}</code>
      </Typography.Paragraph>
      {confirm.error ? (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={confirm.error} hideFieldErrors />
        </div>
      ) : null}
      <Form.Item name="code" label={t('totp.code')} rules={sixDigitRules(t, 'totp.codeRequired')} style={{ maxWidth: 320 }}>
        <Input {...oneTimeCodeInput} size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" loading={confirm.isPending}>
        {t('totp.confirm')}
      </Button>
    </Form>
  );
}
