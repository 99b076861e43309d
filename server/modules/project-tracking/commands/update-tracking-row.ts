import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { rowsOf } from '../../../db/client.ts';
import { projectWeeklyUpdates } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion } from '../../../kernel/guards.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { commentCondition } from '../queries/project-tracking.ts';

export interface TrackingPatch {
  version: number;
  progress?: string | null | undefined;
  nextSteps?: string | null | undefined;
  issues?: string | null | undefined;
  supervisorComment?: string | null | undefined;
}

/** The account manager fills progress, next steps and issues; the supervisor comments. */
export async function updateTrackingRow(ctx: Ctx, id: string, input: TrackingPatch): Promise<void> {
  requirePermission(ctx.actor, 'project.read');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(projectWeeklyUpdates).where(eq(projectWeeklyUpdates.id, id)).limit(1).for('update');
    if (!row) throw new AppError('not_found');
    const comment = await commentCondition(tx, ctx.actor);
    const canComment =
      rowsOf<{ ok: boolean }>(
        await tx.execute(sql`
      SELECT (${comment}) AS ok FROM project_weekly_updates w WHERE w.id = ${id}`),
      )[0]?.ok === true;
    const isOwner = row.ownerUserId === ctx.actor.userId;
    if (!isOwner && !canComment) throw new AppError('not_found');
    const { version, supervisorComment, ...own } = input;
    const touchesOwn = Object.values(own).some((v) => v !== undefined);
    if (touchesOwn && !isOwner) throw new AppError('forbidden', {}, { reason: 'only the account manager fills in the progress' });
    if (supervisorComment !== undefined && !canComment) throw new AppError('forbidden', {}, { reason: 'only the supervisor comments' });
    checkVersion(row, version);
    const set = { ...own, ...(supervisorComment !== undefined ? { supervisorComment } : {}) };
    const changes = diffFields(row as unknown as Record<string, unknown>, set);
    if (!changes) return;
    const filled = typeof set.progress === 'string' && set.progress.trim() !== '';
    await tx
      .update(projectWeeklyUpdates)
      .set({
        ...set,
        updatedBy: ctx.actor.userId,
        version: row.version + 1,
        updatedAt: ctx.now,
        ...(filled && !row.submittedAt ? { submittedAt: ctx.now } : {}),
      })
      .where(eq(projectWeeklyUpdates.id, id));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'project.tracking_update',
      entityType: 'project_weekly_update',
      entityId: id,
      changes,
    });
  });
}
