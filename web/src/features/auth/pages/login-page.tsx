import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/client.ts';
import type { LoginBody } from '../../../shared/api/types.ts';
import { LanguageSwitch } from '../../../shared/components/language-switch.tsx';
import { useLogin } from '../hooks/use-session.ts';

/** Sign-in with user name and password; the server's message (wrong password, locked) is shown as is. */
export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);

  const onFinish = (values: LoginBody) => {
    setError(null);
    login.mutate(values, {
      onError: (err) => setError(isApiError(err) ? err.message : t('common.unexpectedError')),
    });
  };

  return (
    <div className="bf-login">
      <header className="bf-login-header">
        <div className="bf-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="bf-brand-name">Bidflow</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="bf-login-main">
        <section className="bf-login-card" aria-labelledby="login-title">
          <h1 id="login-title" className="bf-login-title">
            {t('auth.loginTitle')}
          </h1>
          <p className="bf-login-subtitle">{t('app.subtitle')}</p>
          {error ? <Alert type="error" showIcon title={error} className="bf-gap-bottom" role="alert" /> : null}
          <Form<LoginBody> layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('auth.login')}
            </Button>
          </Form>
          <p className="bf-login-help">{t('auth.loginHelp')}</p>
        </section>
      </main>
    </div>
  );
}
