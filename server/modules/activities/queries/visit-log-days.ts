import { and, between, count, eq, inArray, min } from 'drizzle-orm';
import { withCalendarFallback } from '../../../../core/deadlines/deadline-rules.ts';
import { isWorkingDay, shanghaiDate } from '../../../../core/calendar/working-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { activities, visitLogDays } from '../../../db/schema.ts';
import { loadCalendar } from '../../../calendar/stored-calendar.ts';

/**
 * The facts of the daily visit log (客户巡访登记表, seed 002: every salesperson hands it in
 * before the end of each working day) that one's own log, the weekly roll-up and the daily job
 * share: which days are working days, from when a person's log counts, visits per day.
 */

/** Whether a date is a working day under the calendar (weekends only for a year not entered yet). */
export async function workingDays(db: Db, dates: readonly string[]): Promise<Map<string, boolean>> {
  const cal = await loadCalendar(db);
  return new Map(dates.map((d) => [d, withCalendarFallback(cal, (c) => isWorkingDay(c, d)).value]));
}

/**
 * From which day each person's log counts: the day the account was created, or earlier when
 * the person already logged visits (or log days) before — so a new colleague is not reported
 * missing for the days before joining.
 */
export async function loggingSince(db: Db, people: ReadonlyArray<{ id: string; createdAt: Date }>): Promise<Map<string, string>> {
  const out = new Map(people.map((p) => [p.id, shanghaiDate(p.createdAt)]));
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return out;
  const firstVisit = await db
    .select({ userId: activities.ownerUserId, first: min(activities.logDate) })
    .from(activities)
    .where(and(eq(activities.type, 'visit'), inArray(activities.ownerUserId, ids)))
    .groupBy(activities.ownerUserId);
  const firstDay = await db
    .select({ userId: visitLogDays.userId, first: min(visitLogDays.logDate) })
    .from(visitLogDays)
    .where(inArray(visitLogDays.userId, ids))
    .groupBy(visitLogDays.userId);
  for (const r of [...firstVisit, ...firstDay]) {
    const cur = out.get(r.userId);
    if (r.first && (!cur || r.first < cur)) out.set(r.userId, r.first);
  }
  return out;
}

/** The visits a person logged per day over a range of dates. */
export async function visitsPerDay(db: Db, userId: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ date: activities.logDate, n: count() })
    .from(activities)
    .where(and(eq(activities.type, 'visit'), eq(activities.ownerUserId, userId), between(activities.logDate, from, to)))
    .groupBy(activities.logDate);
  return new Map(rows.map((r) => [r.date ?? '', Number(r.n)]));
}
