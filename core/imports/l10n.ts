import type { Locale } from '../i18n/locale.ts';

/** A text of an import or export sheet (header, note, row error) in both languages, by locale. */
export type L10n = Record<Locale, string>;

/** Shorthand for an `L10n`. */
export function l10n(zh: string, en: string): L10n {
  return { 'zh-CN': zh, en };
}
