import type { DeadlineKind, ReminderUnit } from './deadline-api.ts';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** "5 个工作日" / "2 working hours". */
export function amountText(t: T, kind: DeadlineKind | ReminderUnit, amount: number): string {
  return t(`deadlines.unit.${kind}`, { count: amount });
}

/** On-time rate as a percentage with one decimal, or — . */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
