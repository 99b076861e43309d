import { z } from 'zod';
import { pageOf, PageQuery, sortParam } from '../schemas/common.schema.ts';
import { ACTIVITY_STATES, ACTIVITY_TYPES, COMMUNICATION_CHANNELS } from './activity-types.ts';
import { cleanText, IsoDate, IsoInstant, SearchQ } from '../kernel/schema-fields.ts';

/**
 * Customer activities, the daily visit log and its weekly roll-up (PRODUCT.md §3.2, seeds 002
 * and 001): API shapes of /api/activities, /api/visit-logs and /api/reports/visit-rollup.
 * Money is integer fen; times ISO 8601; dates YYYY-MM-DD (Asia/Shanghai).
 */

export const ActivityTypeSchema = z.enum(ACTIVITY_TYPES);
export const ActivityStateSchema = z.enum(ACTIVITY_STATES);
export const CommunicationChannelSchema = z.enum(COMMUNICATION_CHANNELS);

const text = cleanText;
const req = (max: number) => text(max).min(1);
const opt = (max: number) => text(max).nullable().optional();
const Money = z.number().int().min(0).max(1_000_000_000_00);
const Uuid = z.string().uuid();

export const ScheduleItemSchema = z.object({
  date: IsoDate,
  time: opt(20),
  item: req(200),
  place: opt(100),
  hosts: opt(200),
});
export const BudgetItemSchema = z.object({ item: req(100), amountFen: Money });

const common = {
  projectId: Uuid.nullable().optional(),
  leadId: Uuid.nullable().optional(),
  occurredAt: IsoInstant.optional(),
  location: opt(200),
};

/** 客户巡访登记表: one quick form on a phone. */
export const VisitFields = z.object({
  ...common,
  customerId: Uuid,
  contactName: opt(64),
  subject: req(200),
  content: opt(5000),
  result: req(2000),
  nextSteps: opt(2000),
  participants: opt(500),
  /** the working day this visit counts for (default: the day of occurredAt, Asia/Shanghai) */
  logDate: IsoDate.optional(),
});

/** 重要商务谈判记录: purpose, participants, what was said, next steps. */
export const NegotiationFields = z.object({
  ...common,
  customerId: Uuid,
  subject: req(200),
  participants: req(500),
  content: req(10000),
  result: opt(2000),
  nextSteps: req(2000),
});

/** 沟通记录 (seed 001): time, channel, content, participants, result. */
export const CommunicationFields = z.object({
  ...common,
  customerId: Uuid.nullable().optional(),
  channel: CommunicationChannelSchema,
  subject: opt(200),
  content: req(5000),
  participants: req(500),
  result: req(2000),
  nextSteps: opt(2000),
});

/** 客户接待日程安排表 with the cost budget (费用预算), approved by the marketing manager. */
export const ReceptionPlanFields = z.object({
  ...common,
  customerId: Uuid,
  subject: req(200),
  visitors: req(500),
  participants: opt(500),
  startDate: IsoDate,
  endDate: IsoDate,
  schedule: z.array(ScheduleItemSchema).min(1).max(50),
  budgetFen: Money,
  budgetItems: z.array(BudgetItemSchema).max(30).optional(),
  content: opt(5000),
});

/** 接待工作总结, after the reception. */
export const ReceptionSummaryFields = z.object({
  ...common,
  planId: Uuid,
  content: req(10000),
  result: req(2000),
  nextSteps: opt(2000),
  participants: opt(500),
  actualCostFen: Money.nullable().optional(),
});

export const CreateActivityBody = z.discriminatedUnion('type', [
  VisitFields.extend({ type: z.literal('visit') }),
  NegotiationFields.extend({ type: z.literal('negotiation') }),
  CommunicationFields.extend({ type: z.literal('communication') }),
  ReceptionPlanFields.extend({
    type: z.literal('reception_plan'),
    /** submit for approval at once (default) or keep as a draft */
    submit: z.boolean().optional(),
  }),
  ReceptionSummaryFields.extend({ type: z.literal('reception_summary') }),
]);
export type CreateActivityBody = z.infer<typeof CreateActivityBody>;

/**
 * Edits keep the type; any field of the type may be sent. A reception plan can be edited only
 * as a draft or after it was returned / rejected; `submit` then sends it (again) for approval.
 */
export const UpdateActivityBody = z.object({
  version: z.number().int().min(1),
  customerId: Uuid.nullable().optional(),
  projectId: Uuid.nullable().optional(),
  occurredAt: IsoInstant.optional(),
  logDate: IsoDate.optional(),
  location: opt(200),
  contactName: opt(64),
  channel: CommunicationChannelSchema.optional(),
  subject: opt(200),
  content: opt(10000),
  participants: opt(500),
  result: opt(2000),
  nextSteps: opt(2000),
  visitors: opt(500),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  schedule: z.array(ScheduleItemSchema).min(1).max(50).optional(),
  budgetFen: Money.optional(),
  budgetItems: z.array(BudgetItemSchema).max(30).optional(),
  actualCostFen: Money.nullable().optional(),
  submit: z.boolean().optional(),
});
export type UpdateActivityBody = z.infer<typeof UpdateActivityBody>;

