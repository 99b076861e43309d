import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A named holiday period as the notice states it (for display; `holidays` is authoritative). */
export interface HolidayPeriodRow {
  name: string;
  from: string;
  to: string;
}

/**
 * The working-day calendar, one row per year (工作日历): days off that would otherwise be
 * working days, and weekend days that are worked (调休上班). A year without a row has no
 * schedule: the calendar functions refuse it instead of guessing. Dates are `YYYY-MM-DD`.
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    holidays: jsonb('holidays')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    workdays: jsonb('workdays')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    periods: jsonb('periods')
      .$type<HolidayPeriodRow[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    source: text('source').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [check('calendar_years_year_ck', sql`${t.year} BETWEEN 2000 AND 2100`)],
);

/**
 * Working hours for hour-based deadlines (工作时间), Asia/Shanghai wall time, one row keyed
 * 'default': periods such as [{"from":"09:00","to":"18:00"}] or with a lunch break.
 */
export const workingHours = pgTable('working_hours', {
  id: text('id').primaryKey(),
  periods: jsonb('periods').$type<Array<{ from: string; to: string }>>().notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
