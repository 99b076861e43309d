import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { applyDelegations, resolveApprovers, type Delegation, type OrgDirectory } from '../../core/approvals/approvers.ts';
import { nextWaitingStep } from '../../core/approvals/engine.ts';
import { shanghaiDate } from '../../core/calendar/working-calendar.ts';
import type { Db } from '../db/client.ts';
import { approvalActions, approvalDelegations, approvalRequests, approvalSteps, approvalTasks, users } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { noticeParams, userName } from './actions.ts';
import { APPROVAL_EVENTS, cancelTaskDeadline, notifyApproval, startTaskDeadline } from './effects.ts';
import { loadOrgDirectory } from './org-directory.ts';
import { transition } from './requests.ts';
import type { RequestRow, StepRow, TaskRow } from './rows.ts';
import { settle } from './settle.ts';

/**
 * Running a round forward: step activation (approver resolution, delegation, deadlines,
 * notifications), task creation and cancellation, and the approval when no step is left.
 */

/**
 * Runs the round forward: activates the next waiting step (resolving its approvers now, with
 * delegation), skipping steps whose only approver is the requester; when no step is left the
 * request is approved. Returns the request as it stands afterwards.
 */
export async function advance(tx: Db, ctx: Ctx, request: RequestRow): Promise<RequestRow> {
  let r = request;
  let dir: OrgDirectory | null = null;
  for (;;) {
    const steps = await tx
      .select()
      .from(approvalSteps)
      .where(and(eq(approvalSteps.requestId, r.id), eq(approvalSteps.round, r.round)));
    const next = nextWaitingStep(steps);
    if (!next) {
      r = await transition(tx, ctx, r, 'approve_final', { decidedAt: ctx.now, currentStepId: null });
      await settle(tx, ctx, r, 'approved', {});
      return r;
    }
    dir ??= await loadOrgDirectory(tx);
    const spec = next.approver;
    if (!spec) throw new AppError('internal');
    const resolved = resolveApprovers(spec, { id: r.requesterId, departmentId: r.requesterDepartmentId }, dir);
    if (resolved.approverIds.length === 0) {
      if (!resolved.requesterWasApprover) throw new AppError('approval_no_approver', { step: next.name });
      await tx
        .update(approvalSteps)
        .set({ status: 'skipped', skipReason: 'requester_only', decidedAt: ctx.now })
        .where(eq(approvalSteps.id, next.id));
      await tx.insert(approvalActions).values({
        requestId: r.id,
        round: r.round,
        stepId: next.id,
        action: 'auto_skip',
        actorId: null,
        details: { reason: 'requester_only' },
        at: ctx.now,
      });
      continue;
    }
    await activateStep(tx, ctx, r, next, resolved.approverIds, dir);
    const [row] = await tx
      .update(approvalRequests)
      .set({ currentStepId: next.id, version: r.version + 1, updatedAt: ctx.now })
      .where(eq(approvalRequests.id, r.id))
      .returning();
    if (!row) throw new AppError('internal');
    return row;
  }
}

async function activateStep(tx: Db, ctx: Ctx, r: RequestRow, step: StepRow, approverIds: string[], dir: OrgDirectory): Promise<void> {
  await tx.update(approvalSteps).set({ status: 'active', activatedAt: ctx.now }).where(eq(approvalSteps.id, step.id));
  await createTasks(tx, ctx, r, step, approverIds, dir, null);
}

/**
 * Creates the tasks of a step for the given approvers (delegation applied), starts their
 * deadlines and notifies the assignees.
 */
export async function createTasks(
  tx: Db,
  ctx: Ctx,
  r: RequestRow,
  step: StepRow,
  approverIds: readonly string[],
  dir: OrgDirectory | null,
  addedBy: string | null,
): Promise<TaskRow[]> {
  const today = shanghaiDate(ctx.now);
  const delegations = await loadDelegations(tx, approverIds, today);
  const isActive = dir
    ? (id: string) => dir.users.get(id)?.active ?? false
    : await activeChecker(
        tx,
        delegations.map((d) => d.delegateId),
      );
  const assignments = applyDelegations(approverIds, delegations, today, { requesterId: r.requesterId, isActive });
  const created: TaskRow[] = [];
  for (const a of assignments) {
    const [task] = await tx
      .insert(approvalTasks)
      .values({
        requestId: r.id,
        stepId: step.id,
        assigneeId: a.assigneeId,
        onBehalfOfId: a.onBehalfOfId,
        status: 'pending',
        addedBy,
        createdAt: ctx.now,
      })
      .returning();
    if (!task) throw new AppError('internal');
    if (step.deadlinePolicy) {
      const key = await startTaskDeadline(tx, ctx.now, {
        taskId: task.id,
        policyCode: step.deadlinePolicy,
        ownerUserId: a.assigneeId,
        title: r.title,
        requestId: r.id,
      });
      if (key) await tx.update(approvalTasks).set({ deadlineKey: key }).where(eq(approvalTasks.id, task.id));
      created.push({ ...task, deadlineKey: key });
    } else {
      created.push(task);
    }
  }
  for (const a of assignments) {
    await notifyApproval(tx, ctx.now, {
      event: APPROVAL_EVENTS.taskAssigned,
      recipientUserIds: [a.assigneeId],
      requestId: r.id,
      params: await noticeParams(tx, r, {
        step: step.name,
        onBehalf: a.onBehalfOfId ? `（代 ${await userName(tx, a.onBehalfOfId)} 审批）` : '',
        onBehalfEn: a.onBehalfOfId ? `(on behalf of ${await userName(tx, a.onBehalfOfId)})` : '',
      }),
    });
  }
  return created;
}

async function activeChecker(tx: Db, ids: readonly string[]): Promise<(id: string) => boolean> {
  if (ids.length === 0) return () => false;
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.active, true)));
  const set = new Set(rows.map((x) => x.id));
  return (id) => set.has(id);
}

async function loadDelegations(tx: Db, userIds: readonly string[], today: string): Promise<Delegation[]> {
  if (userIds.length === 0) return [];
  return tx
    .select({
      userId: approvalDelegations.userId,
      delegateId: approvalDelegations.delegateId,
      startsOn: approvalDelegations.startsOn,
      endsOn: approvalDelegations.endsOn,
    })
    .from(approvalDelegations)
    .where(
      and(
        inArray(approvalDelegations.userId, [...userIds]),
        isNull(approvalDelegations.cancelledAt),
        lte(approvalDelegations.startsOn, today),
        gte(approvalDelegations.endsOn, today),
      ),
    );
}

/** Cancels the pending tasks of a step (或签 decided) or of the whole request (withdrawn, rejected). */
export async function cancelPendingTasks(tx: Db, ctx: Ctx, where: { stepId: string } | { requestId: string }): Promise<TaskRow[]> {
  const cond = 'stepId' in where ? eq(approvalTasks.stepId, where.stepId) : eq(approvalTasks.requestId, where.requestId);
  const rows = await tx
    .update(approvalTasks)
    .set({ status: 'cancelled' })
    .where(and(cond, eq(approvalTasks.status, 'pending')))
    .returning();
  for (const t of rows) await cancelTaskDeadline(tx, ctx.now, t);
  return rows;
}
