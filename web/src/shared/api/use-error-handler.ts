import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from './client.ts';
import { applyFieldErrors } from './form-errors.ts';
import { useMessage } from '../components/feedback.tsx';

/**
 * The usual reaction to a failed call: field messages onto the form when there are any,
 * otherwise the server's (localized) message as a toast. A stale `version` (409
 * conflict_stale) also calls `onConflict`, which reloads the record.
 */
export function useApiErrorHandler() {
  const message = useMessage();
  const { t } = useTranslation();
  return (err: unknown, opts: { form?: FormInstance; onConflict?: () => void } = {}) => {
    if (isApiError(err) && err.status === 409 && err.code === 'conflict_stale') {
      void message.error(err.message);
      opts.onConflict?.();
      return;
    }
    if (opts.form && applyFieldErrors(opts.form, err)) return;
    void message.error(isApiError(err) ? err.message : t('common.unexpectedError'));
  };
}
