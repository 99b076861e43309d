import { and, count, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { shanghaiDate } from '../../core/calendar/working-calendar.ts';
import type { SubmitVisitLogBody } from '../../core/schemas/activities.schema.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { activities } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { markVisitLogSubmitted } from '../activities/visit-log.ts';
import { requirePermission } from '../policies/policy.ts';
import { blank, invalid } from './support/intake.ts';

/**
 * Hands in one's visit log of a day (客户巡访登记表): the day's visits count as the log; a day
 * without visits is declared with `noVisits` and a note (internal training, leave…). Completes
 * the day's deadline. Future days are refused.
 */
export async function submitVisitLog(ctx: Ctx, date: string, input: SubmitVisitLogBody): Promise<void> {
  requirePermission(ctx.actor, 'activity.create');
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('forbidden');
  if (date > shanghaiDate(ctx.now)) {
    throw invalid(ctx.actor.locale, { 'params.date': { zh: '不能提交以后日期的巡访登记', en: 'a future day cannot be submitted' } });
  }
  await ctx.db.transaction(async (tx) => {
    const visits = (await tx
      .select({ n: count() })
      .from(activities)
      .where(and(eq(activities.type, 'visit'), eq(activities.ownerUserId, userId), eq(activities.logDate, date))))[0]?.n ?? 0;
    if (Number(visits) === 0 && !input.noVisits) {
      throw invalid(ctx.actor.locale, { noVisits: { zh: '当天没有巡访记录：请先登记巡访，或选择“今日无巡访”并填写说明', en: 'no visits that day: log a visit, or declare "no visits" with a note' } });
    }
    const noVisits = Number(visits) === 0;
    const note = blank(input.note) ?? null;
    const res = await markVisitLogSubmitted(tx, ctx.now, userId, date, { noVisits, note });
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'visit_log.submit', entityType: 'visit_log_day', entityId: res.id,
      changes: { date: { before: null, after: date }, visits: { before: null, after: Number(visits) }, noVisits: { before: null, after: noVisits } },
      detail: note,
    });
  });
}
