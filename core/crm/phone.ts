/**
 * Phone numbers of contacts: digits for search, and the masked form (138****1234) shown to roles
 * without `contact.phone`, on every path (detail, list, search, export).
 */

/** Only the digits of a phone number ('+86 138-0013-8000' → '8613800138000'). */
export function phoneDigits(phone: string | null | undefined): string {
  return (phone ?? '').normalize('NFKC').replace(/\D/g, '');
}

/**
 * Masks the middle of a phone number, keeping its layout: a mainland mobile keeps the first three
 * and last four digits (138****1234); other numbers keep the area prefix and the last four digits.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined || phone === '') return phone === '' ? '' : null;
  const s = phone.normalize('NFKC').trim();
  const digits = phoneDigits(s);
  if (digits.length < 5) return '****';
  const keepTail = 4;
  const keepHead = digits.length === 13 && digits.startsWith('86') ? 5 : digits.length >= 8 ? 3 : 1;
  const maskFrom = keepHead;
  const maskTo = digits.length - keepTail;
  let seen = 0;
  let out = '';
  for (const ch of s) {
    if (/\d/.test(ch)) {
      out += seen >= maskFrom && seen < maskTo ? '*' : ch;
      seen++;
    } else out += ch;
  }
  return out;
}

/**
 * What is wrong with a phone number, in the user's language, or null: a phone needs at least 5
 * digits and only phone characters (digits, spaces, + - ( ), 转 / ext).
 */
export function phoneProblem(raw: string, locale: 'zh-CN' | 'en'): string | null {
  const ok = /^[\d\s+\-()（）转#,，/.a-z]*$/i.test(raw.normalize('NFKC')) && phoneDigits(raw).length >= 5;
  if (ok) return null;
  return locale === 'en'
    ? 'not a phone number (digits, + - ( ), at least 5 digits)'
    : '电话号码格式不正确（数字及 + - ( )，至少 5 位数字）';
}
