/**
 * The deadline engine's rules (时限): when a timed step is due, when it counts as breached,
 * when reminders and escalations fire, how states change, how late a completion was. Pure
 * functions over the working calendar; the server stores what they compute and a sweep fires
 * the events they name.
 */
import {
  addCalendarDays,
  addWorkingDays,
  addWorkingHours,
  CalendarYearMissingError,
  isWorkingDay,
  shanghaiDate,
  shanghaiInstant,
  workingHoursBetween,
  type WorkingCalendar,
  type WorkingHours,
} from '../calendar/working-calendar.ts';

export const DEADLINE_KINDS = ['working_days', 'working_hours', 'calendar_days'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const REMINDER_UNITS = ['working_hours', 'working_days', 'calendar_days'] as const;
export type ReminderUnit = (typeof REMINDER_UNITS)[number];
export interface ReminderSpec {
  amount: number;
  unit: ReminderUnit;
}

export const DEADLINE_STATES = ['running', 'paused', 'met', 'breached', 'cancelled'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];
/** States in which a deadline is still open (at most one open deadline per subject step). */
export const OPEN_STATES = ['running', 'paused', 'breached'] as const satisfies readonly DeadlineState[];
/** States the sweep looks at (a paused deadline's clock stands still). */
export const TICKING_STATES = ['running', 'breached'] as const satisfies readonly DeadlineState[];

export type DeadlineAction = 'complete' | 'cancel' | 'pause' | 'resume' | 'breach';

/** What a deadline runs on: a snapshot of its policy taken when it starts. */
export interface DeadlineTerms {
  kind: DeadlineKind;
  amount: number;
  /** extra working days after the due time before the deadline counts as breached (seed 003: 2) */
  toleranceWorkingDays: number;
  remindBefore: readonly ReminderSpec[];
  escalate: boolean;
  /** working days between the first escalation (manager, at the breach) and the second (department head) */
  escalationIntervalWorkingDays: number;
}

export interface DeadlineSchedule {
  dueAt: Date;
  breachAt: Date;
  /** reminder times, ascending, all after the start and before the due time */
  reminderAts: Date[];
  /** the second escalation (department head); null when the policy does not escalate */
  escalation2At: Date | null;
}

export type DeadlineEventKind = 'overdue' | 'breach' | 'escalation_1' | 'escalation_2' | `reminder_${number}`;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The next state for an action, or null when the action does not apply in this state (the
 * caller treats that as "nothing to do"). Closed states accept nothing.
 */
export function nextState(state: DeadlineState, action: DeadlineAction): DeadlineState | null {
  switch (state) {
    case 'running':
      return fromRunning(action);
    case 'paused':
      return fromPaused(action);
    case 'breached':
      return fromBreached(action);
    case 'met':
    case 'cancelled':
      return null;
  }
}

function fromRunning(action: DeadlineAction): DeadlineState | null {
  switch (action) {
    case 'complete':
      return 'met';
    case 'cancel':
      return 'cancelled';
    case 'pause':
      return 'paused';
    case 'resume':
      return null;
    case 'breach':
      return 'breached';
  }
}

function fromPaused(action: DeadlineAction): DeadlineState | null {
  switch (action) {
    case 'complete':
      return 'met';
    case 'cancel':
      return 'cancelled';
    case 'pause':
      return null;
    case 'resume':
      return 'running';
    case 'breach':
      return null; // paused time does not count
  }
}

function fromBreached(action: DeadlineAction): DeadlineState | null {
  switch (action) {
    case 'complete':
      return 'met';
    case 'cancel':
      return 'cancelled';
    case 'pause':
      return 'paused';
    case 'resume':
      return null;
    case 'breach':
      return null;
  }
}

export function isOpenState(state: DeadlineState): boolean {
  return (OPEN_STATES as readonly DeadlineState[]).includes(state);
}

/** Length of one working day in ms (09:00–18:00 → 9 h). */
export function workingDayMs(hours: WorkingHours): number {
  const minutes = hours.reduce((sum, [a, b]) => sum + (b - a), 0);
  return (minutes > 0 ? minutes : 24 * 60) * 60_000;
}

/** Close of business on a date: the end of its last working period (18:00 by default). */
export function endOfWorkingDay(cal: WorkingCalendar, date: string): Date {
  const last = cal.hours[cal.hours.length - 1];
  return shanghaiInstant(date, last ? last[1] : 24 * 60);
}

/** Adds working time given in ms (inside working hours of working days). */
export function addWorkingMs(cal: WorkingCalendar, start: Date, ms: number): Date {
  if (ms <= 0) return start;
  return addWorkingHours(cal, start, ms / HOUR_MS);
}

/** Working time between two instants in whole ms. */
export function workingMsBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  return Math.round(workingHoursBetween(cal, from, to) * HOUR_MS);
}

