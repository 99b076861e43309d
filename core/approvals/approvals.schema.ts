import { z } from 'zod';
import { CONDITION_OPS, isSafeFieldPath } from './conditions.ts';
import { MAX_CHAIN_STEPS, MAX_MANAGER_LEVELS, RESUBMIT_FROM, STEP_MODES } from './chain.ts';
import { REQUEST_STATES } from './engine.ts';
import { pageOf, PageQuery, Timestamp } from '../schemas/common.schema.ts';

// ---------- chain definitions (审批流程) ----------

const ConditionValue = z.union([
  z.number(),
  z.string().max(200),
  z.boolean(),
  z.null(),
  z
    .array(z.union([z.number(), z.string().max(200)]))
    .min(1)
    .max(50),
]);

export const ConditionRuleSchema = z
  .strictObject({
    field: z.string().max(200).refine(isSafeFieldPath, 'a field name such as marginPercent'),
    op: z.enum(CONDITION_OPS),
    value: ConditionValue,
  })
  .refine((r) => (r.op === 'in') === Array.isArray(r.value), {
    message: '"in" takes a list; other operators a single value',
    path: ['value'],
  });

const Group1 = z.union([
  z.strictObject({ and: z.array(ConditionRuleSchema).min(1).max(30) }),
  z.strictObject({ or: z.array(ConditionRuleSchema).min(1).max(30) }),
]);
const Item2 = z.union([ConditionRuleSchema, Group1]);
const Group2 = z.union([z.strictObject({ and: z.array(Item2).min(1).max(30) }), z.strictObject({ or: z.array(Item2).min(1).max(30) })]);

/** A step condition: a rule, or an and/or group of rules and groups (two levels of grouping). */
export const ConditionSchema = z.union([ConditionRuleSchema, Group2]);

export const ApproverSpecSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('role'), roleCode: z.string().trim().min(1).max(64) }),
  z.strictObject({ type: z.literal('user'), userId: z.string().uuid() }),
  z.strictObject({ type: z.literal('manager') }),
  z.strictObject({ type: z.literal('department_head') }),
  z.strictObject({ type: z.literal('manager_levels'), levels: z.number().int().min(1).max(MAX_MANAGER_LEVELS) }),
]);

export const DEADLINE_POLICY_RE = /^[A-Za-z0-9_.-]{1,64}$/;

export const StepDefinitionSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  approver: ApproverSpecSchema,
  mode: z.enum(STEP_MODES as ['any', 'all']),
  condition: ConditionSchema.nullable().default(null),
  deadlinePolicy: z.string().trim().regex(DEADLINE_POLICY_RE).nullable().default(null),
});

export const ChainDefinitionSchema = z.strictObject({
  resubmitFrom: z.enum(RESUBMIT_FROM as ['first', 'returning_step']),
  steps: z.array(StepDefinitionSchema).min(1).max(MAX_CHAIN_STEPS),
});
export type ChainDefinitionInput = z.input<typeof ChainDefinitionSchema>;

// ---------- process registry and chain editor ----------

export const SUBJECT_FIELD_TYPES = ['text', 'number', 'money', 'percent', 'date', 'datetime', 'boolean', 'enum'] as const;
export const SubjectFieldView = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(SUBJECT_FIELD_TYPES),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
export type SubjectFieldView = z.infer<typeof SubjectFieldView>;

export const ApprovalProcessView = z.object({
  code: z.string(),
  label: z.string(),
  subjectType: z.string(),
  subjectLabel: z.string(),
  /** latest saved version; null while the module's default chain was never saved or used */
  currentVersion: z.number().int().nullable(),
  stepCount: z.number().int(),
  updatedAt: Timestamp.nullable(),
  updatedByName: z.string().nullable(),
  /** requests still pending or returned */
  openRequests: z.number().int(),
});

export const RoleOption = z.object({ code: z.string(), name: z.string() });

export const ApprovalProcessList = z.object({
  processes: z.array(ApprovalProcessView),
});

export const ChainVersionSummary = z.object({
  version: z.number().int(),
  note: z.string().nullable(),
  createdAt: Timestamp,
  createdByName: z.string().nullable(),
  stepCount: z.number().int(),
  requestCount: z.number().int(),
});

export const ChainVersionView = z.object({
  /** 0 = the module's default chain, not saved yet */
  version: z.number().int(),
  definition: ChainDefinitionSchema,
  note: z.string().nullable(),
  createdAt: Timestamp.nullable(),
  createdByName: z.string().nullable(),
});

export const ApprovalProcessDetail = z.object({
  process: ApprovalProcessView,
  fields: z.array(SubjectFieldView),
  chain: ChainVersionView,
  versions: z.array(ChainVersionSummary),
  roles: z.array(RoleOption),
  /** deadline policies a step may use (时限策略) */
  deadlinePolicies: z.array(z.object({ code: z.string(), name: z.string() })),
  /** names of users the chain names (approver type "user") */
  userNames: z.record(z.string(), z.string()),
});

export const SaveChainBody = z.object({
  /** the version the editor started from (0 when starting from the default chain) */
  baseVersion: z.number().int().min(0),
  definition: ChainDefinitionSchema,
  note: z.string().trim().max(200).nullable().optional(),
});

// ---------- requests ----------

export const RequestStateSchema = z.enum(REQUEST_STATES as ['pending', 'approved', 'rejected', 'returned', 'withdrawn']);
export const APPROVAL_BOXES = ['waiting', 'mine', 'done'] as const;

export const ApprovalListQuery = PageQuery.extend({
  box: z.enum(APPROVAL_BOXES).default('waiting'),
  state: RequestStateSchema.optional(),
});

