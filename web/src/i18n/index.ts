/**
 * UI language. Simplified Chinese is the default; English can be chosen on the login page
 * (kept in localStorage) and, once signed in, is saved on the user's profile so it follows
 * the user to any browser. Changing the language also updates `<html lang>`, dayjs, and the
 * Accept-Language header the API client sends (the server localizes its messages with it).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCN from './zh-CN.json';
import en from './en.json';
import { setApiLanguage } from '../shared/api/client.ts';
import type { Locale } from '../shared/api/types.ts';

export const LOCALE_STORAGE_KEY = 'bidflow.locale';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Names shown in the language switch, each in its own language. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

function storedLocale(): Locale {
  try {
    const v = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(v) ? v : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function applySideEffects(lng: string): void {
  const locale: Locale = isLocale(lng) ? lng : DEFAULT_LOCALE;
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  setApiLanguage(locale);
  document.title = i18n.t('app.documentTitle');
}

type Resource = Record<string, unknown>;

/**
 * Feature modules keep their strings next to their code (`features/<name>/i18n/<locale>.json`,
 * one top-level key per feature); they are merged over the shared resources here.
 */
const featureResources = import.meta.glob<Resource>('../features/*/i18n/*.json', { eager: true, import: 'default' });

function withFeatures(base: Resource, locale: Locale): Resource {
  const out: Resource = { ...base };
  for (const [path, res] of Object.entries(featureResources)) {
    if (path.endsWith(`/${locale}.json`)) Object.assign(out, res);
  }
  return out;
}

/** Starts i18next synchronously with both bundled resource sets. */
export function initI18n(): typeof i18n {
  i18n.on('languageChanged', applySideEffects);
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: withFeatures(zhCN, 'zh-CN') }, en: { translation: withFeatures(en, 'en') } },
    lng: storedLocale(),
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: LOCALES as Locale[],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applySideEffects(i18n.language);
  return i18n;
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** Switches the UI language and remembers it in this browser. */
export async function changeLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export { i18n };
