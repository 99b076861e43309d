import { creditCodeMessage, creditCodeProblem, normalizeCreditCode } from '../../../../core/crm/credit-code.ts';
import { phoneProblem } from '../../../../core/crm/phone.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import { fieldErrors } from '../../../kernel/guards.ts';

/**
 * The credit code and phone fields of the customer, partner, contact (and lead) forms, checked
 * by the use cases so the problem is explained in the user's language (400 with the field).
 */

/** Normalizes a credit code ('' → null) and refuses one with a wrong check character, in the user's language. */
export function checkedCreditCode(raw: string | null | undefined, locale: Locale, field = 'body.creditCode'): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === '') return null;
  const code = normalizeCreditCode(raw);
  const problem = creditCodeProblem(code);
  if (problem) throw fieldErrors(locale, { [field]: { zh: creditCodeMessage(problem, 'zh-CN'), en: creditCodeMessage(problem, 'en') } });
  return code;
}

/** Checks a phone field ('' → null): at least 5 digits and only phone characters. */
export function checkedPhone(raw: string | null | undefined, locale: Locale, field = 'body.phone'): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === '') return null;
  const p = phoneProblem(raw, locale);
  if (p) throw fieldErrors(locale, { [field]: { zh: p, en: p } });
  return raw.trim();
}