/** Goes back N working hours from an instant (only working periods of working days count). */
export function subtractWorkingHours(cal: WorkingCalendar, end: Date, hours: number): Date {
  let remaining = Math.round(hours * HOUR_MS);
  if (remaining <= 0) return end;
  let date = shanghaiDate(end);
  let cursor = end.getTime() - shanghaiInstant(date, 0).getTime(); // ms after local midnight
  for (let i = 0; i < 15_000; i++) {
    if (isWorkingDay(cal, date)) {
      for (let p = cal.hours.length - 1; p >= 0; p--) {
        const period = cal.hours[p];
        if (!period) continue;
        const from = period[0] * 60_000;
        const to = period[1] * 60_000;
        if (cursor <= from) continue;
        const stop = Math.min(cursor, to);
        const available = stop - from;
        if (remaining <= available) return new Date(shanghaiInstant(date, 0).getTime() + stop - remaining);
        remaining -= available;
        cursor = from;
      }
    }
    date = addCalendarDays(date, -1);
    cursor = DAY_MS;
  }
  throw new RangeError('working-hour span too large');
}

/** The same wall-clock time N working days earlier (the date stepped back over working days). */
export function subtractWorkingDays(cal: WorkingCalendar, end: Date, days: number): Date {
  let date = shanghaiDate(end);
  const timeOfDay = end.getTime() - shanghaiInstant(date, 0).getTime();
  for (let left = days, i = 0; left > 0; i++) {
    if (i > 15_000) throw new RangeError('working-day span too large');
    date = addCalendarDays(date, -1);
    if (isWorkingDay(cal, date)) left--;
  }
  return new Date(shanghaiInstant(date, 0).getTime() + timeOfDay);
}

/** When a deadline of `amount` units started at `startedAt` falls due (before any pause). */
export function baseDueAt(cal: WorkingCalendar, kind: DeadlineKind, amount: number, startedAt: Date): Date {
  switch (kind) {
    case 'working_days':
      // Due at close of business of the Nth working day after the start day.
      return endOfWorkingDay(cal, addWorkingDays(cal, shanghaiDate(startedAt), amount));
    case 'working_hours':
      return addWorkingHours(cal, startedAt, amount);
    case 'calendar_days':
      return new Date(startedAt.getTime() + amount * DAY_MS);
  }
}

/** A reminder time: `spec` before the due time. */
export function reminderAt(cal: WorkingCalendar, dueAt: Date, spec: ReminderSpec): Date {
  switch (spec.unit) {
    case 'working_hours':
      return subtractWorkingHours(cal, dueAt, spec.amount);
    case 'working_days':
      return subtractWorkingDays(cal, dueAt, spec.amount);
    case 'calendar_days':
      return new Date(dueAt.getTime() - spec.amount * DAY_MS);
  }
}

/**
 * Due time, breach time (due + tolerance), reminder times and the second escalation. Paused
 * time pushes everything out: working time for working-day/hour deadlines, wall time for
 * calendar-day ones.
 */
