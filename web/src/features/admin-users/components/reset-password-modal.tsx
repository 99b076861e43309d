import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/api/types.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { usePasswordPolicy } from '../../auth/hooks/use-password-policy.ts';
import { useResetPassword } from '../hooks/use-users.ts';
import { PasswordField } from './password-field.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';

/** 重置密码: the administrator sets a new password; the user must change it at the next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const [form] = Form.useForm<{ newPassword: string }>();
  const policy = usePasswordPolicy();
  const reset = useResetPassword();
  const handleError = useApiErrorHandler();

  const onFinish = ({ newPassword }: { newPassword: string }) => {
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
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('user.mustChangeAtNextLogin')} className="bf-gap-bottom" />
      <Form form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <PasswordField form={form} name="newPassword" label={t('password.new')} policy={policy.data} username={() => user?.username} />
      </Form>
    </Modal>
  );
}
