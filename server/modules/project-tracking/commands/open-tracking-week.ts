import type { Ctx } from '../../../kernel/context.ts';
import { hasPermission, requirePermission } from '../../../policies/policy.ts';
import { listTracking } from '../queries/project-tracking.ts';
import { weekOf } from '../tracking-week.ts';
import { generateTrackingRows } from './generate-tracking-rows.ts';

/**
 * Lists a week; for the current week the missing rows are generated first — for every open
 * project when the reader supervises (once per week), else for the reader's own projects.
 */
export async function openTrackingWeek(
  ctx: Ctx,
  q: {
    week?: string | undefined;
    ownerUserId?: string | undefined;
    missing?: 'true' | 'false' | undefined;
    page: number;
    pageSize: number;
  },
) {
  requirePermission(ctx.actor, 'project.read');
  const week = weekOf(ctx.now, q.week);
  const current = weekOf(ctx.now, undefined);
  if (week === current) {
    if (hasPermission(ctx.actor, 'project.tracking')) await generateTrackingRows(ctx.db, week, ctx.now, null);
    if (ctx.actor.userId) await generateTrackingRows(ctx.db, week, ctx.now, ctx.actor.userId);
  }
  return listTracking(ctx.db, ctx.actor, { ...q, week });
}
