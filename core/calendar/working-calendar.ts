/**
 * The Chinese working-day calendar: weekends, statutory holidays and make-up working days
 * (调休), plus working hours for hour-based deadlines. Pure functions over plain data; the
 * server loads the years from the database, the UI uses the same functions to explain dates.
 *
 * Dates are `YYYY-MM-DD` strings (calendar days in Asia/Shanghai). Instants are JS Dates;
 * Asia/Shanghai has been a fixed UTC+08:00 without daylight saving since 1991, so local wall
 * time is the instant shifted by eight hours.
 */
export interface CalendarYearData {
  year: number;
  /** days off that would otherwise be working days (and holiday weekends, harmlessly) */
  holidays: ReadonlySet<string>;
  /** weekend days that are working days (调休上班) */
  workdays: ReadonlySet<string>;
}

/** Working periods of a working day, minutes after midnight, e.g. [[540, 1080]] = 09:00–18:00. */
export type WorkingHours = ReadonlyArray<readonly [number, number]>;

export interface WorkingCalendar {
  years: ReadonlyMap<number, CalendarYearData>;
  hours: WorkingHours;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = [[9 * 60, 18 * 60]];
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** Guards against unbounded loops on absurd input (about 40 years of days). */
const MAX_STEPS = 15_000;

export class CalendarYearMissingError extends Error {
  readonly year: number;
  constructor(year: number) {
    super(`No working-day schedule has been entered for ${year}`);
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function toUtcMidnight(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtcMidnight(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);
}

/** Builds a calendar from schedules (weekends are implicit). */
export function buildCalendar(
  schedules: ReadonlyArray<{ year: number; holidays: readonly string[]; workdays: readonly string[] }>,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
): WorkingCalendar {
  const years = new Map<number, CalendarYearData>();
  for (const s of schedules) years.set(s.year, { year: s.year, holidays: new Set(s.holidays), workdays: new Set(s.workdays) });
  return { years, hours };
}

/** Expands `{from, to}` holiday periods into single dates. */
export function expandPeriods(periods: ReadonlyArray<{ from: string; to: string }>): string[] {
  const out: string[] = [];
  for (const p of periods) {
    for (let d = p.from, i = 0; d <= p.to && i < 400; d = addCalendarDays(d, 1), i++) out.push(d);
  }
  return out;
}

/** Is this date a working day? Throws CalendarYearMissingError for a year without a schedule. */
export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  const year = Number(date.slice(0, 4));
  const data = cal.years.get(year);
  if (!data) throw new CalendarYearMissingError(year);
  if (data.workdays.has(date)) return true;
  if (data.holidays.has(date)) return false;
  const dow = new Date(toUtcMidnight(date)).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * The end of the Nth working day after `start` (start itself not counted): the date on which
 * a deadline of N working days falls. N = 0 returns `start`.
 */
export function addWorkingDays(cal: WorkingCalendar, start: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  let d = start;
  toUtcMidnight(start);
  let left = days;
  for (let i = 0; left > 0; i++) {
    if (i > MAX_STEPS) throw new RangeError('working-day span too large');
    d = addCalendarDays(d, 1);
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (negative when `to` is before `from`). */
export function workingDaysBetween(cal: WorkingCalendar, from: string, to: string): number {
  const a = toUtcMidnight(from);
  const b = toUtcMidnight(to);
  if (b === a) return 0;
  const sign = b > a ? 1 : -1;
  const [lo, hi] = sign > 0 ? [from, to] : [to, from];
  let n = 0;
  let d = lo;
  for (let i = 0; d < hi; i++) {
    if (i > MAX_STEPS) throw new RangeError('working-day span too large');
    d = addCalendarDays(d, 1);
    if (isWorkingDay(cal, d)) n++;
  }
  return sign * n;
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a Shanghai wall-clock time (minutes after midnight) on a date. */
export function shanghaiInstant(date: string, minutes: number): Date {
  return new Date(toUtcMidnight(date) + minutes * 60_000 - OFFSET_MS);
}

/**
 * Adds N working hours to an instant: time only runs inside working hours of working days.
 * Starting outside working hours counts from the next working period. Fractions allowed.
 */
export function addWorkingHours(cal: WorkingCalendar, start: Date, hours: number): Date {
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError('hours must be a non-negative number');
  if (hours === 0) return start;
  let remaining = Math.round(hours * 60 * 60_000); // ms
  let date = shanghaiDate(start);
  let cursorMin = (start.getTime() + OFFSET_MS - toUtcMidnight(date)) / 60_000; // may be fractional
  for (let i = 0; i <= MAX_STEPS; i++) {
    if (isWorkingDay(cal, date)) {
      for (const [from, to] of cal.hours) {
        if (cursorMin >= to) continue;
        const begin = Math.max(cursorMin, from);
        const availableMs = (to - begin) * 60_000;
        if (remaining <= availableMs) {
          return new Date(toUtcMidnight(date) + begin * 60_000 + remaining - OFFSET_MS);
        }
        remaining -= availableMs;
        cursorMin = to;
      }
    }
    date = addCalendarDays(date, 1);
    cursorMin = 0;
  }
  throw new RangeError('working-hour span too large');
}

/** Working time (in hours) between two instants, counting only working hours of working days. */
export function workingHoursBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  let ms = 0;
  let date = shanghaiDate(from);
  const lastDate = shanghaiDate(to);
  for (let i = 0; date <= lastDate; i++) {
    if (i > MAX_STEPS) throw new RangeError('working-hour span too large');
    if (isWorkingDay(cal, date)) {
      for (const [a, b] of cal.hours) {
        const s = Math.max(shanghaiInstant(date, a).getTime(), from.getTime());
        const e = Math.min(shanghaiInstant(date, b).getTime(), to.getTime());
        if (e > s) ms += e - s;
      }
    }
    date = addCalendarDays(date, 1);
  }
  return ms / 3_600_000;
}

/** Formats an instant as ISO 8601 with the +08:00 offset. */
export function toShanghaiIso(instant: Date): string {
  const local = new Date(instant.getTime() + OFFSET_MS).toISOString(); // ...Z in local wall time
  return `${local.slice(0, 19)}+08:00`;
}

/** Parses "HH:mm" into minutes after midnight. */
export function parseClock(value: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!m) throw new RangeError(`Not a time: ${value}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
