import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { checkYearSchedule } from '../../../../core/calendar/year-schedule.ts';
import type { SaveCalendarYearBody } from '../../../../core/calendar/calendar.schema.ts';
import { calendarYears } from '../../../db/schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { requirePermission } from '../../../policies/policy.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { markDeadlinesForRecompute } from '../../../deadlines/recompute.ts';
import { checkVersion } from '../../../kernel/guards.ts';

const PROBLEM_TEXT: Record<string, { 'zh-CN': string; en: string }> = {
  not_a_date: { 'zh-CN': '不是有效日期', en: 'not a date' },
  outside_year: { 'zh-CN': '不属于该年份', en: 'not in this year' },
  duplicate: { 'zh-CN': '重复', en: 'listed twice' },
  not_weekend: { 'zh-CN': '调休上班日应为周六或周日', en: 'a make-up working day must be a Saturday or Sunday' },
  also_holiday: { 'zh-CN': '不能同时是节假日和调休上班日', en: 'cannot be both a holiday and a make-up working day' },
};

/**
 * An administrator enters or replaces one year of the working-day calendar (工作日历). A new
 * year is created without `version`; an existing one needs its current version. Open
 * deadlines that the year affects are recomputed by the next sweep.
 */
export async function saveCalendarYear(ctx: Ctx, year: number, input: SaveCalendarYearBody): Promise<void> {
  requirePermission(ctx.actor, 'calendar.manage');
  const problems = checkYearSchedule(year, input.holidays, input.workdays);
  if (problems.length) {
    const fields: Record<string, string> = {};
    for (const p of problems) {
      const key = `body.${p.field}`;
      const text = `${p.date}: ${PROBLEM_TEXT[p.problem]?.[ctx.actor.locale] ?? p.problem}`;
      fields[key] = fields[key] ? `${fields[key]}; ${text}` : text;
    }
    throw new AppError('validation_failed', {}, { fields });
  }
  for (const [i, p] of (input.periods ?? []).entries()) {
    if (p.to < p.from) throw new AppError('validation_failed', {}, { fields: { [`body.periods.${i}.to`]: 'before from' } });
  }
  const next = {
    holidays: [...new Set(input.holidays)].sort(),
    workdays: [...new Set(input.workdays)].sort(),
    periods: (input.periods ?? []).map((p) => ({ name: p.name, from: p.from, to: p.to })),
    source: input.source,
  };
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.select().from(calendarYears).where(eq(calendarYears.year, year)).limit(1).for('update');
    const before = rows[0];
    if (!before) {
      if (input.version !== undefined) checkVersion(undefined, input.version);
      const created = await tx
        .insert(calendarYears)
        .values({ year, ...next, createdAt: ctx.now, updatedAt: ctx.now })
        .onConflictDoNothing({ target: calendarYears.year })
        .returning({ year: calendarYears.year });
      if (!created[0]) {
        // entered by someone else meanwhile: the caller (who saw no year, "version 0") is stale
        const [now] = await tx.select({ version: calendarYears.version }).from(calendarYears).where(eq(calendarYears.year, year));
        checkVersion(now, 0);
      }
      await appendAudit(tx, ctx.actor, ctx.now, {
        action: 'calendar.create_year',
        entityType: 'calendar_year',
        entityId: String(year),
        changes: {
          holidays: { before: null, after: next.holidays },
          workdays: { before: null, after: next.workdays },
          source: { before: null, after: next.source },
        },
      });
    } else {
      checkVersion(before, input.version ?? 0);
      const changes = diffFields(
        {
          holidays: before.holidays,
          workdays: before.workdays,
          source: before.source,
          periods: before.periods.map((p) => `${p.name} ${p.from}~${p.to}`),
        },
        { ...next, periods: next.periods.map((p) => `${p.name} ${p.from}~${p.to}`) },
      );
      if (!changes) return;
      // the row is locked: its version is still the one checked
      await tx
        .update(calendarYears)
        .set({ ...next, version: before.version + 1, updatedAt: ctx.now })
        .where(eq(calendarYears.year, year));
      await appendAudit(tx, ctx.actor, ctx.now, {
        action: 'calendar.update_year',
        entityType: 'calendar_year',
        entityId: String(year),
        changes,
      });
    }
    await markDeadlinesForRecompute(tx, { years: [year] });
  });
}
