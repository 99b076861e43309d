import { describe, expect, it } from 'vitest';
import { ACTIVITY_REQUIRED_FIELDS, ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES, activityRuleProblems } from './activity-types.ts';
import { buildVisitRollup, previousWeekStart, rollupWeek, weekDates, weekStartOf } from './visit-rollup.ts';

describe('activity types', () => {
  it('every type has a label and required fields', () => {
    for (const t of ACTIVITY_TYPES) {
      expect(ACTIVITY_TYPE_LABELS[t].zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(ACTIVITY_REQUIRED_FIELDS[t].length).toBeGreaterThan(0);
    }
    expect(ACTIVITY_REQUIRED_FIELDS.communication).toEqual(['channel', 'content', 'participants', 'result']);
  });

  it('checks rules across fields', () => {
    expect(activityRuleProblems({ type: 'communication' }).map((p) => p.field)).toEqual(['customerId']);
    expect(activityRuleProblems({ type: 'communication', projectId: 'p' })).toEqual([]);
    const plan = {
      type: 'reception_plan' as const,
      startDate: '2026-03-10',
      endDate: '2026-03-09',
      schedule: [
        { date: '2026-03-10', item: '参观' },
        { date: '2026-03-12', item: '座谈' },
      ],
      budgetFen: 100_00,
      budgetItems: [
        { item: '餐费', amountFen: 60_00 },
        { item: '住宿', amountFen: 30_00 },
      ],
    };
    expect(activityRuleProblems(plan).map((p) => p.field)).toEqual(['endDate', 'schedule.0.date', 'schedule.1.date', 'budgetItems']);
    expect(activityRuleProblems({ ...plan, endDate: '2026-03-12', budgetItems: [{ item: '餐费', amountFen: 100_00 }] })).toEqual([]);
    expect(activityRuleProblems({ type: 'visit' })).toEqual([]);
  });
});

describe('visit roll-up', () => {
  it('computes weeks from Monday', () => {
    expect(weekStartOf('2026-03-11')).toBe('2026-03-09');
    expect(weekStartOf('2026-03-09')).toBe('2026-03-09');
    expect(weekStartOf('2026-03-15')).toBe('2026-03-09');
    expect(previousWeekStart('2026-03-16')).toBe('2026-03-09');
    expect(weekDates('2026-03-09')).toEqual([
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
    ]);
  });

  it('names the week a roll-up request means and whether it is over', () => {
    expect(rollupWeek(undefined, '2026-03-16')).toEqual({ weekStart: '2026-03-09', finished: true });
    expect(rollupWeek('2026-03-11', '2026-03-16')).toEqual({ weekStart: '2026-03-09', finished: true });
    expect(rollupWeek('2026-03-16', '2026-03-16')).toEqual({ weekStart: '2026-03-16', finished: false });
    expect(rollupWeek('2026-03-09', '2026-03-15')).toEqual({ weekStart: '2026-03-09', finished: false });
  });

  it('counts visits per person and day and shows the missing working days', () => {
    const days = weekDates('2026-03-09').map((date, i) => ({ date, working: i < 5 }));
    const r = buildVisitRollup({
      weekStart: '2026-03-09',
      days,
      people: [
        { userId: 'a', name: '孙丽', departmentName: '华东片区' },
        { userId: 'b', name: '赵磊', departmentName: '华北片区' },
      ],
      visits: [
        { userId: 'a', date: '2026-03-09', count: 2 },
        { userId: 'a', date: '2026-03-10', count: 1 },
        { userId: 'a', date: '2026-03-12', count: 1 },
        { userId: 'a', date: '2026-03-13', count: 3 },
        { userId: 'a', date: '2026-03-14', count: 1 },
      ],
      logDays: [
        { userId: 'b', date: '2026-03-09', submitted: true, noVisits: true },
        { userId: 'b', date: '2026-03-10', submitted: false, noVisits: false },
      ],
    });
    const a = r.people[0];
    expect(a?.totalVisits).toBe(8);
    expect(a?.days.filter((d) => d.missing).map((d) => d.date)).toEqual(['2026-03-11']);
    expect(a?.days[5]).toMatchObject({ working: false, visits: 1, missing: false });
    const b = r.people[1];
    expect(b?.missingDays).toBe(4);
    expect(b?.days[0]).toMatchObject({ noVisits: true, submitted: true, missing: false });
    expect(r.totals).toEqual({ visits: 8, missingDays: 5, peopleWithMissingDays: 2 });
    expect(r.weekEnd).toBe('2026-03-15');
  });

  it('does not count days before a person was expected to log', () => {
    const days = weekDates('2026-03-09').map((date, i) => ({ date, working: i < 5 }));
    const r = buildVisitRollup({
      weekStart: '2026-03-09',
      days,
      people: [{ userId: 'n', name: '新人', departmentName: null, expectedFrom: '2026-03-12' }],
      visits: [],
      logDays: [],
    });
    expect(r.people[0]?.days.filter((d) => d.missing).map((d) => d.date)).toEqual(['2026-03-12', '2026-03-13']);
  });
});
