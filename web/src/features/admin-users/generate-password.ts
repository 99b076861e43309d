const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '!@#$%^&*-_=+?';

function pick(chars: string, n: number): string[] {
  const buf = new Uint32Array(n);
  crypto.getRandomValues(buf);
  return Array.from(buf, (x) => chars[x % chars.length] ?? 'x');
}

/**
 * A random password with all four character classes (so it passes the 等保 rule too),
 * avoiding look-alike characters, for an administrator to hand over.
 */
export function generatePassword(length = 12): string {
  const n = Math.max(length, 8);
  const chars = [...pick(LOWER, 1), ...pick(UPPER, 1), ...pick(DIGITS, 1), ...pick(SYMBOLS, 1), ...pick(LOWER + UPPER + DIGITS, n - 4)];
  const order = new Uint32Array(chars.length);
  crypto.getRandomValues(order);
  return chars
    .map((c, i) => ({ c, k: order[i] ?? 0 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.c)
    .join('');
}
