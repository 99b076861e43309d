import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../../core/i18n/locale.ts';
import {
  CHANNELS,
  type Channel,
  type NotificationSettingsView,
  type NotificationView,
  type OutboxItemView,
  type PreferencesView,
} from '../../../../core/notifications/notifications.schema.ts';
import type { Db } from '../../../db/client.ts';
import { notificationOutbox, notificationPreferences, notifications, notificationUserSettings, users } from '../../../db/schema.ts';
import { eventLabel, listEventTypes } from '../../../notifications/notify.ts';
import { loadEmailSettings, loadRules, loadWebhookSettings, maskUrl } from '../../../notifications/settings.ts';

function view(r: typeof notifications.$inferSelect, locale: Locale): NotificationView {
  return {
    id: r.id,
    eventType: r.eventType,
    eventLabel: eventLabel(r.eventType, locale),
    title: r.title,
    body: r.body,
    link: r.link,
    major: r.major,
    cc: r.cc,
    readAt: r.readAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The number on the bell. */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The user's own inbox, newest first. */
export async function listInbox(
  db: Db,
  userId: string,
  locale: Locale,
  q: { page: number; pageSize: number; unread?: 'true' | 'false' | undefined },
) {
  const c: SQL[] = [eq(notifications.userId, userId)];
  if (q.unread === 'true') c.push(isNull(notifications.readAt));
  const w = and(...c);
  const [total] = await db.select({ n: count() }).from(notifications).where(w);
  const rows = await db
    .select()
    .from(notifications)
    .where(w)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map((r) => view(r, locale)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    unread: await unreadCount(db, userId),
  };
}

/** Every event type with the user's choice per channel (or the default), and which channels can reach them. */
export async function preferencesOf(db: Db, userId: string, locale: Locale): Promise<PreferencesView> {
  const [settingsRow] = await db.select().from(notificationUserSettings).where(eq(notificationUserSettings.userId, userId)).limit(1);
  const prefs = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const [u] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  const [email, wecom, dingtalk, rules] = await Promise.all([
    loadEmailSettings(db),
    loadWebhookSettings(db, 'wecom'),
    loadWebhookSettings(db, 'dingtalk'),
    loadRules(db),
  ]);
  const available: Record<Channel, boolean> = {
    inapp: true,
    email: email.enabled && !!u?.email,
    wecom: wecom.enabled && !!wecom.webhookUrl,
    dingtalk: dingtalk.enabled && !!dingtalk.webhookUrl,
  };
  return {
    dailyDigest: settingsRow?.dailyDigest ?? false,
    digestTime: rules.digestTime,
    version: settingsRow?.version ?? 0,
    channels: CHANNELS.map((channel) => ({ channel, available: available[channel] })),
    eventTypes: listEventTypes().map((def) => ({
      type: def.type,
      label: locale === 'en' ? def.labelEn : def.labelZh,
      major: def.major ?? false,
      defaults: [...def.defaultChannels],
      enabled: CHANNELS.filter((ch) => {
        const p = prefs.find((r) => r.eventType === def.type && r.channel === ch);
        return p ? p.enabled : def.defaultChannels.includes(ch);
      }),
    })),
  };
}

/** The channel settings for the admin screen, secrets masked. */
export async function notificationSettingsView(db: Db): Promise<NotificationSettingsView> {
  const [email, wecom, dingtalk, rules] = await Promise.all([
    loadEmailSettings(db),
    loadWebhookSettings(db, 'wecom'),
    loadWebhookSettings(db, 'dingtalk'),
    loadRules(db),
  ]);
  return {
    email: {
      enabled: email.enabled,
      host: email.host,
      port: email.port,
      secure: email.secure,
      user: email.user,
      passwordSet: email.password.length > 0,
      from: email.from,
      version: email.version,
    },
    wecom: { enabled: wecom.enabled, webhookUrlMasked: maskUrl(wecom.webhookUrl), secretSet: false, version: wecom.version },
    dingtalk: {
      enabled: dingtalk.enabled,
      webhookUrlMasked: maskUrl(dingtalk.webhookUrl),
      secretSet: dingtalk.secret.length > 0,
      version: dingtalk.version,
    },
    rules: {
      ccRoleCodes: rules.ccRoleCodes,
      ccUserIds: rules.ccUserIds,
      digestTime: rules.digestTime,
      publicUrl: rules.publicUrl,
      version: rules.version,
    },
  };
}

/** The outbox for the admin screen (dead letters first when filtered), newest first. */
export async function listOutbox(
  db: Db,
  locale: Locale,
  q: { page: number; pageSize: number; status?: OutboxItemView['status'] | undefined; channel?: OutboxItemView['channel'] | undefined },
) {
  const c: SQL[] = [];
  if (q.status) c.push(eq(notificationOutbox.status, q.status));
  if (q.channel) c.push(eq(notificationOutbox.channel, q.channel));
  const w = c.length ? and(...c) : undefined;
  const [total] = await db.select({ n: count() }).from(notificationOutbox).where(w);
  const rows = await db
    .select({ o: notificationOutbox, name: users.displayName })
    .from(notificationOutbox)
    .leftJoin(users, eq(users.id, notificationOutbox.userId))
    .where(w)
    .orderBy(desc(notificationOutbox.createdAt), desc(notificationOutbox.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const items: OutboxItemView[] = rows.map(({ o, name }) => ({
    id: o.id,
    channel: o.channel as OutboxItemView['channel'],
    eventType: o.eventType,
    eventLabel: eventLabel(o.eventType, locale),
    recipientName: name ?? (o.mentions.length ? `${locale === 'en' ? 'Group' : '群'} (${o.mentions.length})` : null),
    title: o.title,
    status: o.status as OutboxItemView['status'],
    attempts: o.attempts,
    lastError: o.lastError,
    createdAt: o.createdAt.toISOString(),
    sentAt: o.sentAt?.toISOString() ?? null,
  }));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
