import { Alert, Button } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../shared/components/language-switch.tsx';
import { ChangePasswordForm } from '../components/change-password-form.tsx';
import { ME_KEY, useCurrentUser, useLogout } from '../hooks/use-session.ts';

/**
 * First sign-in with an initial password, or a password past its maximum age: the user must
 * choose a new password before anything else is reachable.
 */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const expired = me.passwordExpired && !me.mustChangePassword;

  return (
    <div className="bf-login">
      <header className="bf-login-header">
        <div className="bf-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="bf-brand-name">Bidflow</span>
        </div>
        <div className="bf-header-right">
          <LanguageSwitch />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
          >
            {t('auth.logout')}
          </Button>
        </div>
      </header>
      <main className="bf-login-main">
        <section className="bf-login-card" aria-labelledby="password-title">
          <h1 id="password-title" className="bf-login-title">
            {expired ? t('password.expiredTitle') : t('password.initialTitle')}
          </h1>
          <Alert
            type="warning"
            showIcon
            className="bf-gap-bottom"
            title={expired ? t('password.expiredText') : t('password.initialText', { name: me.displayName })}
          />
          <ChangePasswordForm username={me.username} onChanged={() => void qc.invalidateQueries({ queryKey: ME_KEY })} />
        </section>
      </main>
    </div>
  );
}
