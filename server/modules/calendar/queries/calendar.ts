import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import {
  addWorkingDays,
  addWorkingHours,
  isIsoDate,
  toShanghaiIso,
  workingDaysBetween,
} from '../../../../core/calendar/working-calendar.ts';
import { workingDaysInYear } from '../../../../core/calendar/year-schedule.ts';
import { parseHolidayNotice } from '../../../../core/calendar/notice-parser.ts';
import type { CalendarYearView, NoticePreview, WorkingHoursView } from '../../../../core/calendar/calendar.schema.ts';
import type { Db } from '../../../db/client.ts';
import { calendarYears, workingHours } from '../../../db/schema.ts';
import {
  DEFAULT_WORKING_PERIODS,
  explainMissingYear,
  loadCalendar,
  toWorkingHours,
  WORKING_HOURS_ID,
} from '../../../calendar/stored-calendar.ts';

/** GET /api/calendar/add-working-days: the date N working days after `start`. */
export async function calendarAddWorkingDays(db: Db, start: string, days: number): Promise<{ date: string }> {
  const cal = await loadCalendar(db);
  return { date: explainMissingYear(() => addWorkingDays(cal, start, days)) };
}

/** GET /api/calendar/working-days-between: working days after `from` up to and including `to`. */
export async function calendarWorkingDaysBetween(db: Db, from: string, to: string): Promise<{ days: number }> {
  const cal = await loadCalendar(db);
  return { days: explainMissingYear(() => workingDaysBetween(cal, from, to)) };
}

/** Reads an ISO 8601 instant with offset (a space where an unencoded `+` was lost). */
export function parseInstant(value: string, field: string): Date {
  const normalized = value.replace(/ (\d{2}):?(\d{2})$/, '+$1:$2').replace(/([+-])(\d{2})(\d{2})$/, '$1$2:$3');
  const ms = Date.parse(normalized);
  const clockOk = /T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?/.test(normalized);
  if (Number.isNaN(ms) || !isIsoDate(normalized.slice(0, 10)) || !clockOk)
    throw new AppError('validation_failed', {}, { fields: { [field]: 'not a valid date and time' } });
  return new Date(ms);
}

/** GET /api/calendar/add-working-hours: the instant N working hours after `start`, as +08:00. */
export async function calendarAddWorkingHours(db: Db, start: string, hours: number): Promise<{ at: string }> {
  const instant = parseInstant(start, 'querystring.start');
  const cal = await loadCalendar(db);
  return { at: toShanghaiIso(explainMissingYear(() => addWorkingHours(cal, instant, hours))) };
}

type YearRow = typeof calendarYears.$inferSelect;

function yearView(r: YearRow): CalendarYearView {
  return {
    year: r.year,
    holidays: [...r.holidays].sort(),
    workdays: [...r.workdays].sort(),
    periods: r.periods,
    source: r.source,
    workingDays: workingDaysInYear(r.year, r.holidays, r.workdays),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Every entered year, oldest first. */
export async function listCalendarYears(db: Db): Promise<CalendarYearView[]> {
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  return rows.map(yearView);
}

export async function getCalendarYear(db: Db, year: number): Promise<CalendarYearView | null> {
  const rows = await db.select().from(calendarYears).where(eq(calendarYears.year, year)).limit(1);
  return rows[0] ? yearView(rows[0]) : null;
}

/** The working hours (the default 09:00–18:00 until an administrator saves others). */
export async function getWorkingHours(db: Db): Promise<WorkingHoursView> {
  const rows = await db.select().from(workingHours).where(eq(workingHours.id, WORKING_HOURS_ID)).limit(1);
  const row = rows[0];
  const periods = row?.periods ?? DEFAULT_WORKING_PERIODS;
  const dayMinutes = toWorkingHours(periods).reduce((s, [a, b]) => s + (b - a), 0);
  return {
    periods,
    timeZone: row?.timeZone ?? 'Asia/Shanghai',
    dayMinutes,
    version: row?.version ?? 1,
    updatedAt: (row?.updatedAt ?? new Date(0)).toISOString(),
  };
}

/** Reads a pasted State Council notice into a preview the administrator confirms before saving. */
export async function previewNotice(db: Db, year: number, text: string): Promise<NoticePreview> {
  const parsed = parseHolidayNotice(text, year);
  const current = await db.select({ version: calendarYears.version }).from(calendarYears).where(eq(calendarYears.year, year)).limit(1);
  return {
    ...parsed,
    workingDays: workingDaysInYear(year, parsed.holidays, parsed.workdays),
    currentVersion: current[0]?.version ?? null,
  };
}
