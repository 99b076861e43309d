import { z } from 'zod';
import { pageOf, PageQuery, sortParam } from '../schemas/common.schema.ts';
import {
  CONFLICT_STATES,
  IMPORTANCE_LEVELS,
  LEAD_CATEGORIES,
  LEAD_CHANNELS,
  PARTICIPATION_LEVELS,
  REPLY_METHODS,
  SCREENING_OUTCOMES,
} from './labels.ts';
import { LEAD_ACTIONS, LEAD_STATES } from './lead-states.ts';
import { MAX_PROTECTION_DAYS } from './deal-registration.ts';
import { MAX_ATTACHMENT_MB } from '../approvals/attachments.ts';
import { cleanText, IsoDate, IsoInstant, SearchQ } from '../kernel/schema-fields.ts';

/**
 * Information intake and leads (信息登记与筛选, PRODUCT.md §3.1, seed 003): API shapes of
 * /api/leads. Money is integer fen; times are ISO 8601.
 */

export const LeadStateSchema = z.enum(LEAD_STATES);
export const LeadChannelSchema = z.enum(LEAD_CHANNELS);
export const ReplyMethodSchema = z.enum(REPLY_METHODS);
export const LeadCategorySchema = z.enum(LEAD_CATEGORIES);
export const ParticipationLevelSchema = z.enum(PARTICIPATION_LEVELS);
export const ImportanceSchema = z.enum(IMPORTANCE_LEVELS);
export const ConflictStateSchema = z.enum(CONFLICT_STATES);

const text = cleanText;
const optionalText = (max: number) => text(max).nullable().optional();
const Money = z.number().int().min(0).max(1_000_000_000_000_00);

// ---------- views ----------

export const LeadListItem = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  channel: LeadChannelSchema,
  state: LeadStateSchema,
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  contactName: z.string().nullable(),
  estimatedAmountFen: z.number().int().nullable(),
  category: z.string().nullable(),
  importance: z.string().nullable(),
  participationLevel: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  registeredById: z.string().nullable(),
  registeredByName: z.string().nullable(),
  registeredAt: z.string(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  protectedUntil: z.string().nullable(),
  conflictState: ConflictStateSchema.nullable(),
  /** due time of the open screening / evaluation deadline, if any */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type LeadListItem = z.infer<typeof LeadListItem>;

export const LeadAttachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type LeadAttachmentView = z.infer<typeof LeadAttachmentView>;

export const LeadDeadlineView = z.object({
  id: z.string(),
  step: z.string(),
  policyCode: z.string(),
  state: z.string(),
  ownerName: z.string().nullable(),
  startedAt: z.string(),
  dueAt: z.string(),
  completedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
});
export type LeadDeadlineView = z.infer<typeof LeadDeadlineView>;

export const LeadTimelineEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  actorName: z.string().nullable(),
});
export type LeadTimelineEntry = z.infer<typeof LeadTimelineEntry>;

export const LeadConflictView = z.object({ kind: z.string(), id: z.string(), label: z.string() });

export const LeadDetail = LeadListItem.extend({
  contactPhone: z.string().nullable(),
  description: z.string().nullable(),
  screening: z.object({
    outcome: z.enum(SCREENING_OUTCOMES).nullable(),
    byId: z.string().nullable(),
    byName: z.string().nullable(),
    at: z.string().nullable(),
    note: z.string().nullable(),
    replyMethod: z.string().nullable(),
    replyAt: z.string().nullable(),
    replyBy: z.string().nullable(),
    replyContent: z.string().nullable(),
    forwardUnit: z.string().nullable(),
    forwardPerson: z.string().nullable(),
  }),
  evaluation: z.string().nullable(),
  /** the latest escalation reason, for the sales director */
  escalationReason: z.string().nullable(),
  conflictWith: z.array(LeadConflictView),
  projectId: z.string().nullable(),
  attachments: z.array(LeadAttachmentView),
  /** the latest forwarding approval request (审批) */
  approval: z.object({ id: z.string(), state: z.string(), link: z.string() }).nullable(),
  deadlines: z.array(LeadDeadlineView),
  timeline: z.array(LeadTimelineEntry),
  allowedActions: z.array(z.enum(LEAD_ACTIONS)),
});
export type LeadDetail = z.infer<typeof LeadDetail>;

