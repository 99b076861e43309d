import type { Locale } from '../../core/i18n/locale.ts';
import { formatMessage, type CatalogueTexts, type MessageRef } from '../../core/kernel/messages.ts';

/**
 * The modules' message catalogues (core/kernel/messages.ts), by module name, so that a stored
 * `<module>.<key>` (a timeline title…) is rendered in whoever reads it later. `installModules`
 * registers each module's `messages`; nothing registers itself on import.
 */
const catalogues = new Map<string, CatalogueTexts>();

export function registerMessages(moduleName: string, catalogue: CatalogueTexts): void {
  if (catalogue.namespace !== moduleName) {
    throw new Error(`module "${moduleName}" carries the message catalogue of "${catalogue.namespace}"`);
  }
  const known = catalogues.get(moduleName);
  if (known && known !== catalogue) throw new Error(`message catalogue "${moduleName}" registered twice`);
  catalogues.set(moduleName, catalogue);
}

/**
 * A stored message in a locale, or null when its module or key is unknown (a renamed key, a
 * module no longer installed): the caller falls back to the text stored with the row.
 */
export function renderMessage(ref: { key: string; params?: unknown }, locale: Locale): string | null {
  const dot = ref.key.indexOf('.');
  if (dot <= 0) return null;
  const catalogue = catalogues.get(ref.key.slice(0, dot));
  if (!catalogue) return null;
  const key = ref.key.slice(dot + 1);
  const table = catalogue.tables[locale];
  const template = Object.hasOwn(table, key) ? table[key] : undefined;
  if (template === undefined) return null;
  const params =
    typeof ref.params === 'object' && ref.params !== null && !Array.isArray(ref.params) ? (ref.params as MessageRef['params']) : {};
  return formatMessage(template, params, locale);
}
