import { eq } from 'drizzle-orm';
import type { UpdateWorkingHoursBody } from '../../../../core/calendar/calendar.schema.ts';
import { workingHours } from '../../../db/schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { requirePermission } from '../../../policies/policy.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { markDeadlinesForRecompute } from '../../../deadlines/recompute.ts';
import { clockMinutes, DEFAULT_WORKING_PERIODS, WORKING_HOURS_ID } from '../../../calendar/stored-calendar.ts';
import { checkVersion, fieldErrors } from '../../../kernel/guards.ts';

/**
 * An administrator sets the working hours (工作时间) that hour-based deadlines count in, e.g.
 * 09:00–12:00 and 13:30–18:00. Periods must ascend without overlapping. Every open deadline
 * is recomputed by the next sweep.
 */
export async function updateWorkingHours(ctx: Ctx, input: UpdateWorkingHoursBody): Promise<void> {
  requirePermission(ctx.actor, 'calendar.manage');
  let prevEnd = -1;
  input.periods.forEach((p, i) => {
    const a = clockMinutes(p.from);
    const b = clockMinutes(p.to);
    if (b <= a)
      throw fieldErrors(ctx.actor.locale, { [`periods.${i}.to`]: { zh: '结束时间须晚于开始时间', en: 'must be after the start' } });
    if (a < prevEnd)
      throw fieldErrors(ctx.actor.locale, {
        [`periods.${i}.from`]: { zh: '与上一时段重叠或顺序颠倒', en: 'overlaps the previous period' },
      });
    prevEnd = b;
  });
  const periods = input.periods.map((p) => ({ from: p.from, to: p.to }));
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(workingHours)
      .values({ id: WORKING_HOURS_ID, periods: DEFAULT_WORKING_PERIODS, updatedAt: ctx.now })
      .onConflictDoNothing();
    const [before] = await tx.select().from(workingHours).where(eq(workingHours.id, WORKING_HOURS_ID)).for('update');
    checkVersion(before, input.version);
    const fmt = (list: Array<{ from: string; to: string }>) => list.map((p) => `${p.from}-${p.to}`).join(', ');
    if (fmt(before.periods) === fmt(periods)) return;
    // the row is locked: its version is still the one checked
    await tx
      .update(workingHours)
      .set({ periods, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(workingHours.id, WORKING_HOURS_ID));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'calendar.update_working_hours',
      entityType: 'working_hours',
      entityId: WORKING_HOURS_ID,
      changes: { periods: { before: fmt(before.periods), after: fmt(periods) } },
    });
    await markDeadlinesForRecompute(tx, 'all');
  });
}
