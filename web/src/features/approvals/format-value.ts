import type { TFunction } from 'i18next';
import { formatDate, formatDateTime, formatMoney } from '../../shared/format.ts';
import type { SubjectField } from './approval-api.ts';

/** A snapshot value as text, by the subject field's declared type (money is integer fen). */
export function formatFieldValue(value: unknown, field: SubjectField | undefined, t: TFunction): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (field?.type) {
    case 'money':
      return typeof value === 'number' || (typeof value === 'string' && /^-?\d+$/.test(value)) ? formatMoney(BigInt(value)) : String(value);
    case 'percent':
      return `${String(value)}%`;
    case 'date':
      return formatDate(String(value));
    case 'datetime':
      return formatDateTime(String(value));
    case 'boolean':
      return value ? t('approvals.yes') : t('approvals.no');
    case 'enum':
      return field.options?.find((o) => o.value === String(value))?.label ?? String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
