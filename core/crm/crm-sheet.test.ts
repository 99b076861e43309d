import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from './credit-code.ts';
import { creditCodeRule, emailRule, importOptions, phoneRule } from './crm-sheet.ts';
import { PARTNER_KINDS } from './options.ts';
import { phoneProblem } from './phone.ts';

const valid = `91330106MA0000001${creditCodeCheckChar('91330106MA0000001') ?? ''}`;

describe('cell rules of the CRM sheets', () => {
  it('credit code: a wrong check character is explained in both languages', () => {
    expect(creditCodeRule(valid)).toBeNull();
    expect(creditCodeRule(valid.toLowerCase())).toBeNull();
    const wrong = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
    const p = creditCodeRule(wrong);
    expect(p?.['zh-CN']).toMatch(/校验/);
    expect(p?.en).toMatch(/check/i);
  });

  it('phone: at least 5 digits and only phone characters', () => {
    expect(phoneRule('139-1234-5678')).toBeNull();
    expect(phoneRule('0571-8888 8888 转 123')).toBeNull();
    expect(phoneRule('1234')).toEqual({
      'zh-CN': '电话号码格式不正确（数字及 + - ( )，至少 5 位数字）',
      en: 'not a phone number (digits, + - ( ), at least 5 digits)',
    });
    expect(phoneProblem('call me: 12345', 'en')).toBe('not a phone number (digits, + - ( ), at least 5 digits)');
    expect(phoneProblem('（0571）88888888', 'zh-CN')).toBeNull();
  });

  it('e-mail', () => {
    expect(emailRule('wang@example.cn')).toBeNull();
    expect(emailRule('wang@example')).toEqual({ 'zh-CN': '邮箱格式不正确', en: 'not an e-mail address' });
  });

  it('option lists become the accepted values of an enum column', () => {
    expect(importOptions(PARTNER_KINDS)).toEqual(PARTNER_KINDS.map((o) => ({ value: o.value, label: o.label })));
  });
});
