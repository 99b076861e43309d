import { describe, expect, it } from 'vitest';
import { dayState, monthCells, nextDayState } from './calendar-days.ts';

describe('calendar day states', () => {
  it('cycles a weekday between working day and holiday, a weekend day through make-up working day', () => {
    expect(nextDayState('2026-11-23', 'normal')).toBe('holiday');
    expect(nextDayState('2026-11-23', 'holiday')).toBe('normal');
    expect(nextDayState('2026-11-22', 'weekend')).toBe('workday');
    expect(nextDayState('2026-11-22', 'workday')).toBe('holiday');
    expect(nextDayState('2026-11-22', 'holiday')).toBe('weekend');
  });

  it('reads the state from the sets', () => {
    const h = new Set(['2026-02-16']);
    const w = new Set(['2026-02-14']);
    expect(dayState('2026-02-16', h, w)).toBe('holiday');
    expect(dayState('2026-02-14', h, w)).toBe('workday');
    expect(dayState('2026-02-15', h, w)).toBe('weekend');
    expect(dayState('2026-02-13', h, w)).toBe('normal');
  });

  it('lays a month out Monday first', () => {
    const feb = monthCells(2026, 2); // 2026-02-01 is a Sunday
    expect(feb.slice(0, 7)).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(feb[feb.length - 1]).toBe('2026-02-28');
    expect(monthCells(2024, 2).filter(Boolean)).toHaveLength(29);
  });
});
