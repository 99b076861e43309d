import { inArray } from 'drizzle-orm';
import type { Locale } from '../../../../core/i18n/locale.ts';
import type { SubjectFieldView } from '../../../../core/approvals/approvals.schema.ts';
import type { Db } from '../../../db/client.ts';
import { users } from '../../../db/schema.ts';
import { getApprovalProcess } from '../../../approvals/processes.ts';
import { getApprovalSubject, type ApprovalSubjectType } from '../../../approvals/subjects.ts';

/** What the approval read models share: timestamps, labels of processes, subjects and users. */

export const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();
export const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

/** A process's label in the reader's language (the code when the process is no longer registered). */
export function processLabel(code: string, locale: Locale): string {
  const p = getApprovalProcess(code);
  if (!p) return code;
  return locale === 'en' ? p.labelEn : p.labelZh;
}

/** A subject type's label in the reader's language. */
export function subjectLabel(type: string, locale: Locale): string {
  const s = getApprovalSubject(type);
  if (!s) return type;
  return locale === 'en' ? s.labelEn : s.labelZh;
}

/** A subject type's snapshot fields in the reader's language. */
export function subjectFields(subject: ApprovalSubjectType | undefined, locale: Locale): SubjectFieldView[] {
  return (subject?.fields ?? []).map((f) => ({
    key: f.key,
    label: locale === 'en' ? f.labelEn : f.labelZh,
    type: f.type,
    ...(f.options ? { options: f.options.map((o) => ({ value: o.value, label: locale === 'en' ? o.labelEn : o.labelZh })) } : {}),
  }));
}

/** Display names of users by id (unknown ids are left out). */
export async function namesOf(db: Db, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const list = [...new Set([...ids].filter((x): x is string => Boolean(x)))];
  if (list.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}
