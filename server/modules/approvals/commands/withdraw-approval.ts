import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { actionAllowedIn } from '../../../../core/approvals/engine.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { approvalSteps } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { noticeParams, recordAction } from '../../../approvals/actions.ts';
import { alreadyHandled, isParticipant, lockRequest, transition } from '../../../approvals/requests.ts';
import { settle } from '../../../approvals/settle.ts';
import { cancelPendingTasks } from '../../../approvals/steps.ts';
import { APPROVAL_EVENTS, notifyApproval } from '../../../approvals/effects.ts';

/** The requester withdraws a pending or returned request; open tasks are cancelled and their holders told. */
export async function withdrawApproval(
  ctx: Ctx,
  requestId: string,
  input: { comment?: string | undefined; attachmentIds?: string[] | undefined },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    if (!r || !(await isParticipant(tx, r, ctx.actor.userId))) throw new AppError('not_found');
    if (r.requesterId !== ctx.actor.userId) throw new AppError('forbidden', {}, { reason: 'only the requester can withdraw' });
    if (!actionAllowedIn('withdraw', r.state)) throw alreadyHandled(ctx, r.state);
    const cancelled = await cancelPendingTasks(tx, ctx, { requestId: r.id });
    await tx
      .update(approvalSteps)
      .set({ status: 'cancelled', decidedAt: ctx.now })
      .where(and(eq(approvalSteps.requestId, r.id), eq(approvalSteps.round, r.round), eq(approvalSteps.status, 'active')));
    const after = await transition(tx, ctx, r, 'withdraw', { currentStepId: null, decidedAt: ctx.now });
    await recordAction(tx, ctx, after, { action: 'withdraw', comment: input.comment, attachmentIds: input.attachmentIds });
    await settle(tx, ctx, after, 'withdrawn', {});
    await notifyApproval(tx, ctx.now, {
      event: APPROVAL_EVENTS.withdrawn,
      recipientUserIds: [...new Set(cancelled.map((t) => t.assigneeId))],
      requestId: r.id,
      params: await noticeParams(tx, r),
    });
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'approval.withdraw',
      entityType: 'approval_request',
      entityId: r.id,
      changes: { state: { before: r.state, after: after.state } },
      detail: input.comment?.trim() || null,
    });
  });
}
