import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { canActOnTask, commentRequired, stepOutcome, type TaskStatus } from '../../../../core/approvals/engine.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import type { Db } from '../../../db/client.ts';
import { approvalRequests, approvalSteps, approvalTasks, users } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { fieldErrors, stateConflict } from '../../../kernel/guards.ts';
import { recordAction } from '../../../approvals/actions.ts';
import { alreadyHandled, isParticipant, lockRequest, transition } from '../../../approvals/requests.ts';
import type { RequestRow, StepRow, TaskRow } from '../../../approvals/rows.ts';
import { settle } from '../../../approvals/settle.ts';
import { advance, cancelPendingTasks } from '../../../approvals/steps.ts';
import { completeTaskDeadline } from '../../../approvals/effects.ts';
import { requireApprovalSubject } from '../../../approvals/subjects.ts';

export type Decision = 'approve' | 'reject' | 'return';

export interface DecideInput {
  /** approve only: the subject version the approver reviewed */
  subjectVersion?: number | undefined;
  comment?: string | undefined;
  attachmentIds?: string[] | undefined;
}

/**
 * The request, locked, its current step and the caller's pending tasks in it. Refuses callers
 * who cannot see the request (404), requests no longer pending and callers who are not current
 * approvers (403) — or whose task another approver's decision already closed (409).
 */
export async function loadMyTurn(
  tx: Db,
  ctx: Ctx,
  requestId: string,
): Promise<{ r: RequestRow; step: StepRow; tasks: TaskRow[]; mine: TaskRow[] }> {
  const userId = ctx.actor.userId;
  const r = await lockRequest(tx, requestId);
  if (!r || !(await isParticipant(tx, r, userId))) throw new AppError('not_found');
  if (r.state !== 'pending') throw alreadyHandled(ctx, r.state);
  const step = r.currentStepId
    ? (await tx.select().from(approvalSteps).where(eq(approvalSteps.id, r.currentStepId)).limit(1))[0]
    : undefined;
  if (!step) throw alreadyHandled(ctx, r.state);
  const tasks = await tx.select().from(approvalTasks).where(eq(approvalTasks.stepId, step.id));
  const mine = tasks.filter((t) => canActOnTask(t, userId ?? ''));
  if (mine.length === 0) {
    // Too late (another approver decided first, or a double submit) answers 409; never an approver, 403.
    const mineEver = (await tx.select().from(approvalTasks).where(eq(approvalTasks.requestId, r.id)))
      .filter((t) => t.assigneeId === userId || t.onBehalfOfId === userId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const last = mineEver.find((t) => t.stepId === step.id) ?? mineEver[0];
    if (!last) throw new AppError('forbidden', {}, { reason: 'not an approver of the current step' });
    if (last.actedBy === userId || last.status !== 'cancelled') {
      throw alreadyHandled(
        ctx,
        r.state,
        ctx.actor.locale === 'en' ? 'you already acted on this step' : '您已审批过此步骤，正在等待其他审批人或后续步骤',
      );
    }
    const siblings = await tx.select().from(approvalTasks).where(eq(approvalTasks.stepId, last.stepId));
    const decider = siblings
      .filter((t) => t.actedBy && t.actedAt)
      .sort((a, b) => (b.actedAt?.getTime() ?? 0) - (a.actedAt?.getTime() ?? 0))[0];
    const name = decider?.actedBy
      ? ((await tx.select({ n: users.displayName }).from(users).where(eq(users.id, decider.actedBy)).limit(1))[0]?.n ?? '')
      : '';
    throw alreadyHandled(ctx, r.state, ctx.actor.locale === 'en' ? `${name} already decided this step` : `此步骤已由 ${name} 处理`);
  }
  return { r, step, tasks, mine };
}

async function stepName(tx: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await tx.select({ name: approvalSteps.name }).from(approvalSteps).where(eq(approvalSteps.id, id)).limit(1))[0]?.name ?? null;
}

