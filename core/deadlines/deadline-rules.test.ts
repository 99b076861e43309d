import { describe, expect, it } from 'vitest';
import { CN_SCHEDULES } from '../calendar/cn-holidays.ts';
import { buildCalendar, expandPeriods, toShanghaiIso } from '../calendar/working-calendar.ts';
import {
  computeSchedule,
  DEADLINE_STATES,
  dueEvents,
  escalationTargets,
  firstCheckAt,
  latenessWorkingDays,
  nextEventAt,
  nextState,
  outcomeOf,
  pausedTime,
  subtractWorkingDays,
  subtractWorkingHours,
  tickingState,
  withCalendarFallback,
  type DeadlineAction,
  type DeadlineTerms,
} from './deadline-rules.ts';

const cal = buildCalendar(CN_SCHEDULES.map((s) => ({ year: s.year, holidays: expandPeriods(s.off), workdays: s.workdays })));
const at = (iso: string) => new Date(iso);
const iso = (d: Date | null | undefined) => (d ? toShanghaiIso(d) : null);

const terms = (over: Partial<DeadlineTerms> = {}): DeadlineTerms => ({
  kind: 'working_days',
  amount: 2,
  toleranceWorkingDays: 0,
  remindBefore: [],
  escalate: false,
  escalationIntervalWorkingDays: 1,
  ...over,
});

describe('due time', () => {
  it('working days: close of business of the Nth working day after the start day', () => {
    const s = computeSchedule(cal, terms({ amount: 2 }), at('2026-02-13T10:00:00+08:00'));
    expect(iso(s.dueAt)).toBe('2026-02-24T18:00:00+08:00'); // over the Spring Festival, the 14th is a 调休 Saturday
    expect(iso(s.breachAt)).toBe('2026-02-24T18:00:00+08:00');
  });

  it('seed 003 proposal tolerance: breached only after 2 extra working days', () => {
    const s = computeSchedule(cal, terms({ amount: 10, toleranceWorkingDays: 2 }), at('2026-09-24T15:00:00+08:00'));
    // 25-27 中秋, 10-01..07 国庆, 9-20 and 10-10 worked Saturdays/Sundays
    expect(iso(s.dueAt)).toBe('2026-10-15T18:00:00+08:00');
    expect(iso(s.breachAt)).toBe('2026-10-19T18:00:00+08:00');
  });

  it('working hours and calendar days', () => {
    expect(iso(computeSchedule(cal, terms({ kind: 'working_hours', amount: 2 }), at('2026-02-13T16:00:00+08:00')).dueAt)).toBe(
      '2026-02-13T18:00:00+08:00',
    );
    expect(iso(computeSchedule(cal, terms({ kind: 'working_hours', amount: 3 }), at('2026-02-13T16:00:00+08:00')).dueAt)).toBe(
      '2026-02-14T10:00:00+08:00',
    );
    expect(iso(computeSchedule(cal, terms({ kind: 'calendar_days', amount: 3 }), at('2026-02-13T16:00:00+08:00')).dueAt)).toBe(
      '2026-02-16T16:00:00+08:00',
    );
  });

  it('a pause pushes the due time out by the paused working time', () => {
    const t = terms({ amount: 5, toleranceWorkingDays: 1 });
    const start = at('2026-11-20T11:00:00+08:00');
    expect(iso(computeSchedule(cal, t, start).dueAt)).toBe('2026-11-27T18:00:00+08:00');
    const p = pausedTime(cal, at('2026-11-23T10:00:00+08:00'), at('2026-11-24T10:00:00+08:00'));
    expect(p).toEqual({ workingMs: 9 * 3_600_000, wallMs: 24 * 3_600_000 });
    const s = computeSchedule(cal, t, start, p);
    expect(iso(s.dueAt)).toBe('2026-11-30T18:00:00+08:00');
    expect(iso(s.breachAt)).toBe('2026-12-01T18:00:00+08:00');
    // a weekend pause costs nothing; a calendar-day deadline loses wall time
    expect(pausedTime(cal, at('2026-11-21T09:00:00+08:00'), at('2026-11-22T20:00:00+08:00')).workingMs).toBe(0);
    const c = computeSchedule(cal, terms({ kind: 'calendar_days', amount: 1 }), start, p);
    expect(iso(c.dueAt)).toBe('2026-11-22T11:00:00+08:00');
  });

  it('fills a missing year provisionally (weekends only) and says which', () => {
    const r = withCalendarFallback(cal, (c) => computeSchedule(c, terms({ amount: 5 }), at('2026-12-28T10:00:00+08:00')));
    expect(r.missingYears).toEqual([2027]);
    expect(iso(r.value.dueAt)).toBe('2027-01-04T18:00:00+08:00');
    const ok = withCalendarFallback(cal, (c) => computeSchedule(c, terms({ amount: 1 }), at('2026-12-28T10:00:00+08:00')));
    expect(ok.missingYears).toEqual([]);
  });
});

