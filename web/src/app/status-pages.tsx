import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

function StatusPage({ status, title, text }: { status: '403' | '404'; title: string; text: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={<h1 className="bf-result-title">{title}</h1>}
      subTitle={text}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('status.backHome')}
        </Button>
      }
    />
  );
}

/** Shown in place of a module the user's roles do not grant. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return <StatusPage status="403" title={t('status.forbiddenTitle')} text={t('status.forbiddenText')} />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusPage status="404" title={t('status.notFoundTitle')} text={t('status.notFoundText')} />;
}
