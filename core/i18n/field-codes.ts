import type { Locale } from './locale.ts';

/**
 * Short per-field reasons a use case may give as a code (`{ fields: { 'body.code': 'exists' } }`);
 * the error handler turns them into the user's language. Free text passes through unchanged.
 */
const FIELD_CODES: Record<string, Record<Locale, string>> = {
  exists: { 'zh-CN': '已存在', en: 'already exists' },
  'unknown role': { 'zh-CN': '角色不存在', en: 'unknown role' },
  'unknown user': { 'zh-CN': '用户不存在', en: 'unknown user' },
  'unknown department': { 'zh-CN': '部门不存在', en: 'unknown department' },
  'unknown or inactive user': { 'zh-CN': '用户不存在或已停用', en: 'unknown or inactive user' },
  'unknown or already used attachment': { 'zh-CN': '附件不存在或已被使用', en: 'unknown or already used attachment' },
};

/** The localized text of a field code, or the text itself when it is not a known code. */
export function localizeFieldCode(text: string, locale: Locale): string {
  return FIELD_CODES[text]?.[locale] ?? text;
}
