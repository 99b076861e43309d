import { Alert, Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../shared/api/client.ts';
import { applyFieldErrors } from '../../../shared/api/form-errors.ts';
import type { ChangePasswordBody } from '../../../shared/api/types.ts';
import { usePasswordPolicy } from '../hooks/use-password-policy.ts';
import { PasswordHints, passwordPolicyRule } from './password-hints.tsx';
import { SectionSpin } from '../../../shared/components/full-page-spin.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';

interface Values extends ChangePasswordBody {
  confirm: string;
}

/** Current + new + repeated password with live policy hints; used by the forced and the normal page. */
export function ChangePasswordForm({ username, onChanged }: { username: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const policy = usePasswordPolicy();
  const change = useMutation({
    mutationFn: (body: ChangePasswordBody) => api('POST /auth/change-password', { body }),
  });

  if (policy.isPending) return <SectionSpin />;

  const onFinish = (values: Values) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('password.changed'));
          onChanged();
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'password_reused') {
            form.setFields([{ name: 'newPassword', errors: [err.message] }]);
            return;
          }
          if (!applyFieldErrors(form, err)) void message.error(isApiError(err) ? err.message : t('common.saveFailed'));
        },
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} className="bf-narrow-form">
      {/* helps password managers tie the new password to the account */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[{ required: true, message: t('password.newRequired') }, passwordPolicyRule(policy.data, () => username)]}
        extra={policy.data ? <PasswordHints policy={policy.data} password={newPassword} username={username} /> : undefined}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: async (_r, value: unknown) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {policy.error ? <Alert type="warning" showIcon title={t('password.policyUnavailable')} className="bf-gap-bottom" /> : null}
      <Button type="primary" htmlType="submit" loading={change.isPending} block>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