/**
 * An approver decides the current step: approve (only the subject version they reviewed, and
 * only while the subject is still at that version), reject (ends the request) or return for
 * revision. 或签 steps complete on the first approval, 会签 steps when every approver approved.
 */
export async function decideApproval(ctx: Ctx, requestId: string, decision: Decision, input: DecideInput): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('forbidden');
  if (commentRequired(decision) && !input.comment?.trim()) {
    throw fieldErrors(ctx.actor.locale, { comment: { zh: '请填写意见', en: 'a comment is required' } });
  }
  await ctx.db.transaction(async (tx) => {
    const { r, step, mine } = await loadMyTurn(tx, ctx, requestId);
    if (decision === 'approve') {
      if (input.subjectVersion !== r.subjectVersion) {
        throw new AppError(
          'approval_subject_changed',
          { reviewed: input.subjectVersion ?? 0, current: r.subjectVersion },
          { currentVersion: r.subjectVersion },
        );
      }
      const loaded = await requireApprovalSubject(r.subjectType).load(tx, r.subjectId);
      if (!loaded) throw stateConflict(ctx.actor.locale, { zh: '审批对象已不存在', en: 'the record no longer exists' });
      if (loaded.version !== r.subjectVersion) {
        throw new AppError(
          'approval_subject_changed',
          { reviewed: r.subjectVersion, current: loaded.version },
          { currentVersion: loaded.version },
        );
      }
    }
    const status: TaskStatus = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'returned';
    const comment = input.comment?.trim() || null;
    for (const t of mine) {
      await tx.update(approvalTasks).set({ status, actedBy: userId, actedAt: ctx.now, comment }).where(eq(approvalTasks.id, t.id));
      await completeTaskDeadline(tx, ctx.now, t);
    }
    // Acting as a delegate is recorded "on behalf of"; the original approver acts as themselves.
    const onBehalfOfId = mine.find((t) => t.assigneeId === userId && t.onBehalfOfId)?.onBehalfOfId ?? null;
    await recordAction(tx, ctx, r, {
      action: decision,
      stepId: step.id,
      comment,
      subjectVersion: r.subjectVersion,
      onBehalfOfId,
      attachmentIds: input.attachmentIds,
    });
    const statuses = (await tx.select({ status: approvalTasks.status }).from(approvalTasks).where(eq(approvalTasks.stepId, step.id))).map(
      (t) => t.status,
    );
    const outcome = stepOutcome(step.mode, statuses);
    let after: RequestRow = r;
    if (outcome === 'rejected' || outcome === 'returned') {
      await tx.update(approvalSteps).set({ status: outcome, decidedAt: ctx.now }).where(eq(approvalSteps.id, step.id));
      await cancelPendingTasks(tx, ctx, { stepId: step.id });
      after = await transition(tx, ctx, r, outcome === 'rejected' ? 'reject' : 'return', {
        currentStepId: null,
        decidedAt: outcome === 'rejected' ? ctx.now : null,
      });
      await settle(tx, ctx, after, outcome, { step: step.name, comment });
    } else if (outcome === 'approved') {
      await tx.update(approvalSteps).set({ status: 'approved', decidedAt: ctx.now }).where(eq(approvalSteps.id, step.id));
      await cancelPendingTasks(tx, ctx, { stepId: step.id });
      after = await advance(tx, ctx, r);
    } else {
      await tx
        .update(approvalRequests)
        .set({ version: r.version + 1, updatedAt: ctx.now })
        .where(eq(approvalRequests.id, r.id));
    }
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: `approval.${decision}`,
      entityType: 'approval_request',
      entityId: r.id,
      changes: {
        state: { before: r.state, after: after.state },
        step: { before: step.name, after: await stepName(tx, after.currentStepId) },
        ...(onBehalfOfId ? { onBehalfOf: { before: null, after: onBehalfOfId } } : {}),
      },
      detail: comment,
    });
  });
}
