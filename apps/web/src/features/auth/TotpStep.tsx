// The second factor after a password: a code from the authenticator app.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { applyProblemToForm } from '../../shared/api/form-errors.ts';
import { refreshMe, useSignOut } from '../../shared/session/me.ts';
import { oneTimeCodeInput, sixDigitRules } from '../../shared/ui/fields.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';

export function TotpStep() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const client = useQueryClient();
  const signOut = useSignOut();
  const verify = useMutation({
    mutationFn: (values: { code: string }) => api.post('/auth/login/totp', values),
    onSuccess: () => refreshMe(client),
    onError: (error) => {
      form.setFieldValue('code', '');
      applyProblemToForm(form, error);
    },
  });
  return (
    <Form form={form} name="totp-login" layout="vertical" size="large" requiredMark={false} onFinish={(values) => verify.mutate(values)}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('totp.stepTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('totp.stepHint')}</Typography.Paragraph>
      {verify.error ? (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={verify.error} hideFieldErrors />
        </div>
      ) : null}
      <Form.Item name="code" label={t('totp.code')} rules={sixDigitRules(t, 'totp.codeRequired')}>
        <Input {...oneTimeCodeInput} autoFocus />
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button type="primary" htmlType="submit" block loading={verify.isPending}>
          {t('totp.verify')}
        </Button>
        <Button type="link" block onClick={() => signOut.mutate(false)}>
          {t('login.otherAccount')}
        </Button>
      </Space>
    </Form>
  );
}
