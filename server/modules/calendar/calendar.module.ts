import { calendarContract } from '../../../core/calendar/calendar.contract.ts';
import { CALENDAR_DEFAULT_GRANTS, CALENDAR_PERMISSIONS } from '../../../core/calendar/calendar.permissions.ts';
import { defineModule } from '../define-module.ts';
import { calendarRoutes } from './calendar.routes.ts';

/**
 * 工作日历: the working-day calendar over HTTP (the stored calendar itself is the platform's,
 * server/calendar/stored-calendar.ts). The shipped State Council schedules are entered by
 * bootstrap (commands/seed-calendar.ts) before the default roles, as at every start.
 */
export const calendarModule = defineModule({
  name: 'calendar',
  permissions: CALENDAR_PERMISSIONS,
  defaultGrants: CALENDAR_DEFAULT_GRANTS,
  contracts: [calendarContract],
  routes: calendarRoutes,
});
