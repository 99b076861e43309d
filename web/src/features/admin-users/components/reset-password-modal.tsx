import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PasswordPolicyResponse, User } from '../../../shared/api/types.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { usePasswordPolicy } from '../../auth/hooks/use-password-policy.ts';
import { useResetPassword } from '../hooks/use-users.ts';
import { PasswordField } from './password-field.tsx';

const FORM_ID = 'reset-password-form';

/** 重置密码: the administrator sets a new password; the user must change it at the next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const policy = usePasswordPolicy();
  const reset = useResetPassword();
  const handleError = useApiErrorHandler();

  const onFinish = (newPassword: string, form: FormInstance) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, body: { version: user.version, newPassword } },
      {
        onSuccess: () => {
          void message.success(t('user.passwordResetDone', { name: user.displayName }));
          onClose();
        },
        onError: (err) => handleError(err, { form, onConflict: onClose }),
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={t('user.resetPasswordTitle', { name: user?.displayName ?? '' })}
      okText={t('user.resetPassword')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('user.mustChangeAtNextLogin')} className="bf-gap-bottom" />
      {user ? <ResetForm key={user.id} username={user.username} policy={policy.data} onFinish={onFinish} /> : null}
    </Modal>
  );
}

function ResetForm({
  username,
  policy,
  onFinish,
}: {
  username: string;
  policy: PasswordPolicyResponse | undefined;
  onFinish: (newPassword: string, form: FormInstance) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ newPassword: string }>();
  return (
    <Form form={form} id={FORM_ID} layout="vertical" onFinish={(v) => onFinish(v.newPassword, form)}>
      <PasswordField form={form} name="newPassword" label={t('password.new')} policy={policy} username={() => username} />
    </Form>
  );
}
