import { describe, expect, it } from 'vitest';
import { CN_SCHEDULES } from './cn-holidays.ts';
import {
  addWorkingDays,
  addWorkingHours,
  buildCalendar,
  CalendarYearMissingError,
  expandPeriods,
  isWorkingDay,
  toShanghaiIso,
  workingDaysBetween,
  workingHoursBetween,
} from './working-calendar.ts';

const cal = buildCalendar(CN_SCHEDULES.map((s) => ({ year: s.year, holidays: expandPeriods(s.off), workdays: s.workdays })));

describe('working-day calendar (2025–2026 State Council schedules)', () => {
  it('knows weekends, holidays and make-up working days', () => {
    expect(isWorkingDay(cal, '2026-02-13')).toBe(true); // Friday
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay(cal, '2026-02-15')).toBe(false); // Spring Festival
    expect(isWorkingDay(cal, '2026-02-23')).toBe(false); // Monday, still holiday
    expect(isWorkingDay(cal, '2026-02-24')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-28')).toBe(true); // Saturday 调休
    expect(isWorkingDay(cal, '2026-03-01')).toBe(false); // Sunday
    expect(isWorkingDay(cal, '2025-10-08')).toBe(false);
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true);
  });

  it("adds working days from the day after the start (the issue's example)", () => {
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(cal, '2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays(cal, '2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkingDays(cal, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(cal, '2026-11-20', 0)).toBe('2026-11-20');
    expect(addWorkingDays(cal, '2026-11-20', 5)).toBe('2026-11-27');
  });

  it('counts working days after `from` up to and including `to`', () => {
    expect(workingDaysBetween(cal, '2026-02-13', '2026-02-24')).toBe(2);
    expect(workingDaysBetween(cal, '2026-02-24', '2026-02-13')).toBe(-2);
    expect(workingDaysBetween(cal, '2026-01-31', '2026-02-28')).toBe(16); // Feb 2026: 20 weekdays − 6 holiday weekdays + 2 make-up Saturdays
  });

  it('each published year has the working days the notice implies', () => {
    // 2025: 261 weekdays − 18 weekday holidays + 5 make-up days = 248
    expect(workingDaysBetween(cal, '2024-12-31', '2025-12-31')).toBe(248);
    // 2026: 261 weekdays − 19 weekday holidays + 6 make-up days = 248
    expect(workingDaysBetween(cal, '2025-12-31', '2026-12-31')).toBe(248);
  });

  it('refuses a year without a schedule, naming it', () => {
    expect(() => isWorkingDay(cal, '2027-03-01')).toThrow(CalendarYearMissingError);
    expect(() => addWorkingDays(cal, '2026-12-30', 5)).toThrow(/2027/);
  });

  it('adds working hours inside 09:00–18:00 Asia/Shanghai', () => {
    const fri = new Date('2026-02-13T16:00:00+08:00');
    expect(toShanghaiIso(addWorkingHours(cal, fri, 2))).toBe('2026-02-13T18:00:00+08:00');
    expect(toShanghaiIso(addWorkingHours(cal, fri, 3))).toBe('2026-02-14T10:00:00+08:00');
    expect(toShanghaiIso(addWorkingHours(cal, new Date('2026-02-14T17:00:00+08:00'), 2))).toBe('2026-02-24T10:00:00+08:00');
    expect(toShanghaiIso(addWorkingHours(cal, new Date('2026-11-23T07:30:00+08:00'), 1.5))).toBe('2026-11-23T10:30:00+08:00');
    expect(toShanghaiIso(addWorkingHours(cal, new Date('2026-11-23T20:00:00+08:00'), 1))).toBe('2026-11-24T10:00:00+08:00');
    const lunch = buildCalendar(
      [{ year: 2026, holidays: [], workdays: [] }],
      [
        [540, 720],
        [780, 1080],
      ],
    );
    expect(toShanghaiIso(addWorkingHours(lunch, new Date('2026-11-23T11:00:00+08:00'), 2))).toBe('2026-11-23T14:00:00+08:00');
  });

  it('measures working hours between instants', () => {
    expect(workingHoursBetween(cal, new Date('2026-02-13T16:00:00+08:00'), new Date('2026-02-24T10:00:00+08:00'))).toBe(2 + 9 + 1);
  });
});
