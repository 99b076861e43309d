import { calendarContract } from '../../../core/calendar/calendar.contract.ts';
import { AppError } from '../../../core/errors.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import { requirePermission } from '../../policies/policy.ts';
import { saveCalendarYear } from './commands/save-calendar-year.ts';
import { updateWorkingHours } from './commands/update-working-hours.ts';
import {
  calendarAddWorkingDays,
  calendarAddWorkingHours,
  calendarWorkingDaysBetween,
  getCalendarYear,
  getWorkingHours,
  listCalendarYears,
  previewNotice,
} from './queries/calendar.ts';

/** 工作日历: working-day arithmetic for anyone (a year without a schedule answers 422), and its administration. */
export function calendarRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, calendarContract, {
    addWorkingDays: async ({ ctx, query }) => calendarAddWorkingDays(ctx.db, query.start, query.days),
    workingDaysBetween: async ({ ctx, query }) => calendarWorkingDaysBetween(ctx.db, query.from, query.to),
    addWorkingHours: async ({ ctx, query }) => calendarAddWorkingHours(ctx.db, query.start, query.hours),
    years: async ({ ctx }) => listCalendarYears(ctx.db),
    year: async ({ ctx, params }) => {
      const view = await getCalendarYear(ctx.db, params.year);
      if (!view) throw new AppError('calendar_year_missing', { year: params.year }, { year: params.year });
      return view;
    },
    saveYear: async ({ ctx, params, body }) => {
      await saveCalendarYear(ctx, params.year, body);
      const view = await getCalendarYear(ctx.db, params.year);
      if (!view) throw new AppError('not_found');
      return view;
    },
    workingHours: async ({ ctx }) => getWorkingHours(ctx.db),
    updateWorkingHours: async ({ ctx, body }) => {
      await updateWorkingHours(ctx, body);
      return getWorkingHours(ctx.db);
    },
    parseNotice: async ({ ctx, body }) => {
      requirePermission(ctx.actor, 'calendar.manage');
      return previewNotice(ctx.db, body.year, body.text);
    },
  });
}