export function computeSchedule(
  cal: WorkingCalendar,
  terms: DeadlineTerms,
  startedAt: Date,
  paused: { workingMs: number; wallMs: number } = { workingMs: 0, wallMs: 0 },
): DeadlineSchedule {
  const base = baseDueAt(cal, terms.kind, terms.amount, startedAt);
  const dueAt = terms.kind === 'calendar_days' ? new Date(base.getTime() + paused.wallMs) : addWorkingMs(cal, base, paused.workingMs);
  const dayMs = workingDayMs(cal.hours);
  const breachAt = terms.toleranceWorkingDays > 0 ? addWorkingMs(cal, dueAt, terms.toleranceWorkingDays * dayMs) : dueAt;
  const times = new Map<number, Date>();
  for (const spec of terms.remindBefore) {
    if (!(spec.amount > 0)) continue;
    const at = reminderAt(cal, dueAt, spec);
    if (at.getTime() > startedAt.getTime() && at.getTime() < dueAt.getTime()) times.set(at.getTime(), at);
  }
  const reminderAts = [...times.values()].sort((a, b) => a.getTime() - b.getTime());
  const escalation2At = terms.escalate ? addWorkingMs(cal, breachAt, terms.escalationIntervalWorkingDays * dayMs) : null;
  return { dueAt, breachAt, reminderAts, escalation2At };
}

/** Working time a pause took out of the clock (wall time for calendar-day deadlines). */
export function pausedTime(cal: WorkingCalendar, pausedAt: Date, resumedAt: Date): { workingMs: number; wallMs: number } {
  const wallMs = Math.max(0, resumedAt.getTime() - pausedAt.getTime());
  return { workingMs: wallMs > 0 ? workingMsBetween(cal, pausedAt, resumedAt) : 0, wallMs };
}

/**
 * Runs a calendar computation; a year without a schedule is filled in provisionally as
 * "weekends only" and reported, so a business step is never blocked by a missing calendar
 * year. The server marks such deadlines provisional and recomputes them once the year is entered.
 */
export function withCalendarFallback<T>(cal: WorkingCalendar, fn: (cal: WorkingCalendar) => T): { value: T; missingYears: number[] } {
  const missing: number[] = [];
  let current = cal;
  for (let attempt = 0; attempt < 12; attempt++) {
    try {
      return { value: fn(current), missingYears: missing.sort((a, b) => a - b) };
    } catch (e) {
      if (!(e instanceof CalendarYearMissingError) || missing.includes(e.year)) throw e;
      missing.push(e.year);
      const years = new Map(current.years);
      years.set(e.year, { year: e.year, holidays: new Set(), workdays: new Set() });
      current = { years, hours: current.hours };
    }
  }
  throw new RangeError('too many calendar years missing');
}

interface TickingDeadline {
  state: DeadlineState;
  dueAt: Date;
  breachAt: Date;
  reminderAts: readonly Date[];
  escalate: boolean;
  escalation2At: Date | null;
}

/**
 * The events due at `now` for a ticking deadline. After downtime it names each kind once and
 * skips what is stale: only the latest reminder, no reminder once the due time has passed, no
 * "overdue" once the breach has come. The database makes each (deadline, kind) fire once.
 */
export function dueEvents(d: TickingDeadline, now: Date): DeadlineEventKind[] {
  if (d.state !== 'running' && d.state !== 'breached') return [];
  const t = now.getTime();
  const out: DeadlineEventKind[] = [];
  const due = d.dueAt.getTime();
  const breach = d.breachAt.getTime();
  if (t < due) {
    let latest = -1;
    d.reminderAts.forEach((r, i) => {
      if (r.getTime() <= t) latest = i;
    });
    if (latest >= 0) out.push(`reminder_${latest + 1}`);
  }
  if (t >= due && t < breach) out.push('overdue');
  if (t >= breach) {
    out.push('breach');
    if (d.escalate) out.push('escalation_1');
  }
  if (d.escalate && d.escalation2At && t >= d.escalation2At.getTime()) out.push('escalation_2');
  return out;
}

