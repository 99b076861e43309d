import { and, eq, inArray } from 'drizzle-orm';
import { interpolate, type Locale } from '../../core/i18n/locale.ts';
import type { Channel } from '../../core/notifications/notifications.schema.ts';
import type { Db } from '../db/client.ts';
import { notificationOutbox, notificationPreferences, notifications, roles, userRoles, users } from '../db/schema.ts';
import { enqueueJob } from '../jobs/runner.ts';
import { DELIVER_JOB, deliverJobKey, DIGEST_EVENT } from './deliver.ts';
import { loadEmailSettings, loadRules, loadWebhookSettings } from './settings.ts';

/**
 * Notifications: a module describes its event types once (labels, templates in both languages,
 * default channels) and calls `notify` inside the transaction of the event. `notify` writes the
 * in-app inbox rows and the outbox rows of the external channels in that same transaction;
 * `notification.deliver` jobs send the outbox later, with retries, on whichever instance polls.
 * A crash between the commit and the delivery therefore loses nothing.
 */

/** An event's title and body in both languages; `{name}` placeholders are filled from the parameters. */
export interface EventTemplates {
  'zh-CN': { title: string; body: string };
  en: { title: string; body: string };
}

/**
 * A notification event type: labels, templates, default channels. `T` is its type (e.g.
 * `'case.assigned'`), `P` the names of its template parameters; both are literal types when the
 * def is made with `defineEventType`, so `notify({ event, params })` checks the parameters.
 */
export interface EventTypeDef<T extends string = string, P extends string = string> {
  type: T;
  labelZh: string;
  labelEn: string;
  /** the parameters the raiser supplies (every `{placeholder}` of the templates is one of them) */
  params: readonly P[];
  /** `{placeholder}` names refer to the notification's params */
  templates: EventTemplates;
  defaultChannels: Channel[];
  major?: boolean;
}

type Placeholders<S> = S extends `${string}{${infer N}}${infer R}` ? N | Placeholders<R> : never;
type TemplatePlaceholders<Z extends EventTemplates> = Placeholders<
  Z['zh-CN']['title'] | Z['zh-CN']['body'] | Z['en']['title'] | Z['en']['body']
>;
type UnknownPlaceholders<Z extends EventTemplates, P extends string> = Exclude<TemplatePlaceholders<Z>, P>;
/** Refuses (at compile time) a template that uses a placeholder the def does not list in `params`. */
type TemplateCheck<Z extends EventTemplates, P extends string> = [UnknownPlaceholders<Z, P>] extends [never]
  ? unknown
  : { templates: { error: `template placeholder not listed in params: ${UnknownPlaceholders<Z, P>}` } };

/**
 * Declares an event type with literal `type` and parameter names. A template placeholder that is
 * not in `params` does not compile; neither does a notification of it that misses a parameter or
 * names an unknown one. The value goes into a module definition's `eventTypes` (registered by
 * installModules), and raisers pass it to `notify({ event, params })`.
 */
export function defineEventType<const T extends string, const P extends string, const Z extends EventTemplates>(
  def: Omit<EventTypeDef<T, P>, 'params' | 'templates'> & { params: readonly P[]; templates: Z } & TemplateCheck<Z, P>,
): EventTypeDef<T, P> {
  return def;
}

/** The parameters of a notification: exactly the names the event type lists, as text or numbers. */
export type EventParams<P extends string> = { [K in P]: string | number };

const EVENT_TYPES = new Map<string, EventTypeDef>();

/** Hands an event type to the engine (installModules does it for every module's `eventTypes`). */
export function registerEventType(def: EventTypeDef): void {
  EVENT_TYPES.set(def.type, def);
}

export function getEventType(type: string): EventTypeDef | undefined {
  return EVENT_TYPES.get(type);
}

/** Every registered event type, for the preferences screen. */
export function listEventTypes(): EventTypeDef[] {
  return [...EVENT_TYPES.values()].sort((a, b) => a.type.localeCompare(b.type));
}

export function eventLabel(type: string, locale: Locale): string {
  const def = EVENT_TYPES.get(type);
  if (!def) return type === DIGEST_EVENT ? (locale === 'en' ? 'Daily digest' : '每日摘要') : type;
  return locale === 'en' ? def.labelEn : def.labelZh;
}

export interface NotificationTarget {
  recipientUserIds: string[];
  subject?: { type: string; id: string };
  /** app path like /approvals/123 */
  link?: string;
  major?: boolean;
}

/**
 * A notification of an event type, given as its def (never as a type name in text): the
 * parameters are checked against the def's `params`.
 */
export interface NotificationRequest<P extends string = string> extends NotificationTarget {
  event: EventTypeDef<string, P>;
  /** `P` comes from `event` alone: a name the def does not list is refused, not added */
  params: EventParams<NoInfer<P>>;
}

/** Builds a checked notification of `event` (e.g. several for one `notifyMany`): exactly its parameters. */
export function notification<P extends string>(
  event: EventTypeDef<string, P>,
  params: EventParams<NoInfer<P>>,
  target: NotificationTarget,
): NotificationRequest<P> {
  return { ...target, event, params };
}

/** Title and body of an event in a language, placeholders filled. */
export function renderEvent(def: EventTypeDef, locale: Locale, params: Record<string, string | number>): { title: string; body: string } {
  const t = def.templates[locale];
  return { title: interpolate(t.title, params), body: interpolate(t.body, params) };
}

