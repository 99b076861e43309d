import { and, eq, gt, sql } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { approvalRequests, approvalSteps, users } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { fieldErrors } from '../../../kernel/guards.ts';
import { recordAction } from '../../../approvals/actions.ts';
import { createTasks } from '../../../approvals/steps.ts';
import { loadMyTurn } from './decide-approval.ts';

export interface AddApproverInput {
  userId: string;
  position: 'current' | 'after';
  comment?: string | undefined;
  attachmentIds?: string[] | undefined;
}

/**
 * 加签: a current approver brings in another approver — into the current step (`current`: with
 * 会签 they must approve too, with 或签 they may decide it) or as a new step right after it
 * (`after`). The caller's own task stays open.
 */
export async function addApprovalApprover(ctx: Ctx, requestId: string, input: AddApproverInput): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('forbidden');
  await ctx.db.transaction(async (tx) => {
    const { r, step, tasks } = await loadMyTurn(tx, ctx, requestId);
    const target = (
      await tx
        .select({ id: users.id, name: users.displayName, active: users.active })
        .from(users)
        .where(eq(users.id, input.userId))
        .limit(1)
    )[0];
    const bad = (zh: string, en: string) => fieldErrors(ctx.actor.locale, { userId: { zh, en } });
    if (!target || !target.active) throw bad('用户不存在或已停用', 'unknown or inactive user');
    if (target.id === r.requesterId) throw bad('发起人不能审批自己的申请', 'the requester cannot approve their own request');
    if (target.id === userId) throw bad('您已是审批人', 'you are already an approver');
    if (
      input.position === 'current' &&
      tasks.some((t) => t.status === 'pending' && (t.assigneeId === target.id || t.onBehalfOfId === target.id))
    ) {
      throw bad('该用户已是本步骤的审批人', 'already an approver of this step');
    }
    if (input.position === 'current') {
      await createTasks(tx, ctx, r, step, [target.id], null, userId);
    } else {
      await tx
        .update(approvalSteps)
        .set({ seq: sql`${approvalSteps.seq} + 1` })
        .where(and(eq(approvalSteps.requestId, r.id), eq(approvalSteps.round, r.round), gt(approvalSteps.seq, step.seq)));
      await tx.insert(approvalSteps).values({
        requestId: r.id,
        round: r.round,
        seq: step.seq + 1,
        chainIndex: null,
        anchorIndex: step.chainIndex ?? step.anchorIndex,
        name: target.name,
        mode: 'any',
        approver: { type: 'user', userId: target.id },
        deadlinePolicy: step.deadlinePolicy,
        status: 'waiting',
        skipReason: null,
        addedBy: userId,
      });
    }
    await recordAction(tx, ctx, r, {
      action: 'add_approver',
      stepId: step.id,
      comment: input.comment,
      attachmentIds: input.attachmentIds,
      details: { userId: target.id, userName: target.name, position: input.position },
    });
    await tx
      .update(approvalRequests)
      .set({ version: r.version + 1, updatedAt: ctx.now })
      .where(eq(approvalRequests.id, r.id));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'approval.add_approver',
      entityType: 'approval_request',
      entityId: r.id,
      changes: { approver: { before: null, after: { userId: target.id, name: target.name, position: input.position, step: step.name } } },
      detail: input.comment?.trim() || null,
    });
  });
}
