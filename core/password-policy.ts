/**
 * Password rules. The base policy is a minimum length of 8; the switchable 等保 (MLPS)
 * compliance mode also demands 3 of 4 character classes and expiry after N days.
 */
export interface PasswordPolicy {
  minLength: number;
  complianceMode: boolean;
  maxAgeDays: number;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'too_few_classes' | 'contains_username';

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, { 'zh-CN': string; en: string }> = {
  too_short: { 'zh-CN': '长度至少 {min} 位', en: 'at least {min} characters' },
  too_long: { 'zh-CN': '长度不超过 128 位', en: 'at most 128 characters' },
  too_few_classes: {
    'zh-CN': '需包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'use at least 3 of: upper case, lower case, digits, symbols',
  },
  contains_username: { 'zh-CN': '不能包含用户名', en: 'must not contain the user name' },
};

export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^a-zA-Z0-9]/.test(password)) n++;
  return n;
}

/** Every way the password breaks the policy; empty when it is acceptable. */
export function checkPassword(password: string, policy: PasswordPolicy, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < policy.minLength) problems.push('too_short');
  if (password.length > 128) problems.push('too_long');
  if (policy.complianceMode) {
    if (characterClasses(password) < 3) problems.push('too_few_classes');
    if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
      problems.push('contains_username');
    }
  }
  return problems;
}

/** In compliance mode a password older than maxAgeDays must be changed before anything else. */
export function isPasswordExpired(changedAt: Date, now: Date, policy: PasswordPolicy): boolean {
  if (!policy.complianceMode || policy.maxAgeDays <= 0) return false;
  return now.getTime() - changedAt.getTime() > policy.maxAgeDays * 86_400_000;
}