export const ActivityDetails = z.object({
  contactName: z.string().nullable().optional(),
  visitors: z.string().nullable().optional(),
  startDate: z.string().nullable().optional(),
  endDate: z.string().nullable().optional(),
  schedule: z.array(ScheduleItemSchema).optional(),
  budgetItems: z.array(BudgetItemSchema).optional(),
  actualCostFen: z.number().int().nullable().optional(),
});
export type ActivityDetails = z.infer<typeof ActivityDetails>;

export const ActivityView = z.object({
  id: z.string(),
  type: ActivityTypeSchema,
  state: ActivityStateSchema,
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  leadId: z.string().nullable(),
  subject: z.string(),
  content: z.string().nullable(),
  occurredAt: z.string(),
  logDate: z.string().nullable(),
  channel: z.string().nullable(),
  location: z.string().nullable(),
  participants: z.string().nullable(),
  result: z.string().nullable(),
  nextSteps: z.string().nullable(),
  budgetFen: z.number().int().nullable(),
  details: ActivityDetails,
  planId: z.string().nullable(),
  ownerUserId: z.string(),
  ownerName: z.string().nullable(),
  departmentName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ActivityView = z.infer<typeof ActivityView>;

export const ActivityDetail = ActivityView.extend({
  /** the reception plan's approval request */
  approval: z.object({ id: z.string(), state: z.string(), link: z.string() }).nullable(),
  /** for a plan: its summary, once written */
  summaryId: z.string().nullable(),
  /** for a plan: the summary deadline */
  summaryDueAt: z.string().nullable(),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), summarise: z.boolean() }),
});
export type ActivityDetail = z.infer<typeof ActivityDetail>;

export const ACTIVITY_SORT_FIELDS = ['occurredAt', 'createdAt', 'type'] as const;

/** Filters of the activity list and its export; `ownerId` may be `me`. Dates are days of occurredAt. */
export const ActivityListQuery = PageQuery.extend({
  type: ActivityTypeSchema.optional(),
  state: ActivityStateSchema.optional(),
  customerId: Uuid.optional(),
  projectId: Uuid.optional(),
  ownerId: z.union([z.literal('me'), Uuid]).optional(),
  q: SearchQ.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: sortParam(ACTIVITY_SORT_FIELDS, '-occurredAt'),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
export const ActivityExportQuery = ActivityListQuery.omit({ page: true, pageSize: true });
export type ActivityExportQuery = z.infer<typeof ActivityExportQuery>;

export const ActivityPage = pageOf(ActivityView);

// ---------- daily visit log ----------

export const VisitLogDayView = z.object({
  date: z.string(),
  working: z.boolean(),
  /** whether the day's log is due at all (a working day on or after the log started) */
  expected: z.boolean(),
  visits: z.number().int(),
  submitted: z.boolean(),
  submittedAt: z.string().nullable(),
  noVisits: z.boolean(),
  note: z.string().nullable(),
  dueAt: z.string().nullable(),
  deadlineState: z.string().nullable(),
});
export type VisitLogDayView = z.infer<typeof VisitLogDayView>;

export const VisitLogQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
export const VisitLogList = z.object({ from: z.string(), to: z.string(), days: z.array(VisitLogDayView) });
export type VisitLogList = z.infer<typeof VisitLogList>;

export const VisitLogDateParams = z.object({ date: IsoDate });

/** Submit the day's log; without visits, `noVisits` and a note (e.g. 内部培训) are required. */
export const SubmitVisitLogBody = z
  .object({ noVisits: z.boolean().optional(), note: opt(500) })
  .refine((b) => !b.noVisits || Boolean(b.note?.trim()), { message: 'a note is required', path: ['note'] });
export type SubmitVisitLogBody = z.infer<typeof SubmitVisitLogBody>;

// ---------- weekly roll-up ----------

export const VisitRollupQuery = z.object({ week: IsoDate.optional() });

const RollupDay = z.object({
  date: z.string(),
  working: z.boolean(),
  visits: z.number().int(),
  submitted: z.boolean(),
  noVisits: z.boolean(),
  missing: z.boolean(),
});

export const VisitRollupView = z.object({
  weekStart: z.string(),
  weekEnd: z.string(),
  /** null while the week is still running (computed live, not stored) */
  generatedAt: z.string().nullable(),
  days: z.array(z.object({ date: z.string(), working: z.boolean() })),
  people: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      departmentName: z.string().nullable(),
      days: z.array(RollupDay),
      totalVisits: z.number().int(),
      missingDays: z.number().int(),
    }),
  ),
  totals: z.object({ visits: z.number().int(), missingDays: z.number().int(), peopleWithMissingDays: z.number().int() }),
});
export type VisitRollupView = z.infer<typeof VisitRollupView>;
