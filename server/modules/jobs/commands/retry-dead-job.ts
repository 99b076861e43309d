import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { jobs } from '../../../db/schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { retryJob } from '../../../jobs/runner.ts';
import { requirePermission } from '../../../policies/policy.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { stateConflict } from '../../../kernel/guards.ts';

/** An administrator queues a dead background job again with a fresh attempt budget. */
export async function retryDeadJob(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx.actor, 'job.manage');
  await ctx.db.transaction(async (tx) => {
    const [job] = await tx.select().from(jobs).where(eq(jobs.id, id)).limit(1).for('update');
    if (!job) throw new AppError('not_found');
    if (!(await retryJob(tx, id))) {
      throw stateConflict(ctx.actor.locale, { zh: '只有已失败（死信）的任务可以重试', en: `the job is ${job.status}, not dead` });
    }
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'job.retry',
      entityType: 'job',
      entityId: id,
      changes: { status: { before: job.status, after: 'queued' } },
      detail: job.name,
    });
  });
}
