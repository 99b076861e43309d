import type { DefaultGrants } from '../default-roles.ts';
import { definePermissions } from '../permissions.ts';

/** The capabilities of deadlines and SLA statistics, with their labels in both languages. */
export const DEADLINE_PERMISSIONS = definePermissions({
  'deadline.read': { group: 'admin', 'zh-CN': '查看时限与时限达成统计', en: 'View deadlines and SLA statistics' },
  'deadline.manage': { group: 'admin', 'zh-CN': '配置时限规则', en: 'Configure deadline policies' },
});

declare module '../permissions.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PermissionRegistry extends Record<keyof typeof DEADLINE_PERMISSIONS, true> {}
}

/** Which default roles (core/default-roles.ts) hold these capabilities in a new database. */
export const DEADLINE_DEFAULT_GRANTS: DefaultGrants<keyof typeof DEADLINE_PERMISSIONS> = {
  admin: ['deadline.read', 'deadline.manage'],
  general_manager: ['deadline.read'],
  sales_director: ['deadline.read'],
  marketing_manager: ['deadline.read'],
  presales_manager: ['deadline.read'],
  sales_supervisor: ['deadline.read'],
  bid_team_leader: ['deadline.read'],
};
