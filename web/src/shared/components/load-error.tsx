import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';

/** A failed load with the server's message and a retry button. */
export function LoadError({ error, onRetry, fullPage = false }: { error: unknown; onRetry?: () => void; fullPage?: boolean }) {
  const { t } = useTranslation();
  const message = isApiError(error) ? error.message : t('common.unexpectedError');
  const body = (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={message}
      action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
  return fullPage ? <main className="bf-full-page-center">{body}</main> : body;
}