export const ApprovalListItem = z.object({
  id: z.string(),
  processCode: z.string(),
  processLabel: z.string(),
  title: z.string(),
  requesterName: z.string(),
  state: RequestStateSchema,
  currentStepName: z.string().nullable(),
  round: z.number().int(),
  submittedAt: Timestamp,
  updatedAt: Timestamp,
  decidedAt: Timestamp.nullable(),
  /** waiting box: when the task reached me; done box: when I acted */
  myAt: Timestamp.nullable(),
  /** waiting box: the approver I act for (delegation) */
  onBehalfOfName: z.string().nullable(),
});
export const ApprovalPage = pageOf(ApprovalListItem);

export const ApprovalCounts = z.object({
  /** tasks waiting for my decision */
  waiting: z.number().int(),
  /** my requests returned to me for revision */
  returned: z.number().int(),
});

export const AttachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedByName: z.string().nullable(),
  createdAt: Timestamp,
});

export const TaskView = z.object({
  id: z.string(),
  assigneeId: z.string(),
  assigneeName: z.string(),
  onBehalfOfId: z.string().nullable(),
  onBehalfOfName: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'rejected', 'returned', 'cancelled']),
  actedByName: z.string().nullable(),
  actedAt: Timestamp.nullable(),
  comment: z.string().nullable(),
  addedByName: z.string().nullable(),
  createdAt: Timestamp,
});

export const StepView = z.object({
  id: z.string(),
  seq: z.number().int(),
  name: z.string(),
  mode: z.enum(STEP_MODES as ['any', 'all']),
  status: z.enum(['waiting', 'active', 'approved', 'rejected', 'returned', 'skipped', 'cancelled']),
  skipReason: z.enum(['condition', 'approved_earlier', 'requester_only']).nullable(),
  adHoc: z.boolean(),
  approver: ApproverSpecSchema.nullable(),
  /** role name or user name for role / user approvers */
  approverTarget: z.string().nullable(),
  activatedAt: Timestamp.nullable(),
  decidedAt: Timestamp.nullable(),
  tasks: z.array(TaskView),
});

export const RoundView = z.object({
  round: z.number().int(),
  subjectVersion: z.number().int(),
  submittedAt: Timestamp,
  steps: z.array(StepView),
});

export const ActionView = z.object({
  id: z.number().int(),
  round: z.number().int(),
  action: z.string(),
  actorName: z.string().nullable(),
  onBehalfOfName: z.string().nullable(),
  stepName: z.string().nullable(),
  comment: z.string().nullable(),
  subjectVersion: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  at: Timestamp,
  attachments: z.array(AttachmentView),
});

export const FieldChangeView = z.object({
  path: z.string(),
  label: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.unknown(),
  after: z.unknown(),
});

export const ApprovalDetail = z.object({
  id: z.string(),
  processCode: z.string(),
  processLabel: z.string(),
  subjectType: z.string(),
  subjectLabel: z.string(),
  subjectId: z.string(),
  subjectVersion: z.number().int(),
  subjectLink: z.string().nullable(),
  title: z.string(),
  state: RequestStateSchema,
  round: z.number().int(),
  chainVersion: z.number().int(),
  resubmitFrom: z.enum(RESUBMIT_FROM as ['first', 'returning_step']),
  requester: z.object({ id: z.string(), name: z.string(), departmentName: z.string().nullable() }),
  submittedAt: Timestamp,
  decidedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  fields: z.array(SubjectFieldView),
  snapshot: z.record(z.string(), z.unknown()),
  current: z.object({
    /** false when the subject no longer exists */
    available: z.boolean(),
    version: z.number().int().nullable(),
    changes: z.array(FieldChangeView),
  }),
  rounds: z.array(RoundView),
  actions: z.array(ActionView),
  can: z.object({
    approve: z.boolean(),
    reject: z.boolean(),
    return: z.boolean(),
    addApprover: z.boolean(),
    withdraw: z.boolean(),
    resubmit: z.boolean(),
  }),
});

const Comment = z.string().trim().max(2000);
const AttachmentIds = z.array(z.string().uuid()).max(10).optional();

export const ApproveBody = z.object({
  /** the subject version the approver reviewed (the request's snapshot version) */
  subjectVersion: z.number().int().min(1),
  comment: Comment.optional(),
  attachmentIds: AttachmentIds,
});
export const DecisionBody = z.object({
  comment: Comment.min(1),
  attachmentIds: AttachmentIds,
});
export const OptionalCommentBody = z.object({
  comment: Comment.optional(),
  attachmentIds: AttachmentIds,
});
export const AddApproverBody = z.object({
  userId: z.string().uuid(),
  /** `current`: another approver of this step; `after`: a new step right after this one */
  position: z.enum(['current', 'after']),
  comment: Comment.optional(),
  attachmentIds: AttachmentIds,
});

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const UploadAttachmentBody = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});

// ---------- delegation (代理) ----------

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const DelegationView = z.object({
  id: z.string(),
  delegateId: z.string(),
  delegateName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string().nullable(),
  status: z.enum(['scheduled', 'active', 'ended', 'cancelled']),
  createdAt: Timestamp,
});
export const CreateDelegationBody = z
  .object({
    delegateId: z.string().uuid(),
    startsOn: IsoDate,
    endsOn: IsoDate,
    note: z.string().trim().max(200).nullable().optional(),
  })
  .refine((b) => b.startsOn <= b.endsOn, { message: 'the end date is before the start date', path: ['endsOn'] });

export const UserOptionQuery = z.object({ q: z.string().trim().max(64).optional() });
export const UserOption = z.object({
  id: z.string(),
  displayName: z.string(),
  username: z.string(),
  departmentName: z.string().nullable(),
});
