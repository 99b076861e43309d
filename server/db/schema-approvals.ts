import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ApproverSpec, ChainDefinition, StepMode } from '../../core/approvals/chain.ts';
import type { RequestState, SkipReason, StepStatus, TaskStatus } from '../../core/approvals/engine.ts';
import { users } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Versioned approval chains (审批流程): one row per (process, version); saving inserts a new
 * version, so a request in flight keeps the definition it started with.
 */
export const approvalChains = pgTable(
  'approval_chains',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processCode: text('process_code').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<ChainDefinition>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('approval_chains_process_version_uq').on(t.processCode, t.version)],
);

/**
 * One approval request: a subject submitted under a process, with the snapshot the approvers
 * review. `round` counts submissions (a resubmission after a return starts a new round).
 * At most one open (pending / returned) request per process and subject.
 */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processCode: text('process_code').notNull(),
    chainId: uuid('chain_id')
      .notNull()
      .references(() => approvalChains.id),
    chainVersion: integer('chain_version').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    subjectVersion: integer('subject_version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    title: text('title').notNull(),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
    requesterDepartmentId: uuid('requester_department_id'),
    state: text('state').$type<RequestState>().notNull(),
    round: integer('round').notNull().default(1),
    currentStepId: uuid('current_step_id'),
    version: integer('version').notNull().default(1),
    submittedAt: ts('submitted_at').notNull(),
    decidedAt: ts('decided_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('approval_requests_requester_idx').on(t.requesterId, t.state),
    index('approval_requests_subject_idx').on(t.subjectType, t.subjectId),
    uniqueIndex('approval_requests_open_uq')
      .on(t.processCode, t.subjectType, t.subjectId)
      .where(sql`state IN ('pending', 'returned')`),
  ],
);

/** Each submission of a request with the snapshot of that round (history of resubmissions). */
export const approvalRounds = pgTable(
  'approval_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id),
    round: integer('round').notNull(),
    subjectVersion: integer('subject_version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    restartFrom: text('restart_from'),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [uniqueIndex('approval_rounds_request_round_uq').on(t.requestId, t.round)],
);

/**
 * The steps of one round in order (`seq`). Chain steps carry their index in the chain; steps
 * added by an approver (加签, after) have none and name the chain step they were added to.
 */
export const approvalSteps = pgTable(
  'approval_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id),
    round: integer('round').notNull(),
    seq: integer('seq').notNull(),
    chainIndex: integer('chain_index'),
    anchorIndex: integer('anchor_index'),
    name: text('name').notNull(),
    mode: text('mode').$type<StepMode>().notNull(),
    approver: jsonb('approver').$type<ApproverSpec>(),
    deadlinePolicy: text('deadline_policy'),
    status: text('status').$type<StepStatus>().notNull(),
    skipReason: text('skip_reason').$type<SkipReason>(),
    addedBy: uuid('added_by').references(() => users.id),
    activatedAt: ts('activated_at'),
    decidedAt: ts('decided_at'),
  },
  (t) => [index('approval_steps_request_idx').on(t.requestId, t.round, t.seq)],
);

/** One approver's task in a step; `onBehalfOfId` is set when a delegate holds it. */
export const approvalTasks = pgTable(
  'approval_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id),
    stepId: uuid('step_id')
      .notNull()
      .references(() => approvalSteps.id),
    assigneeId: uuid('assignee_id')
      .notNull()
      .references(() => users.id),
    onBehalfOfId: uuid('on_behalf_of_id').references(() => users.id),
    status: text('status').$type<TaskStatus>().notNull(),
    addedBy: uuid('added_by').references(() => users.id),
    actedBy: uuid('acted_by').references(() => users.id),
    actedAt: ts('acted_at'),
    comment: text('comment'),
    deadlineKey: text('deadline_key'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('approval_tasks_assignee_idx').on(t.assigneeId, t.status),
    index('approval_tasks_on_behalf_idx').on(t.onBehalfOfId, t.status),
    index('approval_tasks_acted_by_idx').on(t.actedBy, t.actedAt),
    index('approval_tasks_step_idx').on(t.stepId),
    index('approval_tasks_request_idx').on(t.requestId),
  ],
);

/** The timeline of a request: every submission, decision and change, in order. */
export const approvalActions = pgTable(
  'approval_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id),
    round: integer('round').notNull(),
    stepId: uuid('step_id').references(() => approvalSteps.id),
    action: text('action').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    onBehalfOfId: uuid('on_behalf_of_id').references(() => users.id),
    comment: text('comment'),
    subjectVersion: integer('subject_version'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    at: ts('at').notNull(),
  },
  (t) => [index('approval_actions_request_idx').on(t.requestId, t.id)],
);

/** 代理: while `userId` is away (inclusive Asia/Shanghai dates), new tasks go to `delegateId`. */
export const approvalDelegations = pgTable(
  'approval_delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    delegateId: uuid('delegate_id')
      .notNull()
      .references(() => users.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    note: text('note'),
    cancelledAt: ts('cancelled_at'),
    createdAt: ts('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('approval_delegations_user_idx').on(t.userId, t.endsOn)],
);

/** File contents by SHA-256, stored once however often attached. */
export const approvalFiles = pgTable('approval_files', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
  createdAt: ts('created_at').notNull(),
});

/** An attachment uploaded to a request; linked to the action that carried it once used. */
export const approvalAttachments = pgTable(
  'approval_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id),
    actionId: bigint('action_id', { mode: 'number' }).references(() => approvalActions.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => approvalFiles.sha256),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('approval_attachments_request_idx').on(t.requestId)],
);
