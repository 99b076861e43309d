import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ReminderSpec } from '../../core/deadlines/deadline-rules.ts';
import { departments, users } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Deadline policies (时限规则): how long a kind of timed step may take. Seeded by the module
 * that owns the step (`ensureDeadlinePolicy`), edited by an administrator afterwards; once
 * edited (`edited_at`), the seed no longer touches it. Deadlines copy the terms when they start.
 */
export const deadlinePolicies = pgTable('deadline_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind').notNull(),
  amount: integer('amount').notNull(),
  toleranceWorkingDays: integer('tolerance_working_days').notNull().default(0),
  remindBefore: jsonb('remind_before')
    .$type<ReminderSpec[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  escalate: boolean('escalate').notNull().default(true),
  escalationIntervalWorkingDays: integer('escalation_interval_working_days').notNull().default(1),
  editedAt: ts('edited_at'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * One timed step of one record (subject type/id + step), at most one open at a time. The
 * schedule (due, breach, reminders, second escalation) is computed from the calendar when the
 * deadline starts, resumes or the calendar changes; `next_event_at` tells the sweep when to
 * look again, so rows that need nothing are never read. States: running | paused | met |
 * breached | cancelled.
 */
export const deadlines = pgTable(
  'deadlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => deadlinePolicies.id),
    policyCode: text('policy_code').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    step: text('step').notNull(),
    title: text('title'),
    link: text('link'),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    /** the owner's department when the deadline started (SLA statistics by department) */
    departmentId: uuid('department_id').references(() => departments.id),
    kind: text('kind').notNull(),
    amount: integer('amount').notNull(),
    toleranceWorkingDays: integer('tolerance_working_days').notNull(),
    remindBefore: jsonb('remind_before').$type<ReminderSpec[]>().notNull(),
    escalate: boolean('escalate').notNull(),
    escalationIntervalWorkingDays: integer('escalation_interval_working_days').notNull(),
    startedAt: ts('started_at').notNull(),
    dueAt: ts('due_at').notNull(),
    breachAt: ts('breach_at').notNull(),
    reminderAts: jsonb('reminder_ats')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    escalation2At: ts('escalation2_at'),
    nextEventAt: ts('next_event_at'),
    state: text('state').notNull().default('running'),
    pausedAt: ts('paused_at'),
    pauseReason: text('pause_reason'),
    pausedMs: bigint('paused_ms', { mode: 'number' }).notNull().default(0),
    pausedWorkingMs: bigint('paused_working_ms', { mode: 'number' }).notNull().default(0),
    breachedAt: ts('breached_at'),
    completedAt: ts('completed_at'),
    cancelledAt: ts('cancelled_at'),
    lateWorkingDays: integer('late_working_days'),
    /** computed with a year that had no calendar yet (weekends only); recomputed once entered */
    provisional: boolean('provisional').notNull().default(false),
    /** the calendar changed: the sweep recomputes the schedule */
    recompute: boolean('recompute').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('deadlines_open_subject_uq')
      .on(t.subjectType, t.subjectId, t.step)
      .where(sql`state IN ('running', 'paused', 'breached')`),
    index('deadlines_next_event_idx')
      .on(t.nextEventAt)
      .where(sql`state IN ('running', 'breached')`),
    index('deadlines_recompute_idx')
      .on(t.id)
      .where(sql`recompute`),
    index('deadlines_open_due_idx')
      .on(t.dueAt)
      .where(sql`state IN ('running', 'paused', 'breached')`),
    index('deadlines_owner_idx').on(t.ownerUserId, t.dueAt),
    index('deadlines_department_idx').on(t.departmentId, t.dueAt),
    index('deadlines_policy_due_idx').on(t.policyId, t.dueAt),
    index('deadlines_subject_idx').on(t.subjectType, t.subjectId),
  ],
);

/**
 * What the sweep fired: reminder_N, overdue, breach, escalation_1 (manager), escalation_2
 * (department head). Unique per deadline and kind, so each fires exactly once, however many
 * instances sweep and however long the downtime was.
 */
export const deadlineEvents = pgTable(
  'deadline_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deadlineId: uuid('deadline_id')
      .notNull()
      .references(() => deadlines.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    firedAt: ts('fired_at').notNull(),
    recipientUserIds: jsonb('recipient_user_ids')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
  },
  (t) => [uniqueIndex('deadline_events_kind_uq').on(t.deadlineId, t.kind)],
);
