// Staff sign-in with username and password. What comes next (second factor, enrolment, home) is
// decided by the session stage the server returns.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { TLoginResult, TPasswordLogin } from '@opencourt/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { applyProblemToForm } from '../../shared/api/form-errors.ts';
import { refreshMe } from '../../shared/session/me.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';

export function PasswordLoginForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<TPasswordLogin>();
  const client = useQueryClient();
  const login = useMutation({
    mutationFn: (values: TPasswordLogin) => api.post<TLoginResult>('/auth/login', values),
    onSuccess: () => refreshMe(client),
    onError: (error) => {
      form.setFieldValue('password', '');
      applyProblemToForm(form, error);
    },
  });

  return (
    <Form form={form} name="password-login" layout="vertical" size="large" requiredMark={false} onFinish={(values) => login.mutate(values)} disabled={login.isPending}>
      <Typography.Paragraph type="secondary">{t('login.staffHint')}</Typography.Paragraph>
      {login.error ? (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={login.error} hideFieldErrors />
        </div>
      ) : null}
      <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
        <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoCapitalize="off" spellCheck={false} />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
