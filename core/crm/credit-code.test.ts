import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeMessage, creditCodeProblem, isValidCreditCode, normalizeCreditCode } from './credit-code.ts';
import { provinceOfCreditCode } from './options.ts';

/** Builds a well-formed code from 17 characters with our own check character. */
const complete = (first17: string) => `${first17}${creditCodeCheckChar(first17) ?? '?'}`;

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published codes of real companies', () => {
    // 华为技术有限公司, 深圳市腾讯计算机系统有限公司, 北京百度网讯科技有限公司, and the standard's own example
    for (const c of ['914403001922038216', '9144030071526726XG', '91110000802100433B', '91350100M000100Y43']) {
      expect(isValidCreditCode(c), c).toBe(true);
    }
  });

  it('computes the check character with weights 3^(i-1) mod 31 (31 → 0)', () => {
    expect(creditCodeCheckChar('91440300192203821')).toBe('6');
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
    const made = ['91330106MA2H0K1T0', '12100000400012345', '52110000500000001', '92440300L12345678', '31310000MD0123456'].map(complete);
    for (const c of made) expect(isValidCreditCode(c), c).toBe(true);
    // every check value 0..30 maps to an allowed character; find a prefix whose sum gives check 0
    let zero: string | null = null;
    for (let i = 0; i < 31 && !zero; i++) {
      const prefix = `9133010600000000${'0123456789ABCDEFGHJKLMNPQRTUWXY'.charAt(i)}`;
      if (creditCodeCheckChar(prefix) === '0') zero = prefix;
    }
    expect(zero).not.toBeNull();
  });

  it('refuses wrong check characters, lengths, letters and divisions', () => {
    expect(creditCodeProblem('914403001922038217')).toBe('check_digit');
    expect(creditCodeProblem('9144030071526726XH')).toBe('check_digit');
    expect(creditCodeProblem('91110000802100433')).toBe('length');
    expect(creditCodeProblem('9111000080210043311')).toBe('length');
    expect(creditCodeProblem('91110000802I00433B')).toBe('charset');
    expect(creditCodeProblem('91110000802O00433B')).toBe('charset');
    expect(creditCodeProblem('9111A000802100433B')).toBe('division');
    // a single swapped pair of characters is caught
    expect(isValidCreditCode('914403009122038216')).toBe(false);
  });

  it('normalizes full-width characters, lower case and spaces before checking', () => {
    expect(normalizeCreditCode(' ９１４４０３００７１５２６７２６ｘｇ ')).toBe('9144030071526726XG');
    expect(isValidCreditCode('9144 0300 7152 6726 xg')).toBe(true);
  });

  it('explains problems in both languages and reads the province', () => {
    expect(creditCodeMessage('check_digit', 'zh-CN')).toBe('统一社会信用代码校验位不正确，请核对');
    expect(creditCodeMessage('length', 'en')).toBe('the unified social credit code has 18 characters');
    expect(provinceOfCreditCode('914403001922038216')).toBe('guangdong');
    expect(provinceOfCreditCode('91110000802100433B')).toBe('beijing');
  });
});