interface Recipient {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
  cc: boolean;
}

/**
 * Records a notification in the caller's transaction: inbox rows for the recipients (and, for a
 * major event, the users the CC rule names), and outbox rows for e-mail and the group robots
 * according to each recipient's preferences. Nothing is sent here.
 */
export async function notify<P extends string>(tx: Db, now: Date, req: NotificationRequest<P>): Promise<void> {
  await notifyMany(tx, now, [req]);
}

/**
 * `notify` for many events at once (e.g. one deadline sweep batch): the rules, channel settings,
 * recipients and preferences are read once, and the inbox and outbox rows are written with one
 * insert each, so the cost no longer grows by several queries per event.
 */
export async function notifyMany(tx: Db, now: Date, reqs: readonly NotificationRequest[]): Promise<void> {
  if (reqs.length === 0) return;
  const defs = reqs.map((req) => {
    const type = req.event.type;
    const def = EVENT_TYPES.get(type);
    if (!def) throw new Error(`notify: unknown event type ${type}`);
    return def;
  });
  const majorOf = (i: number): boolean => reqs[i]?.major ?? defs[i]?.major ?? false;
  const rules = await loadRules(tx);
  let ccRoleIds: string[] = [];
  if (reqs.some((_, i) => majorOf(i)) && rules.ccRoleCodes.length) {
    const byRole = await tx
      .selectDistinct({ id: userRoles.userId })
      .from(userRoles)
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .where(inArray(roles.code, rules.ccRoleCodes));
    ccRoleIds = byRole.map((r) => r.id);
  }
  const perEvent = reqs.map((req, i) => {
    const direct = [...new Set(req.recipientUserIds)];
    const cc = majorOf(i) ? [...new Set([...ccRoleIds, ...rules.ccUserIds])].filter((id) => !direct.includes(id)) : [];
    return { direct, cc };
  });
  const allIds = [...new Set(perEvent.flatMap((e) => [...e.direct, ...e.cc]))];
  if (allIds.length === 0) return;
  const found = await tx
    .select({ id: users.id, displayName: users.displayName, email: users.email, phone: users.phone, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, allIds), eq(users.active, true)));
  const byId = new Map(found.map((u) => [u.id, u]));
  if (byId.size === 0) return;
  const eventTypes = [...new Set(defs.map((d) => d.type))];
  const prefRows = await tx
    .select()
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, [...byId.keys()]), inArray(notificationPreferences.eventType, eventTypes)));
  const prefs = new Map(prefRows.map((p) => [`${p.userId}/${p.eventType}/${p.channel}`, p.enabled]));
  // One after the other: a transaction is one connection, which runs one query at a time.
  const email = await loadEmailSettings(tx);
  const wecom = await loadWebhookSettings(tx, 'wecom');
  const dingtalk = await loadWebhookSettings(tx, 'dingtalk');

  const inbox: Array<typeof notifications.$inferInsert> = [];
  const outbox: Array<typeof notificationOutbox.$inferInsert> = [];
  reqs.forEach((req, i) => {
    const def = defs[i];
    const ev = perEvent[i];
    if (!def || !ev) return;
    const major = majorOf(i);
    const wants = (userId: string, channel: Channel): boolean =>
      prefs.get(`${userId}/${def.type}/${channel}`) ?? def.defaultChannels.includes(channel);
    const recipients: Recipient[] = [];
    for (const id of [...ev.direct, ...ev.cc]) {
      const u = byId.get(id);
      if (u) recipients.push({ ...u, locale: u.locale === 'en' ? 'en' : 'zh-CN', cc: ev.cc.includes(id) });
    }
    const link = req.link ?? null;
    for (const r of recipients) {
      const { title, body } = renderEvent(def, r.locale, req.params);
      // Major events always reach the inbox: the written record the seeds ask for.
      if (major || wants(r.id, 'inapp')) {
        inbox.push({
          userId: r.id,
          eventType: def.type,
          title,
          body,
          link,
          subjectType: req.subject?.type ?? null,
          subjectId: req.subject?.id ?? null,
          major,
          cc: r.cc,
          createdAt: now,
        });
      }
      if (email.enabled && r.email && wants(r.id, 'email')) {
        outbox.push({
          channel: 'email',
          eventType: def.type,
          userId: r.id,
          title,
          body,
          link,
          locale: r.locale,
          major,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    // Group robots post once per event into the group, mentioning the recipients who want it.
    for (const [channel, cfg] of [
      ['wecom', wecom],
      ['dingtalk', dingtalk],
    ] as const) {
      if (!cfg.enabled || !cfg.webhookUrl) continue;
      const mentioned = recipients.filter((r) => wants(r.id, channel));
      if (mentioned.length === 0) continue;
      const { title, body } = renderEvent(def, 'zh-CN', req.params);
      outbox.push({
        channel,
        eventType: def.type,
        userId: null,
        mentions: mentioned.map((r) => r.id),
        title,
        body,
        link,
        locale: 'zh-CN',
        major,
        createdAt: now,
        updatedAt: now,
      });
    }
  });
  if (inbox.length > 0) await tx.insert(notifications).values(inbox);
  if (outbox.length === 0) return;
  const inserted = await tx.insert(notificationOutbox).values(outbox).returning({ id: notificationOutbox.id });
  for (const row of inserted) {
    await enqueueJob(tx, DELIVER_JOB, { outboxId: row.id }, { idempotencyKey: deliverJobKey(row.id) });
  }
}
