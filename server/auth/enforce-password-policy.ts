import { AppError } from '../../core/errors.ts';
import { checkPassword, PASSWORD_PROBLEM_TEXT, type PasswordPolicy } from '../../core/password-policy.ts';
import { interpolate, type Locale } from '../../core/i18n/locale.ts';

/**
 * Throws `password_policy` listing every broken rule in the user's language (a user changing
 * their own password, an administrator creating an account or resetting a password).
 */
export function assertPasswordPolicy(password: string, policy: PasswordPolicy, locale: Locale, username?: string): void {
  const problems = checkPassword(password, policy, username);
  if (problems.length) {
    const reasons = problems.map((p) => interpolate(PASSWORD_PROBLEM_TEXT[p][locale], { min: policy.minLength }));
    throw new AppError(
      'password_policy',
      { reasons: reasons.join(locale === 'en' ? '; ' : '；') },
      {
        fields: { 'body.newPassword': reasons.join(locale === 'en' ? '; ' : '；') },
        problems,
      },
    );
  }
}
