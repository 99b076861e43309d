import { shanghaiDate } from '../../../core/calendar/working-calendar.ts';
import { mondayOf } from '../../../core/projects/rules.ts';

/** The Monday (YYYY-MM-DD) of the requested week (any day of it), or of the current week in Shanghai. */
export function weekOf(now: Date, week: string | undefined): string {
  return mondayOf(week ?? shanghaiDate(now));
}
