import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { applyProblemToForm } from '../../shared/api/form-errors.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) => api.post('/auth/password', { currentPassword, newPassword }),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('account.passwordDone'));
    },
    onError: (error) => applyProblemToForm(form, error),
  });
  return (
    <Form form={form} name="change-password" layout="vertical" requiredMark={false} style={{ maxWidth: 400 }} onFinish={(values) => change.mutate(values)}>
      {change.error ? (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={change.error} hideFieldErrors />
        </div>
      ) : null}
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('account.passwordRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('account.newPassword')} extra={t('account.newPasswordHint')} rules={[{ required: true, message: t('account.passwordRequired') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('account.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('account.password')}
      </Button>
    </Form>
  );
}
