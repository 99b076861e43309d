import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatDateTimeSeconds, formatMoney } from './format.ts';

describe('formatDateTime', () => {
  test('shows China Standard Time whatever the input zone', () => {
    expect(formatDateTime('2025-03-01T06:05:09Z')).toBe('2025-03-01 14:05');
    expect(formatDateTime('2025-12-31T16:30:00Z')).toBe('2026-01-01 00:30');
    expect(formatDateTime(new Date('2025-03-01T14:05:00+08:00'))).toBe('2025-03-01 14:05');
  });

  test('empty and invalid values show a dash', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });

  test('date only and with seconds', () => {
    expect(formatDate('2025-12-31T16:30:00Z')).toBe('2026-01-01');
    expect(formatDateTimeSeconds('2025-03-01T06:05:09Z')).toBe('2025-03-01 14:05:09');
  });
});

describe('formatMoney', () => {
  test('integer fen as yuan with grouping and two decimals', () => {
    expect(formatMoney(0)).toBe('¥0.00');
    expect(formatMoney(5)).toBe('¥0.05');
    expect(formatMoney(123456789)).toBe('¥1,234,567.89');
    expect(formatMoney(-100050)).toBe('-¥1,000.50');
  });

  test('bigint amounts beyond 2^53 stay exact', () => {
    expect(formatMoney(900719925474099312n)).toBe('¥9,007,199,254,740,993.12');
  });

  test('missing amounts show a dash', () => {
    expect(formatMoney(null)).toBe('—');
  });
});
