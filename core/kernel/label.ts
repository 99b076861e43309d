/** A text in both languages of the product. */
export interface Label {
  zh: string;
  en: string;
}

/** Label in a locale. */
export function labelOf(label: Label, locale: 'zh-CN' | 'en'): string {
  return locale === 'en' ? label.en : label.zh;
}