// ---------- list ----------

export const LEAD_SORT_FIELDS = ['registeredAt', 'code', 'title', 'state', 'estimatedAmountFen', 'updatedAt'] as const;

/**
 * `box` selects a work list: `screening` (awaiting screening, no open conflict), `evaluate`
 * (assigned to me and not yet evaluated), `escalated`, `conflicts` (partner registrations
 * waiting for the sales director). `mine=true`: registered by me or assigned to me.
 */
export const LeadListQuery = PageQuery.extend({
  box: z.enum(['screening', 'evaluate', 'escalated', 'conflicts']).optional(),
  state: LeadStateSchema.optional(),
  channel: LeadChannelSchema.optional(),
  assigneeId: z.string().uuid().optional(),
  mine: z.enum(['true', 'false']).optional(),
  partnerId: z.string().uuid().optional(),
  customerId: z.string().uuid().optional(),
  q: SearchQ.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: sortParam(LEAD_SORT_FIELDS, '-registeredAt'),
});
export type LeadListQuery = z.infer<typeof LeadListQuery>;
export const LeadExportQuery = LeadListQuery.omit({ page: true, pageSize: true });
export type LeadExportQuery = z.infer<typeof LeadExportQuery>;

export const LeadPage = pageOf(LeadListItem);

// ---------- register / edit ----------

const leadFields = {
  title: text(200).min(1),
  channel: LeadChannelSchema,
  customerId: z.string().uuid().nullable().optional(),
  customerName: optionalText(200),
  contactName: optionalText(64),
  contactPhone: optionalText(40),
  description: optionalText(5000),
  estimatedAmountFen: Money.nullable().optional(),
};

/** 信息登记表: register incoming information; a customer record or a customer name is required. */
export const RegisterLeadBody = z
  .object({
    ...leadFields,
    /** when the information arrived (default now) */
    receivedAt: IsoInstant.optional(),
    /** save although a similar record of the same customer exists (after the 409) */
    confirmDuplicate: z.boolean().optional(),
  })
  .refine((b) => Boolean(b.customerId || b.customerName?.trim()), {
    message: 'customer or customer name required',
    path: ['customerName'],
  });
export type RegisterLeadBody = z.infer<typeof RegisterLeadBody>;

export const UpdateLeadBody = z.object({
  version: z.number().int().min(1),
  title: leadFields.title.optional(),
  channel: LeadChannelSchema.optional(),
  customerId: leadFields.customerId,
  customerName: leadFields.customerName,
  contactName: leadFields.contactName,
  contactPhone: leadFields.contactPhone,
  description: leadFields.description,
  estimatedAmountFen: leadFields.estimatedAmountFen,
  category: LeadCategorySchema.nullable().optional(),
});
export type UpdateLeadBody = z.infer<typeof UpdateLeadBody>;

/** The record of a possible duplicate (answer of 409 `lead_duplicate`, in `details.duplicates`). */
export const LeadDuplicateView = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  registeredAt: z.string(),
  state: z.string(),
});

// ---------- attachments ----------

