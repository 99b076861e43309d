import { and, count, eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { shanghaiDate } from '../../../../core/calendar/working-calendar.ts';
import type { SubmitVisitLogBody } from '../../../../core/activities/activities.schema.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import type { Db } from '../../../db/client.ts';
import { activities, visitLogDays } from '../../../db/schema.ts';
import { completeDeadline } from '../../../deadlines/deadlines.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { fieldErrors } from '../../../kernel/guards.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { STEP_SUBMIT, VISIT_LOG_SUBJECT } from '../activity-events.ts';

/**
 * Marks a person's log of a day submitted (saving a visit for that day, or "no visits today"
 * with a note) and completes that day's deadline. Creates the row when the job has not. Runs in
 * the caller's transaction (this use case, or recording a visit).
 */
export async function markVisitLogSubmitted(
  tx: Db,
  now: Date,
  userId: string,
  date: string,
  declared: { noVisits: boolean; note: string | null } = { noVisits: false, note: null },
): Promise<{ id: string; firstSubmission: boolean }> {
  const existing = (
    await tx
      .select()
      .from(visitLogDays)
      .where(and(eq(visitLogDays.userId, userId), eq(visitLogDays.logDate, date)))
      .limit(1)
      .for('update')
  )[0];
  let id: string;
  let first: boolean;
  if (existing) {
    id = existing.id;
    first = existing.submittedAt === null;
    await tx
      .update(visitLogDays)
      .set({ submittedAt: existing.submittedAt ?? now, noVisits: declared.noVisits, note: declared.note ?? existing.note })
      .where(eq(visitLogDays.id, existing.id));
  } else {
    const [row] = await tx
      .insert(visitLogDays)
      .values({ userId, logDate: date, submittedAt: now, noVisits: declared.noVisits, note: declared.note, createdAt: now })
      .onConflictDoUpdate({
        target: [visitLogDays.userId, visitLogDays.logDate],
        set: { submittedAt: now, noVisits: declared.noVisits, note: declared.note },
      })
      .returning({ id: visitLogDays.id });
    if (!row) throw new Error('visit log day not written');
    id = row.id;
    first = true;
  }
  await completeDeadline(tx, now, { subjectType: VISIT_LOG_SUBJECT, subjectId: id, step: STEP_SUBMIT });
  return { id, firstSubmission: first };
}

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
    throw fieldErrors(ctx.actor.locale, { 'params.date': { zh: '不能提交以后日期的巡访登记', en: 'a future day cannot be submitted' } });
  }
  await ctx.db.transaction(async (tx) => {
    const visits =
      (
        await tx
          .select({ n: count() })
          .from(activities)
          .where(and(eq(activities.type, 'visit'), eq(activities.ownerUserId, userId), eq(activities.logDate, date)))
      )[0]?.n ?? 0;
    if (Number(visits) === 0 && !input.noVisits) {
      throw fieldErrors(ctx.actor.locale, {
        noVisits: {
          zh: '当天没有巡访记录：请先登记巡访，或选择“今日无巡访”并填写说明',
          en: 'no visits that day: log a visit, or declare "no visits" with a note',
        },
      });
    }
    const noVisits = Number(visits) === 0;
    const note = blankToNull(input.note) ?? null;
    const res = await markVisitLogSubmitted(tx, ctx.now, userId, date, { noVisits, note });
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'visit_log.submit',
      entityType: 'visit_log_day',
      entityId: res.id,
      changes: {
        date: { before: null, after: date },
        visits: { before: null, after: Number(visits) },
        noVisits: { before: null, after: noVisits },
      },
      detail: note,
    });
  });
}
