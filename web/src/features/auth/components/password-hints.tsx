import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { checkPassword, PASSWORD_PROBLEM_TEXT, type PasswordPolicy, type PasswordProblem } from '../../../../../core/password-policy.ts';
import { interpolate } from '../../../../../core/i18n/locale.ts';
import { currentLocale } from '../../../i18n/index.ts';

/** The rules that apply under a policy, in the order they are listed to the user. */
export function policyRules(policy: PasswordPolicy): PasswordProblem[] {
  return policy.complianceMode ? ['too_short', 'too_few_classes', 'contains_username'] : ['too_short'];
}

export function problemText(problem: PasswordProblem, policy: PasswordPolicy): string {
  return interpolate(PASSWORD_PROBLEM_TEXT[problem][currentLocale()], { min: policy.minLength });
}

/**
 * Form rule that runs the same `checkPassword` the server runs, so the user sees every broken
 * rule before submitting.
 */
export function passwordPolicyRule(policy: PasswordPolicy | undefined, username: () => string | undefined) {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      if (!policy || typeof value !== 'string' || value === '') return;
      const problems = checkPassword(value, policy, username());
      if (problems.length) throw new Error(problems.map((p) => problemText(p, policy)).join(currentLocale() === 'en' ? '; ' : '；'));
    },
  };
}

/** Live checklist of the password rules, ticked as the user types. */
export function PasswordHints({ policy, password, username }: { policy: PasswordPolicy; password: string; username?: string }) {
  const { t } = useTranslation();
  const problems = new Set(checkPassword(password, policy, username));
  const rules = policyRules(policy);
  if (problems.has('too_long')) rules.push('too_long');
  return (
    <div className="bf-password-hints" aria-live="polite">
      <div className="bf-password-hints-title">{t('password.rulesTitle')}</div>
      <ul>
        {rules.map((rule) => {
          const ok = password !== '' && !problems.has(rule);
          return (
            <li key={rule} className={ok ? 'bf-hint-ok' : 'bf-hint-todo'}>
              {ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}
              <span>{problemText(rule, policy)}</span>
              <span className="bf-visually-hidden">{ok ? t('password.ruleMet') : t('password.ruleNotMet')}</span>
            </li>
          );
        })}
        {policy.complianceMode && policy.maxAgeDays > 0 ? (
          <li className="bf-hint-info">{t('password.expiresAfter', { days: policy.maxAgeDays })}</li>
        ) : null}
      </ul>
    </div>
  );
}
