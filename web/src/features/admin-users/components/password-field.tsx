import { Button, Form, Input, Space } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FormInstance } from 'antd';
import type { PasswordPolicyResponse } from '../../../shared/api/types.ts';
import { PasswordHints, passwordPolicyRule } from '../../auth/components/password-hints.tsx';
import { generatePassword } from '../generate-password.ts';

/**
 * An initial or reset password chosen by the administrator, with the policy checklist and a
 * generator; the user must change it at the next sign-in.
 */
export function PasswordField({
  form,
  name,
  label,
  policy,
  username,
}: {
  form: FormInstance;
  name: string;
  label: string;
  policy: PasswordPolicyResponse | undefined;
  username: () => string | undefined;
}) {
  const { t } = useTranslation();
  const value = (Form.useWatch(name, form) as string | undefined) ?? '';
  return (
    <Form.Item label={label} required>
      <Space.Compact className="bf-full-width">
        <Form.Item
          name={name}
          noStyle
          rules={[{ required: true, message: t('password.newRequired') }, passwordPolicyRule(policy, username)]}
        >
          <Input.Password autoComplete="new-password" aria-label={label} />
        </Form.Item>
        <Button
          icon={<ThunderboltOutlined />}
          onClick={() => {
            form.setFieldValue(name, generatePassword(Math.max(policy?.minLength ?? 12, 12)));
            void form.validateFields([name]);
          }}
        >
          {t('password.generate')}
        </Button>
      </Space.Compact>
      {policy ? <PasswordHints policy={policy} password={value} username={username()} /> : null}
    </Form.Item>
  );
}
