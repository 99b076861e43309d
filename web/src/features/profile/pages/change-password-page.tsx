import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { ChangePasswordForm } from '../../auth/components/change-password-form.tsx';
import { useCurrentUser } from '../../auth/hooks/use-session.ts';

/** 修改密码 from the user menu; other sessions of the user end when it succeeds. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader title={t('password.title')} description={t('password.description')} />
      <Card className="bf-form-card">
        <ChangePasswordForm username={me.username} onChanged={() => undefined} />
      </Card>
    </>
  );
}
