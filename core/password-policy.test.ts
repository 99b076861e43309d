import { describe, expect, it } from 'vitest';
import { characterClasses, checkPassword, isPasswordExpired } from './password-policy.ts';

const base = { minLength: 8, complianceMode: false, maxAgeDays: 90 };
const mlps = { ...base, complianceMode: true };

describe('password policy', () => {
  it('base policy only demands 8 characters (counted as characters, not bytes)', () => {
    expect(checkPassword('1234567', base)).toEqual(['too_short']);
    expect(checkPassword('12345678', base)).toEqual([]);
    expect(checkPassword('密码密码密码密码', base)).toEqual([]);
  });
  it('等保 mode needs 3 of 4 classes and no user name inside', () => {
    expect(characterClasses('abcDEF12')).toBe(3);
    expect(checkPassword('abcdefgh1', mlps)).toEqual(['too_few_classes']);
    expect(checkPassword('Abcdefgh1', mlps)).toEqual([]);
    expect(checkPassword('Zhangwei#2026', mlps, 'zhangwei')).toEqual(['contains_username']);
  });
  it('expiry applies only in 等保 mode', () => {
    const changed = new Date('2026-01-01T00:00:00Z');
    const later = new Date('2026-04-02T00:00:00Z');
    expect(isPasswordExpired(changed, later, base)).toBe(false);
    expect(isPasswordExpired(changed, later, mlps)).toBe(true);
    expect(isPasswordExpired(changed, new Date('2026-03-01T00:00:00Z'), mlps)).toBe(false);
  });
});
