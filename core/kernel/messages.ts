import type { Locale } from '../i18n/locale.ts';
import type { L10n } from '../imports/l10n.ts';
import type { Label } from './label.ts';

/**
 * Server-generated text (timeline titles, report and export titles, later the notification
 * templates) lives in one catalogue per module, `server/modules/<module>/<module>.messages.ts`:
 *
 * ```ts
 * export const casesMessages = defineMessages('cases', {
 *   'zh-CN': { 'timeline.received': '受理{kind}：{subject}' },
 *   en: { 'timeline.received': '{kind} received: {subject}' },
 * });
 * casesMessages.message('timeline.received', { kind: CASE_KIND_LABELS.inquiry, subject })
 * // → { key: 'cases.timeline.received', params: {...}, text: { 'zh-CN': '受理咨询：…', en: 'Inquiry received: …' } }
 * ```
 * Both languages must have exactly the same keys (a compile error otherwise); the parameters a
 * key takes are the `{name}` placeholders of its Chinese template (also checked at compile
 * time); `server/modules/messages.test.ts` checks that both languages use the same placeholders.
 * The module definition carries its catalogue (`messages`), and `installModules` registers it
 * under the module's name, so a stored key `<module>.<key>` can be rendered in any reader's
 * language later (server/kernel/messages.ts).
 */

/** A value for a `{name}` placeholder: text as is (names, subjects), or a label shown in the reader's language. */
export type MessageParam = string | number | Label;
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** The `{name}` placeholders of a template, as a union of names (`never` when it has none). */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The arguments after the key: nothing for a template without placeholders, else exactly its placeholders. */
export type ParamsArg<S extends string> = [Placeholders<S>] extends [never]
  ? [params?: Readonly<Record<string, never>>]
  : [params: Readonly<Record<Placeholders<S>, MessageParam>>];

/** What a row stores to render a text later in its reader's language: a namespaced key and its parameters. */
export interface MessageRef {
  /** `<module>.<key>`, e.g. `cases.timeline.received` */
  readonly key: string;
  readonly params: MessageParams;
}

/** A message of a catalogue with its parameters: the reference to store and its text in both languages. */
export interface Message extends MessageRef {
  readonly text: L10n;
}

export type MessageTable = Readonly<Record<string, string>>;

/** The prefixes `p` of a table that has both `p.title` and `p.body` (an event's notification template). */
export type TemplatePrefix<T> = {
  [K in keyof T & string]: K extends `${infer P}.title` ? (`${P}.body` extends keyof T ? P : never) : never;
}[keyof T & string];

/** The prefixes `p` of a table that has `p.label` (an event's label). */
export type LabelPrefix<T> = { [K in keyof T & string]: K extends `${infer P}.label` ? P : never }[keyof T & string];

type At<T, K> = K extends keyof T ? T[K] : never;

/**
 * An event's notification templates as the catalogue holds them (`<p>.title`, `<p>.body` in both
 * languages), with the literal texts as types: `defineEventType` checks their placeholders
 * against the event's `params`.
 */
export interface CatalogueTemplates<Z, E, P extends string> {
  readonly 'zh-CN': { readonly title: At<Z, `${P}.title`>; readonly body: At<Z, `${P}.body`> };
  readonly en: { readonly title: At<E, `${P}.title`>; readonly body: At<E, `${P}.body`> };
}

/** What a module definition carries and the registry renders from: a catalogue's name and texts. */
export interface CatalogueTexts {
  /** the module's name; stored keys are `<namespace>.<key>` */
  readonly namespace: string;
  readonly tables: { readonly 'zh-CN': MessageTable; readonly en: MessageTable };
}

export interface MessageCatalogue<
  T extends MessageTable = MessageTable,
  E extends MessageTable = Readonly<Record<keyof T, string>>,
