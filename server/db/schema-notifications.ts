import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** In-app inbox (站内通知): one row per recipient, written in the transaction of the event. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    eventType: text('event_type').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    major: boolean('major').notNull().default(false),
    /** the recipient is copied by the "major events" rule, not addressed directly */
    cc: boolean('cc').notNull().default(false),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    index('notifications_user_unread_idx')
      .on(t.userId)
      .where(sql`read_at IS NULL`),
  ],
);

/**
 * Outbox of external deliveries (e-mail, WeCom, DingTalk), written with the event; a
 * `notification.deliver` job sends each row. Status: pending → sent | skipped | dead.
 * E-mail rows have a recipient; group-robot rows name the mentioned users in `mentions`.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').notNull(),
    eventType: text('event_type').notNull(),
    userId: uuid('user_id').references(() => users.id),
    mentions: jsonb('mentions')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    locale: text('locale').notNull().default('zh-CN'),
    major: boolean('major').notNull().default(false),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('notification_outbox_status_idx').on(t.status, t.createdAt)],
);

/** A user's choice for one event type and channel; absent = the event type's default. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    eventType: text('event_type').notNull(),
    channel: text('channel').notNull(),
    enabled: boolean('enabled').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.eventType, t.channel] })],
);

/** Per-user notification options that are not per event type (daily digest). */
export const notificationUserSettings = pgTable('notification_user_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  dailyDigest: boolean('daily_digest').notNull().default(false),
  /** Asia/Shanghai date (YYYY-MM-DD) of the last digest sent, so a day is never sent twice */
  lastDigestDate: text('last_digest_date'),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull(),
});
