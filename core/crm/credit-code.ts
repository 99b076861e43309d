/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31-symbol
 * set 0-9 A-H J-N P-R T U W-Y (no I, O, Z, S, V) —
 *   1     registration authority (登记管理部门代码)
 *   2     organisation category (机构类别代码)
 *   3–8   administrative division (登记管理机关行政区划码, GB/T 2260, digits)
 *   9–17  organisation code (主体标识码, GB 11714)
 *   18    check character: C18 = 31 − (Σ Ci·Wi mod 31), with Wi = 3^(i−1) mod 31; 31 becomes 0.
 */

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem = 'length' | 'charset' | 'division' | 'check_digit';

/** Upper-cases, turns full-width characters into half-width and removes spaces and dashes. */
export function normalizeCreditCode(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-_]/g, '')
    .toUpperCase();
}

/** The check character for the first 17 characters, or null when one of them is not allowed. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET.charAt(c === 31 ? 0 : c);
}

/** Why a (normalized) code is not a valid unified social credit code, or null when it is. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!CREDIT_CODE_CHARSET.includes(ch)) return 'charset';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'division';
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17) ? null : 'check_digit';
}

/** True when the code has 18 allowed characters and the right GB 32100 check character. */
export function isValidCreditCode(input: string): boolean {
  return creditCodeProblem(normalizeCreditCode(input)) === null;
}

/** The localized explanation of a credit-code problem (used by the API, the import and the form). */
export function creditCodeMessage(problem: CreditCodeProblem, locale: 'zh-CN' | 'en'): string {
  const en = locale === 'en';
  switch (problem) {
    case 'length':
      return en ? 'the unified social credit code has 18 characters' : '统一社会信用代码应为 18 位';
    case 'charset':
      return en
        ? 'the unified social credit code may contain only digits and capital letters other than I, O, Z, S, V'
        : '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）';
    case 'division':
      return en
        ? 'characters 3–8 of the unified social credit code are the administrative division code (digits)'
        : '统一社会信用代码第 3–8 位应为行政区划代码（数字）';
    case 'check_digit':
      return en
        ? 'the check character of the unified social credit code is wrong; please check the code'
        : '统一社会信用代码校验位不正确，请核对';
  }
}

/** The 2-digit province code (GB/T 2260) inside a valid code, e.g. '44' for 广东. */
export function creditCodeProvinceCode(code: string): string {
  return code.slice(2, 4);
}