> extends CatalogueTexts {
  readonly tables: { readonly 'zh-CN': T; readonly en: E };
  /**
   * The notification templates of an event (`<prefix>.title` and `<prefix>.body`), for
   * `defineEventType({ templates: catalogue.templates('event.case_assigned') })`. The event's
   * params are `string | number` values, so a text in a language has its own parameter where
   * needed (`{process}` in zh-CN, `{processEn}` in en).
   */
  templates<P extends TemplatePrefix<T> & TemplatePrefix<E>>(prefix: P): CatalogueTemplates<T, E, P>;
  /** An event's labels (`<prefix>.label`), for `defineEventType({ ...catalogue.eventLabels('event.case_assigned') })`. */
  eventLabels<P extends LabelPrefix<T>>(prefix: P): { labelZh: string; labelEn: string };
  /** the text of a key in a locale, placeholders filled */
  format<K extends keyof T & string>(key: K, locale: Locale, ...params: ParamsArg<T[K]>): string;
  /** the text of a key in both languages (the pair the .xlsx framework takes for sheet and file names) */
  l10n<K extends keyof T & string>(key: K, ...params: ParamsArg<T[K]>): L10n;
  /** the namespaced reference to store, with its text in both languages */
  message<K extends keyof T & string>(key: K, ...params: ParamsArg<T[K]>): Message;
}

function isLabel(v: unknown): v is Label {
  return typeof v === 'object' && v !== null && typeof (v as Label).zh === 'string' && typeof (v as Label).en === 'string';
}

function paramText(v: unknown, locale: Locale): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (isLabel(v)) return locale === 'en' ? v.en : v.zh;
  return null;
}

/**
 * Fills the `{name}` placeholders of a template; a label parameter is shown in `locale`. A
 * placeholder without a usable parameter stays visible as `{name}` (a missing parameter is a
 * bug to see, not a blank to miss).
 */
export function formatMessage(template: string, params: Readonly<Record<string, unknown>> | null | undefined, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const text = params && Object.hasOwn(params, name) ? paramText(params[name], locale) : null;
    return text ?? whole;
  });
}

/** The `{name}` placeholders of a template, sorted and without repeats (for the parity test). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

/**
 * Declares a module's catalogue. `en` must have exactly the keys of `zh-CN`: a missing or an
 * extra English key is a compile error.
 */
export function defineMessages<const Z extends Record<string, string>, const E extends Record<keyof Z, string>>(
  namespace: string,
  tables: { 'zh-CN': Z; en: E & Record<Exclude<keyof E, keyof Z>, never> },
): MessageCatalogue<Z, E> {
  const zh: MessageTable = tables['zh-CN'];
  const en: MessageTable = tables.en;
  const templateOf = (key: string, locale: Locale): string => {
    const table = locale === 'en' ? en : zh;
    const t = Object.hasOwn(table, key) ? table[key] : undefined;
    if (t === undefined) throw new Error(`message ${namespace}.${key} is not in the catalogue`);
    return t;
  };
  const paramsOf = (args: readonly unknown[]): MessageParams => (args[0] ?? {}) as MessageParams;
  const l10n = (key: string, params: MessageParams): L10n => ({
    'zh-CN': formatMessage(templateOf(key, 'zh-CN'), params, 'zh-CN'),
    en: formatMessage(templateOf(key, 'en'), params, 'en'),
  });
  return {
    namespace,
    tables: { 'zh-CN': tables['zh-CN'], en: tables.en },
    templates: <P extends string>(prefix: P) =>
      ({
        'zh-CN': { title: templateOf(`${prefix}.title`, 'zh-CN'), body: templateOf(`${prefix}.body`, 'zh-CN') },
        en: { title: templateOf(`${prefix}.title`, 'en'), body: templateOf(`${prefix}.body`, 'en') },
      }) as CatalogueTemplates<Z, E, P>,
    eventLabels: (prefix) => ({ labelZh: templateOf(`${prefix}.label`, 'zh-CN'), labelEn: templateOf(`${prefix}.label`, 'en') }),
    format: (key, locale, ...args) => formatMessage(templateOf(key, locale), paramsOf(args), locale),
    l10n: (key, ...args) => l10n(key, paramsOf(args)),
    message: (key, ...args) => {
      const params = paramsOf(args);
      return { key: `${namespace}.${key}`, params, text: l10n(key, params) };
    },
  };
}
