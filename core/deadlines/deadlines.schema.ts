import { z } from 'zod';
import { DEADLINE_KINDS, DEADLINE_STATES, REMINDER_UNITS } from './deadline-rules.ts';
import { pageOf, PageQuery, sortParam } from '../schemas/common.schema.ts';
import { IsoDate } from '../calendar/calendar.schema.ts';

export const DeadlineKindSchema = z.enum(DEADLINE_KINDS);
export const ReminderUnitSchema = z.enum(REMINDER_UNITS);
export const DeadlineStateSchema = z.enum(DEADLINE_STATES);

export const ReminderSpecSchema = z.object({
  amount: z.number().int().min(1).max(365),
  unit: ReminderUnitSchema,
});

// ---------- policies ----------
export const DeadlinePolicyView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: DeadlineKindSchema,
  amount: z.number().int(),
  toleranceWorkingDays: z.number().int(),
  remindBefore: z.array(ReminderSpecSchema),
  escalate: z.boolean(),
  escalationIntervalWorkingDays: z.number().int(),
  /** an administrator changed it (the module's default no longer applies) */
  edited: z.boolean(),
  openCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type DeadlinePolicyView = z.infer<typeof DeadlinePolicyView>;

export const UpdateDeadlinePolicyBody = z.object({
  version: z.number().int().min(1),
  nameZh: z.string().trim().min(1).max(64).optional(),
  nameEn: z.string().trim().min(1).max(64).optional(),
  kind: DeadlineKindSchema.optional(),
  amount: z.number().int().min(0).max(2000).optional(),
  toleranceWorkingDays: z.number().int().min(0).max(60).optional(),
  remindBefore: z.array(ReminderSpecSchema).max(5).optional(),
  escalate: z.boolean().optional(),
  escalationIntervalWorkingDays: z.number().int().min(0).max(60).optional(),
});
export type UpdateDeadlinePolicyBody = z.infer<typeof UpdateDeadlinePolicyBody>;

// ---------- open deadlines ----------
export const DeadlineView = z.object({
  id: z.string(),
  policyCode: z.string(),
  policyName: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  step: z.string(),
  title: z.string().nullable(),
  link: z.string().nullable(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  state: DeadlineStateSchema,
  kind: DeadlineKindSchema,
  amount: z.number().int(),
  startedAt: z.string(),
  dueAt: z.string(),
  breachAt: z.string(),
  pausedAt: z.string().nullable(),
  pauseReason: z.string().nullable(),
  /** due time computed with a year that has no calendar yet (weekends only) */
  provisional: z.boolean(),
  overdue: z.boolean(),
});
export type DeadlineView = z.infer<typeof DeadlineView>;

export const DEADLINE_SORT_FIELDS = ['dueAt', 'startedAt', 'breachAt'] as const;

export const DeadlineListQuery = PageQuery.extend({
  filter: z.enum(['all', 'overdue', 'due_soon', 'paused']).default('all'),
  ownerUserId: z.string().uuid().optional(),
  subjectType: z.string().trim().max(64).optional(),
  policyCode: z.string().trim().max(64).optional(),
  sort: sortParam(DEADLINE_SORT_FIELDS, 'dueAt'),
});

export const DeadlinePage = pageOf(DeadlineView).extend({
  /** subject types that have open deadlines in the reader's scope (for the filter) */
  subjectTypes: z.array(z.string()),
});

// ---------- SLA statistics ----------
export const SlaQuery = z.object({
  groupBy: z.enum(['policy', 'owner', 'department', 'none']).default('policy'),
  period: z.enum(['month', 'quarter', 'none']).default('month'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  policyCode: z.string().trim().max(64).optional(),
});
export type SlaQuery = z.infer<typeof SlaQuery>;

export const SlaRow = z.object({
  /** policy code, user id or department id; null for "no department" / the total */
  key: z.string().nullable(),
  label: z.string(),
  /** `2026-03` or `2026-Q1`; null when not split by period */
  period: z.string().nullable(),
  count: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  breached: z.number().int(),
  openOverdue: z.number().int(),
  /** on time ÷ count, null when count is 0 */
  onTimeRate: z.number().nullable(),
  /** average lateness of late completions in working days, null when none */
  avgLateWorkingDays: z.number().nullable(),
});
export type SlaRow = z.infer<typeof SlaRow>;

export const SlaReport = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(SlaRow),
});
export type SlaReport = z.infer<typeof SlaReport>;