function eventTimes(d: Omit<TickingDeadline, 'state'>): number[] {
  const due = d.dueAt.getTime();
  const breach = d.breachAt.getTime();
  const times = d.reminderAts.map((r) => r.getTime()).filter((r) => r < due);
  if (breach > due) times.push(due);
  times.push(breach);
  if (d.escalate && d.escalation2At) times.push(d.escalation2At.getTime());
  return times;
}

/** The earliest event time strictly after `now` (when the sweep must look again), or null. */
export function nextEventAt(d: Omit<TickingDeadline, 'state'>, now: Date): Date | null {
  const future = eventTimes(d).filter((x) => x > now.getTime());
  return future.length ? new Date(Math.min(...future)) : null;
}

/**
 * When the sweep should look at a deadline whose schedule just changed (start, resume,
 * recompute): at once if some event time has already come, else at the next one.
 */
export function firstCheckAt(d: Omit<TickingDeadline, 'state'>, now: Date): Date | null {
  const times = eventTimes(d);
  if (times.some((x) => x <= now.getTime())) return now;
  return nextEventAt(d, now);
}

/** State of a ticking deadline at `now`: breached once the breach time has come. */
export function tickingState(d: { breachAt: Date }, now: Date): 'running' | 'breached' {
  return now.getTime() >= d.breachAt.getTime() ? 'breached' : 'running';
}

/**
 * Who hears about an escalation: level 1 the owner's manager (or, without one, the head of the
 * owner's department); level 2 the department head, unless that person already heard at
 * level 1 or is the owner. Nobody is escalated to about their own deadline.
 */
export function escalationTargets(
  level: 1 | 2,
  who: { ownerUserId: string; managerUserId: string | null; departmentHeadUserId: string | null },
): string[] {
  const usable = (id: string | null): id is string => id !== null && id !== who.ownerUserId;
  const first = [who.managerUserId, who.departmentHeadUserId].find(usable) ?? null;
  if (level === 1) return first ? [first] : [];
  const head = who.departmentHeadUserId;
  return usable(head) && head !== first ? [head] : [];
}

/**
 * How late a completion was, in working days: 0 when on time; otherwise the working time
 * after the due time rounded up to whole working days, at least 1 (work delivered after
 * close of business counts as delivered on the next working day).
 */
export function latenessWorkingDays(cal: WorkingCalendar, dueAt: Date, completedAt: Date): number {
  if (completedAt.getTime() <= dueAt.getTime()) return 0;
  const late = workingMsBetween(cal, dueAt, completedAt);
  return Math.max(1, Math.ceil(late / workingDayMs(cal.hours) - 1e-9));
}

export type DeadlineOutcome = 'on_time' | 'late' | 'breached' | 'open_overdue' | 'open' | 'cancelled';

/**
 * How a deadline counts in the SLA statistics: met on time (by the due time), met late
 * (within the tolerance), breached (completed after, or still open past, the breach time),
 * open and overdue (within the tolerance), open, or cancelled (not counted). A paused
 * deadline is judged at the moment it was paused.
 */
export function outcomeOf(
  d: { state: DeadlineState; dueAt: Date; breachAt: Date; completedAt: Date | null; pausedAt?: Date | null },
  now: Date,
): DeadlineOutcome {
  switch (d.state) {
    case 'cancelled':
      return 'cancelled';
    case 'met': {
      const at = (d.completedAt ?? now).getTime();
      if (at <= d.dueAt.getTime()) return 'on_time';
      return at <= d.breachAt.getTime() ? 'late' : 'breached';
    }
    case 'running':
    case 'paused':
    case 'breached': {
      // a paused deadline's clock stopped when it was paused
      const at = (d.state === 'paused' && d.pausedAt ? d.pausedAt : now).getTime();
      if (at >= d.breachAt.getTime()) return 'breached';
      return at >= d.dueAt.getTime() ? 'open_overdue' : 'open';
    }
  }
}
