import type { Db } from '../../../db/client.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { resubmitApproval, submitForApproval } from '../../../approvals/engine.ts';
import { openApprovalFor } from '../../../approvals/subject-requests.ts';
import { receptionProcess } from '../activity-processes.ts';
import { money } from '../activity-text.ts';

/** Sends a reception plan to the marketing manager's approval, or resubmits it after it was returned to its author. */
export async function submitPlan(
  tx: Db,
  ctx: Ctx,
  plan: { id: string; subject: string; budgetFen: number | null },
  customerName: string,
): Promise<void> {
  const open = await openApprovalFor(tx, receptionProcess, plan.id);
  if (open?.state === 'returned' && open.requesterId === ctx.actor.userId) {
    await resubmitApproval(tx, ctx, open.id, {});
    return;
  }
  await submitForApproval(tx, ctx, {
    process: receptionProcess,
    subjectId: plan.id,
    title: `客户接待：${customerName} ${plan.subject}（预算 ${money(plan.budgetFen)}）`,
  });
}
