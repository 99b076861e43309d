/** Day states of the year view and how a click moves between them. */
export type DayState = 'normal' | 'weekend' | 'holiday' | 'workday';

export function isWeekend(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

export function dayState(date: string, holidays: ReadonlySet<string>, workdays: ReadonlySet<string>): DayState {
  if (workdays.has(date)) return 'workday';
  if (holidays.has(date)) return 'holiday';
  return isWeekend(date) ? 'weekend' : 'normal';
}

/**
 * The next state on a click: a weekday toggles between working day and 法定节假日; a weekend
 * day goes rest → 调休上班 → 法定节假日 (inside a holiday period) → rest.
 */
export function nextDayState(date: string, current: DayState): DayState {
  if (!isWeekend(date)) return current === 'holiday' ? 'normal' : 'holiday';
  switch (current) {
    case 'weekend':
    case 'normal':
      return 'workday';
    case 'workday':
      return 'holiday';
    case 'holiday':
      return 'weekend';
  }
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The dates of one month as a Monday-first grid (null = blank cell). */
export function monthCells(year: number, month: number): Array<string | null> {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: Array<string | null> = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${pad2(month)}-${pad2(d)}`);
  return cells;
}
