import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { deadlinePolicies } from '../db/schema.ts';
import { cancelDeadline, completeDeadline, startDeadline, type DeadlineKey } from '../deadlines/deadlines.ts';
import { defineEventType, notify, type EventParams } from '../notifications/notify.ts';
import { approvalsMessages } from '../modules/approvals/approvals.messages.ts';

/**
 * The approval engine's side effects on the other engines, in one place: notifications
 * (server/notifications/notify.ts) and step deadlines (server/deadlines/deadlines.ts). Both
 * write inside the caller's transaction, so an action and its effects commit together.
 */

export const APPROVAL_EVENTS = {
  taskAssigned: 'approval.task_assigned',
  approved: 'approval.approved',
  rejected: 'approval.rejected',
  returned: 'approval.returned',
  withdrawn: 'approval.withdrawn',
} as const;

export type ApprovalEvent = (typeof APPROVAL_EVENTS)[keyof typeof APPROVAL_EVENTS];

/** The parameters of every approval notification (`noticeParams` in actions.ts fills them all). */
export const APPROVAL_NOTICE_PARAMS = [
  'title',
  'requester',
  'process',
  'processEn',
  'step',
  'actor',
  'comment',
  'onBehalf',
  'onBehalfEn',
] as const;
export type ApprovalNoticeParam = (typeof APPROVAL_NOTICE_PARAMS)[number];

// The event types are listed by the approvals module (server/modules/approvals/approvals.module.ts).
export const approvalTaskAssignedEvent = defineEventType({
  type: APPROVAL_EVENTS.taskAssigned,
  params: APPROVAL_NOTICE_PARAMS,
  ...approvalsMessages.eventLabels('event.approval_task_assigned'),
  templates: approvalsMessages.templates('event.approval_task_assigned'),
  defaultChannels: ['inapp', 'email'],
});
export const approvalApprovedEvent = defineEventType({
  type: APPROVAL_EVENTS.approved,
  params: APPROVAL_NOTICE_PARAMS,
  ...approvalsMessages.eventLabels('event.approval_approved'),
  templates: approvalsMessages.templates('event.approval_approved'),
  defaultChannels: ['inapp', 'email'],
});
export const approvalRejectedEvent = defineEventType({
  type: APPROVAL_EVENTS.rejected,
  params: APPROVAL_NOTICE_PARAMS,
  ...approvalsMessages.eventLabels('event.approval_rejected'),
  templates: approvalsMessages.templates('event.approval_rejected'),
  defaultChannels: ['inapp', 'email'],
});
export const approvalReturnedEvent = defineEventType({
  type: APPROVAL_EVENTS.returned,
  params: APPROVAL_NOTICE_PARAMS,
  ...approvalsMessages.eventLabels('event.approval_returned'),
  templates: approvalsMessages.templates('event.approval_returned'),
  defaultChannels: ['inapp', 'email'],
});
export const approvalWithdrawnEvent = defineEventType({
  type: APPROVAL_EVENTS.withdrawn,
  params: APPROVAL_NOTICE_PARAMS,
  ...approvalsMessages.eventLabels('event.approval_withdrawn'),
  templates: approvalsMessages.templates('event.approval_withdrawn'),
  defaultChannels: ['inapp'],
});

export const approvalEventTypes = [
  approvalTaskAssignedEvent,
  approvalApprovedEvent,
  approvalRejectedEvent,
  approvalReturnedEvent,
  approvalWithdrawnEvent,
] as const;

const EVENT_OF = {
  [APPROVAL_EVENTS.taskAssigned]: approvalTaskAssignedEvent,
  [APPROVAL_EVENTS.approved]: approvalApprovedEvent,
  [APPROVAL_EVENTS.rejected]: approvalRejectedEvent,
  [APPROVAL_EVENTS.returned]: approvalReturnedEvent,
  [APPROVAL_EVENTS.withdrawn]: approvalWithdrawnEvent,
} as const satisfies { [E in ApprovalEvent]: { type: E } };

export interface ApprovalNotice {
  event: ApprovalEvent;
  recipientUserIds: string[];
  requestId: string;
  params: EventParams<ApprovalNoticeParam>;
}

/** Notifies users about a request (in-app inbox plus their chosen channels), in the caller's transaction. */
export async function notifyApproval(tx: Db, now: Date, notice: ApprovalNotice): Promise<void> {
  if (notice.recipientUserIds.length === 0) return;
  await notify(tx, now, {
    event: EVENT_OF[notice.event],
    recipientUserIds: notice.recipientUserIds,
    params: notice.params,
    subject: { type: 'approval_request', id: notice.requestId },
    link: `/approvals/${notice.requestId}`,
  });
}

export interface TaskDeadlineInput {
  taskId: string;
  policyCode: string;
  ownerUserId: string;
  title: string;
  requestId: string;
}

/** The deadline engine's key of an approval task's deadline. */
function taskKey(taskId: string): DeadlineKey {
  return { subjectType: 'approval_task', subjectId: taskId, step: 'decide' };
}

/**
 * Starts the deadline of an approval task (the step's deadline policy, counted in working days
 * or hours by the deadline engine, with reminders and escalation). A policy that no longer
 * exists starts nothing rather than failing the approval. Returns the deadline id.
 */
export async function startTaskDeadline(tx: Db, now: Date, input: TaskDeadlineInput): Promise<string | null> {
  const policy = await tx
    .select({ id: deadlinePolicies.id })
    .from(deadlinePolicies)
    .where(eq(deadlinePolicies.code, input.policyCode))
    .limit(1);
  if (!policy[0]) return null;
  return startDeadline(tx, now, {
    ...taskKey(input.taskId),
    policyCode: input.policyCode,
    ownerUserId: input.ownerUserId,
    title: input.title,
    link: `/approvals/${input.requestId}`,
  });
}

/** Marks an approval task's deadline as met (the approver acted). */
export async function completeTaskDeadline(tx: Db, now: Date, task: { id: string; deadlineKey: string | null }): Promise<void> {
  if (task.deadlineKey) await completeDeadline(tx, now, taskKey(task.id));
}

/** Stops an approval task's deadline (the task was cancelled: 或签 decided, withdrawn, rejected). */
export async function cancelTaskDeadline(tx: Db, now: Date, task: { id: string; deadlineKey: string | null }): Promise<void> {
  if (task.deadlineKey) await cancelDeadline(tx, now, taskKey(task.id));
}
