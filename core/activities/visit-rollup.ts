/**
 * The weekly roll-up of the customer visit logs (客户巡访登记表, seed 002): every salesperson
 * hands in a log before the end of each working day; on Monday morning the marketing assistant
 * reports the previous week to the marketing manager. Here the report is computed, not typed:
 * per person and working day the number of visits, whether the day's log was submitted (or
 * declared "no visits" with a note), and the working days with nothing — the missing days.
 */
import { addCalendarDays } from '../calendar/working-calendar.ts';

/** The Monday of the ISO week containing `date` (YYYY-MM-DD). */
export function weekStartOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = d.getUTCDay(); // 0 = Sunday
  return addCalendarDays(date, dow === 0 ? -6 : 1 - dow);
}

/** The seven dates of the week starting on `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addCalendarDays(monday, i));
}

/** The Monday of the week before the one containing `today`. */
export function previousWeekStart(today: string): string {
  return addCalendarDays(weekStartOf(today), -7);
}

/**
 * The week a roll-up request means: the week containing `week`, or last week when none is
 * given; `finished` once its Sunday is over on `today` (a finished week's roll-up is stored, the
 * running week's is computed live).
 */
export function rollupWeek(week: string | undefined, today: string): { weekStart: string; finished: boolean } {
  const weekStart = week ? weekStartOf(week) : previousWeekStart(today);
  return { weekStart, finished: addCalendarDays(weekStart, 7) <= today };
}

export interface RollupPersonInput {
  userId: string;
  name: string;
  departmentName: string | null;
  /** the first day the person's log is due (e.g. the day the account was created); earlier days never count as missing */
  expectedFrom?: string | null;
}

export interface RollupDayInput {
  date: string;
  working: boolean;
}

export interface RollupDay {
  date: string;
  working: boolean;
  visits: number;
  submitted: boolean;
  noVisits: boolean;
  /** a working day with no visit and no "no visits" declaration */
  missing: boolean;
}

export interface RollupPerson extends RollupPersonInput {
  days: RollupDay[];
  totalVisits: number;
  missingDays: number;
}

export interface VisitRollup {
  weekStart: string;
  weekEnd: string;
  days: RollupDayInput[];
  people: RollupPerson[];
  totals: { visits: number; missingDays: number; peopleWithMissingDays: number };
}

/** Builds the roll-up of one week from the visit counts and the submitted day logs. */
export function buildVisitRollup(input: {
  weekStart: string;
  days: readonly RollupDayInput[];
  people: readonly RollupPersonInput[];
  visits: ReadonlyArray<{ userId: string; date: string; count: number }>;
  logDays: ReadonlyArray<{ userId: string; date: string; submitted: boolean; noVisits: boolean }>;
}): VisitRollup {
  const visitCount = new Map<string, number>();
  for (const v of input.visits) visitCount.set(`${v.userId}/${v.date}`, (visitCount.get(`${v.userId}/${v.date}`) ?? 0) + v.count);
  const logs = new Map(input.logDays.map((l) => [`${l.userId}/${l.date}`, l]));
  const people: RollupPerson[] = input.people.map((p) => {
    const days = input.days.map((d): RollupDay => {
      const visits = visitCount.get(`${p.userId}/${d.date}`) ?? 0;
      const log = logs.get(`${p.userId}/${d.date}`);
      const noVisits = Boolean(log?.submitted && log.noVisits);
      return {
        date: d.date,
        working: d.working,
        visits,
        submitted: Boolean(log?.submitted) || visits > 0,
        noVisits,
        missing: d.working && visits === 0 && !noVisits && (!p.expectedFrom || d.date >= p.expectedFrom),
      };
    });
    return {
      userId: p.userId,
      name: p.name,
      departmentName: p.departmentName,
      days,
      totalVisits: days.reduce((s, d) => s + d.visits, 0),
      missingDays: days.filter((d) => d.missing).length,
    };
  });
  const last = input.days[input.days.length - 1];
  return {
    weekStart: input.weekStart,
    weekEnd: last?.date ?? input.weekStart,
    days: [...input.days],
    people,
    totals: {
      visits: people.reduce((s, p) => s + p.totalVisits, 0),
      missingDays: people.reduce((s, p) => s + p.missingDays, 0),
      peopleWithMissingDays: people.filter((p) => p.missingDays > 0).length,
    },
  };
}
