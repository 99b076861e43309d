import { CN_SCHEDULES } from '../../../../core/calendar/cn-holidays.ts';
import { expandPeriods } from '../../../../core/calendar/working-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { calendarYears, workingHours } from '../../../db/schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { jobActor } from '../../../policies/actor.ts';
import { markDeadlinesForRecompute } from '../../../deadlines/recompute.ts';
import { DEFAULT_WORKING_PERIODS, WORKING_HOURS_ID } from '../../../calendar/stored-calendar.ts';

/**
 * Enters the shipped State Council schedules (core/calendar/cn-holidays.ts) for every year the
 * database does not have yet, and the default working hours. Years an administrator entered or
 * edited are never touched; a new release that ships a new year adds it on the next start.
 * Safe to run on every start and from several instances at once.
 */
export async function ensureCalendarSeeded(db: Db, now: Date): Promise<number[]> {
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(calendarYears)
      .values(
        CN_SCHEDULES.map((s) => ({
          year: s.year,
          holidays: expandPeriods(s.off),
          workdays: [...s.workdays].sort(),
          periods: s.off.map((p) => ({ name: p.name, from: p.from, to: p.to })),
          source: s.source,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing({ target: calendarYears.year })
      .returning({ year: calendarYears.year });
    await tx
      .insert(workingHours)
      .values({ id: WORKING_HOURS_ID, periods: DEFAULT_WORKING_PERIODS, updatedAt: now })
      .onConflictDoNothing({ target: workingHours.id });
    const years = added.map((r) => r.year).sort((a, b) => a - b);
    if (years.length) {
      await markDeadlinesForRecompute(tx, { years });
      await appendAudit(tx, jobActor('bootstrap', new Map()), now, {
        action: 'calendar.seed',
        entityType: 'calendar_year',
        entityId: years.join(','),
        detail: `State Council schedules ${years.join(', ')} / 国务院办公厅节假日安排`,
      });
    }
    return years;
  });
}
