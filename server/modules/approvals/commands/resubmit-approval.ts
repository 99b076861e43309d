import { AppError } from '../../../../core/errors.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { resubmitApproval, type ResubmitInput } from '../../../approvals/engine.ts';
import { isParticipant, lockRequest } from '../../../approvals/requests.ts';

/**
 * The requester resubmits a returned request from the approval page (modules that edit and
 * resubmit in one step call `resubmitApproval` inside their own transaction instead).
 */
export async function resubmitApprovalRequest(ctx: Ctx, requestId: string, input: ResubmitInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    if (!r || !(await isParticipant(tx, r, ctx.actor.userId))) throw new AppError('not_found');
    if (r.requesterId !== ctx.actor.userId) throw new AppError('forbidden', {}, { reason: 'only the requester can resubmit' });
    await resubmitApproval(tx, ctx, requestId, input);
  });
}
