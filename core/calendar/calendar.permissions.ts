import type { DefaultGrants } from '../default-roles.ts';
import { definePermissions } from '../permissions.ts';

/** The capabilities of the working-day calendar, with their labels in both languages. */
export const CALENDAR_PERMISSIONS = definePermissions({
  'calendar.manage': { group: 'admin', 'zh-CN': '维护工作日历与工作时间', en: 'Maintain the working-day calendar and working hours' },
});

declare module '../permissions.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PermissionRegistry extends Record<keyof typeof CALENDAR_PERMISSIONS, true> {}
}

/** Which default roles (core/default-roles.ts) hold these capabilities in a new database. */
export const CALENDAR_DEFAULT_GRANTS: DefaultGrants<keyof typeof CALENDAR_PERMISSIONS> = {
  admin: ['calendar.manage'],
};
