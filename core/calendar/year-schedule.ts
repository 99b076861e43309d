/**
 * Checks and sums up one year of the working-day calendar as an administrator edits it: every
 * date inside the year, holidays and make-up working days disjoint, make-up days on weekends.
 */
import { addCalendarDays, buildCalendar, isIsoDate, isWorkingDay } from './working-calendar.ts';

export type YearScheduleProblem =
  | { field: 'holidays' | 'workdays'; date: string; problem: 'not_a_date' | 'outside_year' | 'duplicate' }
  | { field: 'workdays'; date: string; problem: 'not_weekend' | 'also_holiday' };

function isWeekend(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

/** Every problem of a year's holidays and make-up working days (empty when it can be saved). */
export function checkYearSchedule(year: number, holidays: readonly string[], workdays: readonly string[]): YearScheduleProblem[] {
  const out: YearScheduleProblem[] = [];
  const scan = (field: 'holidays' | 'workdays', list: readonly string[]) => {
    const seen = new Set<string>();
    for (const date of list) {
      if (!isIsoDate(date)) out.push({ field, date, problem: 'not_a_date' });
      else if (!date.startsWith(`${year}-`)) out.push({ field, date, problem: 'outside_year' });
      else if (seen.has(date)) out.push({ field, date, problem: 'duplicate' });
      seen.add(date);
    }
  };
  scan('holidays', holidays);
  scan('workdays', workdays);
  const off = new Set(holidays);
  for (const date of workdays) {
    if (!isIsoDate(date)) continue;
    if (!isWeekend(date)) out.push({ field: 'workdays', date, problem: 'not_weekend' });
    if (off.has(date)) out.push({ field: 'workdays', date, problem: 'also_holiday' });
  }
  return out;
}

/** Working days in a year under its schedule (weekdays − weekday holidays + make-up days). */
export function workingDaysInYear(year: number, holidays: readonly string[], workdays: readonly string[]): number {
  const cal = buildCalendar([{ year, holidays, workdays }]);
  let n = 0;
  for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = addCalendarDays(d, 1)) if (isWorkingDay(cal, d)) n++;
  return n;
}
