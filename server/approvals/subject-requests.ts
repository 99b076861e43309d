import { and, desc, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/client.ts';
import { approvalRequests, approvalSteps } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { noticeParams, recordAction } from './actions.ts';
import { lockRequest, transition } from './requests.ts';
import type { RequestRow } from './rows.ts';
import { settle } from './settle.ts';
import { cancelPendingTasks } from './steps.ts';
import { APPROVAL_EVENTS, notifyApproval } from './effects.ts';
import type { ApprovalProcess } from './processes.ts';

/**
 * The approval requests of one business record, as the modules that submit them need them
 * (intake's forwarding, the activities' reception plans): the open one, the latest one, and
 * ending an open one that the record's own workflow superseded.
 */

/**
 * Ends an open (pending or returned) request because the record it reviews moved on by a
 * module's own action — e.g. information that was returned from forwarding is screened again by
 * another supervisor. It is recorded as a withdrawal by the acting user with the reason; the
 * approvers whose tasks close are told. Runs inside the module's transaction.
 */
export async function supersedeApproval(tx: Db, ctx: Ctx, requestId: string, reason: string): Promise<void> {
  const r = await lockRequest(tx, requestId);
  if (!r || (r.state !== 'pending' && r.state !== 'returned')) return;
  const cancelled = await cancelPendingTasks(tx, ctx, { requestId: r.id });
  await tx
    .update(approvalSteps)
    .set({ status: 'cancelled', decidedAt: ctx.now })
    .where(and(eq(approvalSteps.requestId, r.id), eq(approvalSteps.round, r.round), eq(approvalSteps.status, 'active')));
  const after = await transition(tx, ctx, r, 'withdraw', { currentStepId: null, decidedAt: ctx.now });
  await recordAction(tx, ctx, after, { action: 'withdraw', comment: reason, details: { superseded: true } });
  await settle(tx, ctx, after, 'withdrawn', {});
  const recipients = [...new Set(cancelled.map((t) => t.assigneeId))];
  if (recipients.length > 0) {
    await notifyApproval(tx, ctx.now, {
      event: APPROVAL_EVENTS.withdrawn,
      recipientUserIds: recipients,
      requestId: r.id,
      params: await noticeParams(tx, r),
    });
  }
  await appendAudit(tx, ctx.actor, ctx.now, {
    action: 'approval.withdraw',
    entityType: 'approval_request',
    entityId: r.id,
    changes: { state: { before: r.state, after: after.state } },
    detail: `superseded: ${reason}`,
  });
}

/** The latest open (pending / returned) request of a process (its def) for a record. */
export async function openApprovalFor(tx: Db, process: ApprovalProcess, subjectId: string): Promise<RequestRow | undefined> {
  return (
    await tx
      .select()
      .from(approvalRequests)
      .where(
        and(
          eq(approvalRequests.processCode, process.code),
          eq(approvalRequests.subjectType, process.subjectType),
          eq(approvalRequests.subjectId, subjectId),
          inArray(approvalRequests.state, ['pending', 'returned']),
        ),
      )
      .orderBy(desc(approvalRequests.submittedAt))
      .limit(1)
  )[0];
}

/** The latest request of a process for a record, whatever its state (for links on detail pages). */
export async function latestApprovalFor(
  db: Db,
  process: ApprovalProcess,
  subjectId: string,
): Promise<{ id: string; state: string } | null> {
  const row = (
    await db
      .select({ id: approvalRequests.id, state: approvalRequests.state })
      .from(approvalRequests)
      .where(
        and(
          eq(approvalRequests.processCode, process.code),
          eq(approvalRequests.subjectType, process.subjectType),
          eq(approvalRequests.subjectId, subjectId),
        ),
      )
      .orderBy(desc(approvalRequests.submittedAt))
      .limit(1)
  )[0];
  return row ?? null;
}
