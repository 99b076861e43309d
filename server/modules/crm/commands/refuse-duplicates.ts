import { AppError } from '../../../../core/errors.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import type { DuplicateMatch } from '../../../../core/crm/crm.schema.ts';

/**
 * Refuses a save that duplicates an existing record: the same credit code always (409), a very
 * similar name unless the caller confirmed (409, `details.confirmable`). The details name the
 * matches, with nothing but the owner for records the actor may not see.
 */
export function refuseDuplicates(
  matches: DuplicateMatch[],
  confirmed: boolean | undefined,
  locale: Locale,
  kind: 'customer' | 'partner',
): void {
  const en = locale === 'en';
  const byCode = matches.filter((m) => m.reason === 'credit_code');
  if (byCode.length > 0) {
    throw new AppError(
      'conflict_duplicate',
      { field: en ? 'The unified social credit code' : '该统一社会信用代码' },
      {
        duplicates: byCode,
        confirmable: false,
        fields: { 'body.creditCode': 'exists' },
      },
    );
  }
  const byName = matches.filter((m) => m.reason === 'name');
  if (byName.length > 0 && !confirmed) {
    const what =
      kind === 'customer'
        ? en
          ? 'A customer with a very similar name'
          : '名称相同或非常相似的客户'
        : en
          ? 'A partner with a very similar name'
          : '名称相同或非常相似的渠道商';
    throw new AppError('conflict_duplicate', { field: what }, { duplicates: byName, confirmable: true });
  }
}

/**
 * True when a database error is a unique-constraint violation (e.g. a credit code saved twice at
 * once): the save is then refused like a duplicate, never answered with a 500.
 */
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e, i = 0; cur && i < 4; i++) {
    if (typeof cur === 'object' && 'code' in cur && (cur as { code: unknown }).code === '23505') return true;
    cur = typeof cur === 'object' && 'cause' in cur ? (cur as { cause: unknown }).cause : null;
  }
  return false;
}
