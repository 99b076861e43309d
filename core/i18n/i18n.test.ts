import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-messages.ts';
import { interpolate, pickLocale } from './locale.ts';
import { localizeFieldCode } from './field-codes.ts';

describe('i18n', () => {
  it('picks Chinese by default and English when asked first', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLocale('en-GB,en;q=0.9')).toBe('en');
    expect(pickLocale('fr-FR')).toBe('zh-CN');
  });
  it('fills placeholders in both languages', () => {
    expect(errorMessage('conflict_stale', 'zh-CN', { currentVersion: 3 })).toContain('当前版本 3');
    expect(errorMessage('account_locked', 'en', { minutes: 15 })).toContain('15 minutes');
    expect(interpolate('{a}-{b}', { a: 1 })).toBe('1-{b}');
  });
});

describe('field codes', () => {
  it('turns a known field code into the user language and leaves free text alone', () => {
    expect(localizeFieldCode('exists', 'zh-CN')).toBe('已存在');
    expect(localizeFieldCode('unknown role', 'en')).toBe('unknown role');
    expect(localizeFieldCode('unknown role', 'zh-CN')).toBe('角色不存在');
    expect(localizeFieldCode('请填写名称', 'zh-CN')).toBe('请填写名称');
  });
});
