// Party sign-in: a code is sent to the phone, then phone + code sign in. One question at a time.
import { MobileOutlined } from '@ant-design/icons';
import type { TLoginResult } from '@opencourt/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../shared/api/client.ts';
import { applyProblemToForm } from '../../shared/api/form-errors.ts';
import { useCountdown } from '../../shared/lib/useCountdown.ts';
import { refreshMe } from '../../shared/session/me.ts';
import { oneTimeCodeInput, phoneRules, sixDigitRules } from '../../shared/ui/fields.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';

type SmsCodeSent = { sentTo: string; expiresInSeconds: number; resendAfterSeconds: number };
type Values = { phone: string; code: string };

export function SmsLoginForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const countdown = useCountdown();
  const [sent, setSent] = useState<SmsCodeSent | null>(null);

  const sendCode = useMutation({
    mutationFn: (phone: string) => api.post<SmsCodeSent>('/auth/sms-code', { phone: phone.trim() }),
    onSuccess: (result) => {
      setSent(result);
      countdown.start(result.resendAfterSeconds);
    },
    onError: (error) => {
      applyProblemToForm(form, error);
      if (error instanceof ApiError && error.problem.retryAfterSeconds) countdown.start(error.problem.retryAfterSeconds);
    },
  });
  const login = useMutation({
    mutationFn: (values: Values) => api.post<TLoginResult>('/auth/login/sms', { phone: values.phone.trim(), code: values.code }),
    onSuccess: () => refreshMe(client),
    onError: (error) => applyProblemToForm(form, error),
  });

  const requestCode = async () => {
    const { phone } = await form.validateFields(['phone']);
    login.reset();
    sendCode.mutate(phone);
  };
  const error = login.error ?? sendCode.error;
  const waiting = countdown.remaining > 0;

  return (
    <Form form={form} name="sms-login" layout="vertical" size="large" requiredMark={false} onFinish={(values) => login.mutate(values)}>
      <Typography.Paragraph type="secondary">{t('login.partyHint')}</Typography.Paragraph>
      {error ? (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={error} hideFieldErrors />
        </div>
      ) : null}
      <Form.Item name="phone" label={t('login.phone')} rules={phoneRules(t)}>
        <Input prefix={<MobileOutlined aria-hidden />} type="tel" inputMode="tel" autoComplete="tel" disabled={!!sent} />
      </Form.Item>
      {sent ? (
        <>
          <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('login.codeSent', { to: sent.sentTo, minutes: Math.round(sent.expiresInSeconds / 60) })} />
          <Form.Item name="code" label={t('login.code')} rules={sixDigitRules(t, 'login.codeRequired')}>
            <Input {...oneTimeCodeInput} autoFocus />
          </Form.Item>
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
            <Button block onClick={() => void requestCode()} disabled={waiting} loading={sendCode.isPending}>
              {waiting ? t('login.resendIn', { seconds: countdown.remaining }) : t('login.resend')}
            </Button>
            <Button
              type="link"
              block
              onClick={() => {
                setSent(null);
                form.resetFields(['code']);
                login.reset();
                sendCode.reset();
              }}
            >
              {t('login.changePhone')}
            </Button>
          </Space>
        </>
      ) : (
        <Button type="primary" block onClick={() => void requestCode()} loading={sendCode.isPending} disabled={waiting}>
          {waiting ? t('login.resendIn', { seconds: countdown.remaining }) : t('login.sendCode')}
        </Button>
      )}
    </Form>
  );
}