export const MAX_LEAD_ATTACHMENT_BYTES = MAX_ATTACHMENT_MB * 1024 * 1024;
export const UploadLeadAttachmentBody = z.object({
  fileName: text(200).min(1),
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil(MAX_LEAD_ATTACHMENT_BYTES / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});
export type UploadLeadAttachmentBody = z.infer<typeof UploadLeadAttachmentBody>;

// ---------- screening ----------

const Version = z.number().int().min(1);

/** 不能做 / 没用: record the reply to the customer (how, when, by whom) and close. */
export const ScreenRejectBody = z.object({
  version: Version,
  outcome: z.literal('reject'),
  note: text(2000).min(1),
  replyMethod: ReplyMethodSchema,
  replyAt: IsoInstant,
  replyBy: text(64).min(1),
  replyContent: text(2000).min(1),
});

/** 属其他事业部: forward after the sales director's approval, naming the receiving unit and person. */
export const ScreenForwardBody = z.object({
  version: Version,
  outcome: z.literal('forward'),
  forwardUnit: text(100).min(1),
  forwardPerson: text(64).min(1),
  note: optionalText(2000),
});

/** 保留: classify and hand to an account manager for the preliminary evaluation. */
export const ScreenKeepBody = z.object({
  version: Version,
  outcome: z.literal('keep'),
  category: LeadCategorySchema,
  assigneeId: z.string().uuid(),
  importance: ImportanceSchema.nullable().optional(),
  note: optionalText(2000),
});

export const ScreenLeadBody = z.discriminatedUnion('outcome', [ScreenRejectBody, ScreenForwardBody, ScreenKeepBody]);
export type ScreenLeadBody = z.infer<typeof ScreenLeadBody>;

// ---------- evaluation ----------

/** The account manager's preliminary evaluation (初步评估); `complete` finishes it. */
export const EvaluateLeadBody = z.object({
  version: Version,
  evaluation: text(5000).min(1),
  complete: z.boolean(),
  participationLevel: ParticipationLevelSchema.nullable().optional(),
  importance: ImportanceSchema.nullable().optional(),
});
export type EvaluateLeadBody = z.infer<typeof EvaluateLeadBody>;

/** Unclear case: escalate to the sales director (报销售部长评估). */
export const EscalateLeadBody = z.object({ version: Version, reason: text(2000).min(1) });
export type EscalateLeadBody = z.infer<typeof EscalateLeadBody>;

/** The sales director sets participation level and importance (确定项目参与程度或重要程度). */
export const DecideLeadBody = z.object({
  version: Version,
  participationLevel: ParticipationLevelSchema,
  importance: ImportanceSchema,
  note: optionalText(2000),
});
export type DecideLeadBody = z.infer<typeof DecideLeadBody>;

// ---------- partner deal registration ----------

/** 代理商报备: a partner's lead, registered on its behalf. */
export const PartnerRegistrationBody = z.object({
  partnerId: z.string().uuid(),
  title: leadFields.title,
  customerId: z.string().uuid().nullable().optional(),
  customerName: text(200).min(1),
  creditCode: optionalText(30),
  contactName: leadFields.contactName,
  contactPhone: leadFields.contactPhone,
  description: leadFields.description,
  estimatedAmountFen: leadFields.estimatedAmountFen,
});
export type PartnerRegistrationBody = z.infer<typeof PartnerRegistrationBody>;

export const ResolveConflictBody = z
  .object({ version: Version, decision: z.enum(['accept', 'reject']), note: optionalText(2000) })
  .refine((b) => b.decision === 'accept' || Boolean(b.note?.trim()), { message: 'a reason is required', path: ['note'] });
export type ResolveConflictBody = z.infer<typeof ResolveConflictBody>;

// ---------- settings and pickers ----------

export const IntakeSettingsView = z.object({
  partnerProtectionDays: z.number().int(),
  duplicateWindowDays: z.number().int(),
  version: z.number().int(),
});
export type IntakeSettingsView = z.infer<typeof IntakeSettingsView>;

export const UpdateIntakeSettingsBody = z.object({
  version: z.number().int().min(0),
  partnerProtectionDays: z.number().int().min(1).max(MAX_PROTECTION_DAYS),
  duplicateWindowDays: z.number().int().min(1).max(365),
});
export type UpdateIntakeSettingsBody = z.infer<typeof UpdateIntakeSettingsBody>;

/** Someone a lead can be assigned to (holds lead.evaluate). */
export const AssigneeOption = z.object({ id: z.string(), displayName: z.string(), departmentName: z.string().nullable() });
export type AssigneeOption = z.infer<typeof AssigneeOption>;
export const AssigneeQuery = z.object({ q: SearchQ.optional() });