describe('reminders', () => {
  it('go back over working hours and working days', () => {
    const due = at('2026-02-24T18:00:00+08:00');
    expect(iso(subtractWorkingHours(cal, due, 2))).toBe('2026-02-24T16:00:00+08:00');
    expect(iso(subtractWorkingHours(cal, due, 10))).toBe('2026-02-14T17:00:00+08:00');
    expect(iso(subtractWorkingDays(cal, due, 1))).toBe('2026-02-14T18:00:00+08:00');
    const lunch = buildCalendar(
      [{ year: 2026, holidays: [], workdays: [] }],
      [
        [540, 720],
        [780, 1080],
      ],
    );
    expect(iso(subtractWorkingHours(lunch, at('2026-11-23T14:00:00+08:00'), 2))).toBe('2026-11-23T11:00:00+08:00');
  });

  it('are kept only between the start and the due time, ascending and unique', () => {
    const s = computeSchedule(
      cal,
      terms({
        amount: 3,
        remindBefore: [
          { amount: 1, unit: 'working_days' },
          { amount: 4, unit: 'working_hours' },
          { amount: 1, unit: 'calendar_days' }, // same instant as 1 working day here
          { amount: 10, unit: 'working_days' }, // before the start: dropped
        ],
      }),
      at('2026-11-23T10:00:00+08:00'),
    );
    expect(iso(s.dueAt)).toBe('2026-11-26T18:00:00+08:00');
    expect(s.reminderAts.map(iso)).toEqual(['2026-11-25T18:00:00+08:00', '2026-11-26T14:00:00+08:00']);
  });
});

describe('events and sweep timing', () => {
  const d = {
    state: 'running' as const,
    dueAt: at('2026-11-26T18:00:00+08:00'),
    breachAt: at('2026-11-30T18:00:00+08:00'),
    reminderAts: [at('2026-11-25T18:00:00+08:00'), at('2026-11-26T14:00:00+08:00')],
    escalate: true,
    escalation2At: at('2026-12-01T18:00:00+08:00'),
  };

  it('names the events due, once per kind, skipping stale ones after downtime', () => {
    expect(dueEvents(d, at('2026-11-24T00:00:00+08:00'))).toEqual([]);
    expect(dueEvents(d, at('2026-11-25T18:00:00+08:00'))).toEqual(['reminder_1']);
    expect(dueEvents(d, at('2026-11-26T15:00:00+08:00'))).toEqual(['reminder_2']);
    expect(dueEvents(d, at('2026-11-27T09:00:00+08:00'))).toEqual(['overdue']);
    expect(dueEvents(d, at('2026-11-30T18:00:00+08:00'))).toEqual(['breach', 'escalation_1']);
    expect(dueEvents(d, at('2027-03-01T00:00:00+08:00'))).toEqual(['breach', 'escalation_1', 'escalation_2']);
    expect(dueEvents({ ...d, state: 'paused' }, at('2027-03-01T00:00:00+08:00'))).toEqual([]);
    expect(dueEvents({ ...d, escalate: false }, at('2027-03-01T00:00:00+08:00'))).toEqual(['breach']);
  });

  it('knows when to look next', () => {
    expect(iso(nextEventAt(d, at('2026-11-24T00:00:00+08:00')))).toBe('2026-11-25T18:00:00+08:00');
    expect(iso(nextEventAt(d, at('2026-11-25T18:00:00+08:00')))).toBe('2026-11-26T14:00:00+08:00');
    expect(iso(nextEventAt(d, at('2026-11-26T14:00:00+08:00')))).toBe('2026-11-26T18:00:00+08:00');
    expect(iso(nextEventAt(d, at('2026-11-28T00:00:00+08:00')))).toBe('2026-11-30T18:00:00+08:00');
    expect(iso(nextEventAt(d, at('2026-12-01T18:00:00+08:00')))).toBeNull();
    // without tolerance the due time is the breach; no separate "overdue"
    const tight = { ...d, breachAt: d.dueAt, escalate: false };
    expect(iso(nextEventAt(tight, at('2026-11-26T15:00:00+08:00')))).toBe('2026-11-26T18:00:00+08:00');
    expect(dueEvents({ ...tight, state: 'running' }, d.dueAt)).toEqual(['breach']);
    expect(iso(firstCheckAt(d, at('2026-11-20T00:00:00+08:00')))).toBe('2026-11-25T18:00:00+08:00');
    expect(iso(firstCheckAt(d, at('2026-11-27T00:00:00+08:00')))).toBe('2026-11-27T00:00:00+08:00');
    expect(tickingState(d, at('2026-11-30T17:59:00+08:00'))).toBe('running');
    expect(tickingState(d, at('2026-11-30T18:00:00+08:00'))).toBe('breached');
  });

  it('escalates to the manager first, then the department head', () => {
    expect(escalationTargets(1, { ownerUserId: 'o', managerUserId: 'm', departmentHeadUserId: 'h' })).toEqual(['m']);
    expect(escalationTargets(2, { ownerUserId: 'o', managerUserId: 'm', departmentHeadUserId: 'h' })).toEqual(['h']);
    expect(escalationTargets(1, { ownerUserId: 'o', managerUserId: null, departmentHeadUserId: 'h' })).toEqual(['h']);
    expect(escalationTargets(2, { ownerUserId: 'o', managerUserId: null, departmentHeadUserId: 'h' })).toEqual([]);
    expect(escalationTargets(2, { ownerUserId: 'o', managerUserId: 'h', departmentHeadUserId: 'h' })).toEqual([]);
    expect(escalationTargets(1, { ownerUserId: 'h', managerUserId: null, departmentHeadUserId: 'h' })).toEqual([]);
  });
});

