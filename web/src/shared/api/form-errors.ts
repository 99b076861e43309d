import type { FormInstance } from 'antd';
import { isApiError } from './client.ts';

/**
 * Puts the server's field errors (`details.fields['body.<field>']`) onto the matching antd
 * Form fields. For validation errors the per-field text is shown (it is localized); for rule
 * errors that merely point at a field (duplicate name, wrong current password) the error's
 * own localized message is shown there. Returns true when at least one field of the form got a
 * message, so the caller can skip the generic toast.
 */
export function applyFieldErrors(form: FormInstance, err: unknown): boolean {
  if (!isApiError(err)) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const useFieldText = err.code === 'validation_failed';
  const entries = Object.entries(err.fields)
    .map(([key, text]) => ({ name: key.replace(/^body\./, '').split('.')[0] ?? '', text: useFieldText ? text : err.message }))
    .filter((e) => e.name !== '' && known.has(e.name));
  if (entries.length === 0) return false;
  form.setFields(entries.map((e) => ({ name: e.name, errors: [e.text] })));
  return true;
}
