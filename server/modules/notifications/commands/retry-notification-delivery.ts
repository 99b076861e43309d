import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { jobs, notificationOutbox } from '../../../db/schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { enqueueJob, retryJob } from '../../../jobs/runner.ts';
import { DELIVER_JOB, deliverJobKey } from '../../../notifications/deliver.ts';
import { requirePermission } from '../../../policies/policy.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { stateConflict } from '../../../kernel/guards.ts';

/**
 * An administrator retries a dead-lettered notification: the row goes back to pending and its
 * delivery job is queued again (the same job when it still exists).
 */
export async function retryNotificationDelivery(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx.actor, 'notification.admin');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(notificationOutbox).where(eq(notificationOutbox.id, id)).limit(1).for('update');
    if (!row) throw new AppError('not_found');
    if (row.status !== 'dead') {
      throw stateConflict(ctx.actor.locale, { zh: '只有发送失败（死信）的消息可以重试', en: 'only dead-lettered messages can be retried' });
    }
    await tx.update(notificationOutbox).set({ status: 'pending', attempts: 0, updatedAt: ctx.now }).where(eq(notificationOutbox.id, id));
    const key = deliverJobKey(id);
    const [job] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.idempotencyKey, key), inArray(jobs.status, ['dead', 'failed'])))
      .limit(1);
    if (job) await retryJob(tx, job.id);
    else await enqueueJob(tx, DELIVER_JOB, { outboxId: id }, { idempotencyKey: `${key}:retry:${ctx.now.getTime()}` });
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'notification.retry',
      entityType: 'notification_outbox',
      entityId: id,
      changes: { status: { before: 'dead', after: 'pending' } },
      detail: `${row.channel} ${row.eventType}`,
    });
  });
}