describe('states and outcomes', () => {
  it('transitions are defined for every state and action', () => {
    const actions: DeadlineAction[] = ['complete', 'cancel', 'pause', 'resume', 'breach'];
    const table = Object.fromEntries(DEADLINE_STATES.map((s) => [s, actions.map((a) => nextState(s, a))]));
    expect(table).toEqual({
      running: ['met', 'cancelled', 'paused', null, 'breached'],
      paused: ['met', 'cancelled', null, 'running', null],
      breached: ['met', 'cancelled', 'paused', null, null],
      met: [null, null, null, null, null],
      cancelled: [null, null, null, null, null],
    });
  });

  it('lateness counts started working days after the due time', () => {
    const due = at('2026-11-27T18:00:00+08:00');
    expect(latenessWorkingDays(cal, due, at('2026-11-27T17:00:00+08:00'))).toBe(0);
    expect(latenessWorkingDays(cal, due, at('2026-11-27T19:00:00+08:00'))).toBe(1);
    expect(latenessWorkingDays(cal, due, at('2026-11-30T10:00:00+08:00'))).toBe(1);
    expect(latenessWorkingDays(cal, due, at('2026-11-30T18:00:00+08:00'))).toBe(1);
    expect(latenessWorkingDays(cal, due, at('2026-12-01T17:00:00+08:00'))).toBe(2);
  });

  it('classifies for the SLA statistics', () => {
    const base = { dueAt: at('2026-11-27T18:00:00+08:00'), breachAt: at('2026-12-01T18:00:00+08:00') };
    const now = at('2026-12-10T00:00:00+08:00');
    expect(outcomeOf({ ...base, state: 'met', completedAt: at('2026-11-27T18:00:00+08:00') }, now)).toBe('on_time');
    expect(outcomeOf({ ...base, state: 'met', completedAt: at('2026-11-30T09:00:00+08:00') }, now)).toBe('late');
    expect(outcomeOf({ ...base, state: 'met', completedAt: at('2026-12-02T09:00:00+08:00') }, now)).toBe('breached');
    expect(outcomeOf({ ...base, state: 'breached', completedAt: null }, now)).toBe('breached');
    expect(outcomeOf({ ...base, state: 'running', completedAt: null }, at('2026-11-30T00:00:00+08:00'))).toBe('open_overdue');
    expect(outcomeOf({ ...base, state: 'paused', completedAt: null }, at('2026-11-20T00:00:00+08:00'))).toBe('open');
    expect(outcomeOf({ ...base, state: 'paused', completedAt: null, pausedAt: at('2026-11-25T00:00:00+08:00') }, now)).toBe('open');
    expect(outcomeOf({ ...base, state: 'cancelled', completedAt: null }, now)).toBe('cancelled');
  });
});
