import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { approvalDelegations } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';

/** The user ends their delegation early (tasks already given to the delegate stay with them). */
export async function cancelApprovalDelegation(ctx: Ctx, id: string): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('forbidden');
  await ctx.db.transaction(async (tx) => {
    const d = (
      await tx
        .select()
        .from(approvalDelegations)
        .where(and(eq(approvalDelegations.id, id), eq(approvalDelegations.userId, userId)))
        .limit(1)
        .for('update')
    )[0];
    if (!d) throw new AppError('not_found');
    if (d.cancelledAt) return;
    await tx
      .update(approvalDelegations)
      .set({ cancelledAt: ctx.now, version: d.version + 1 })
      .where(eq(approvalDelegations.id, id));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'approval_delegation.cancel',
      entityType: 'approval_delegation',
      entityId: id,
      changes: { cancelledAt: { before: null, after: ctx.now.toISOString() } },
    });
  });
}
