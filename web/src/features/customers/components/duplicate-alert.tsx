import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatch } from '../customer-api.ts';

/**
 * Existing records the typed name / credit code would duplicate, each linking to the record —
 * or, when the user may not see it, saying only that it exists and who owns it.
 */
export function DuplicateAlert({
  matches,
  kind,
  blocking,
}: {
  matches: DuplicateMatch[];
  kind: 'customer' | 'partner';
  blocking?: boolean;
}) {
  const { t } = useTranslation();
  if (matches.length === 0) return null;
  const base = kind === 'customer' ? '/customers' : '/partners';
  const byCode = matches.some((m) => m.reason === 'credit_code');
  return (
    <Alert
      type={byCode || blocking ? 'error' : 'warning'}
      showIcon
      className="bf-gap-bottom"
      title={byCode ? t('customers.dup.codeTitle') : t(kind === 'customer' ? 'customers.dup.nameTitle' : 'customers.dup.partnerNameTitle')}
      description={
        <ul className="bf-crm-dup-list">
          {matches.map((m, i) => (
            <li key={m.id ?? `hidden-${i}`}>
              {m.visible && m.id ? (
                <Link to={`${base}/${m.id}`} target="_blank">
                  {m.name}
                </Link>
              ) : (
                <span>{t('customers.dup.hidden')}</span>
              )}
              <span className="bf-muted">
                {' '}
                {t('customers.dup.owner', { name: m.ownerName ?? '—' })}
                {m.reason === 'credit_code'
                  ? ` · ${t('customers.dup.sameCode')}`
                  : ` · ${t('customers.dup.similar', { pct: Math.round(m.similarity * 100) })}`}
              </span>
            </li>
          ))}
        </ul>
      }
    />
  );
}
