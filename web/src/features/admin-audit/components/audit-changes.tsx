import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/api/types.ts';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}

/** The before → after values of one audit entry. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changes = entry.changes ? Object.entries(entry.changes) : [];
  return (
    <div className="bf-audit-details">
      {entry.detail ? (
        <p>
          <strong>{t('audit.detail')}：</strong>
          {entry.detail}
        </p>
      ) : null}
      {entry.entityId ? (
        <p>
          <strong>{t('audit.entityId')}：</strong>
          <code>{entry.entityId}</code>
        </p>
      ) : null}
      {changes.length ? (
        <table className="bf-changes-table">
          <caption className="bf-visually-hidden">{t('audit.changes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.field')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map(([field, c]) => (
              <tr key={field}>
                <th scope="row">{field}</th>
                <td>{show(c.before)}</td>
                <td>{show(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="bf-muted">{t('audit.noChanges')}</p>
      )}
    </div>
  );
}
