import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import {
  buildCalendar,
  CalendarYearMissingError,
  DEFAULT_WORKING_HOURS,
  type WorkingCalendar,
  type WorkingHours,
} from '../../core/calendar/working-calendar.ts';
import type { Db } from '../db/client.ts';
import { calendarYears, workingHours } from '../db/schema.ts';

/**
 * The working calendar as the database holds it (entered years and working hours): a platform
 * service the deadline engine and the business modules count working days with. The calendar
 * module (server/modules/calendar/) serves and edits it over HTTP.
 */

export const WORKING_HOURS_ID = 'default';
export const DEFAULT_WORKING_PERIODS = [{ from: '09:00', to: '18:00' }];

/** "HH:mm" (or "24:00") to minutes after midnight. */
export function clockMinutes(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function toWorkingHours(periods: ReadonlyArray<{ from: string; to: string }>): WorkingHours {
  const out = periods.map((p) => [clockMinutes(p.from), clockMinutes(p.to)] as const).filter(([a, b]) => b > a);
  return out.length ? out : DEFAULT_WORKING_HOURS;
}

/**
 * The working calendar as stored now: every entered year plus the working hours. Read fresh
 * on each call (two small queries), so every instance sees an administrator's edit at once.
 */
export async function loadCalendar(db: Db): Promise<WorkingCalendar> {
  // one after the other: `db` may be a transaction (one connection)
  const years = await db
    .select({ year: calendarYears.year, holidays: calendarYears.holidays, workdays: calendarYears.workdays })
    .from(calendarYears);
  const hours = await db.select({ periods: workingHours.periods }).from(workingHours).where(eq(workingHours.id, WORKING_HOURS_ID)).limit(1);
  return buildCalendar(years, toWorkingHours(hours[0]?.periods ?? DEFAULT_WORKING_PERIODS));
}

/** Runs a calendar computation; a year without a schedule becomes the explicit 422 naming it. */
export function explainMissingYear<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CalendarYearMissingError) throw new AppError('calendar_year_missing', { year: e.year }, { year: e.year });
    throw e;
  }
}
