import type { DefaultGrants } from '../default-roles.ts';
import { definePermissions } from '../permissions.ts';

/** The capabilities of customer activities and the visit roll-up, with their labels in both languages. */
export const ACTIVITY_PERMISSIONS = definePermissions({
  'activity.read': { group: 'crm', 'zh-CN': '查看客户活动记录', en: 'View activity records' },
  'activity.create': {
    group: 'crm',
    'zh-CN': '登记客户活动（巡访、谈判、沟通、接待）',
    en: 'Record activities (visits, negotiations, communications, receptions)',
  },
  'report.visit_rollup': { group: 'crm', 'zh-CN': '查看客户巡访周汇总', en: 'View the weekly visit roll-up' },
});

declare module '../permissions.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PermissionRegistry extends Record<keyof typeof ACTIVITY_PERMISSIONS, true> {}
}

/** Which default roles (core/default-roles.ts) hold these capabilities in a new database. */
export const ACTIVITY_DEFAULT_GRANTS: DefaultGrants<keyof typeof ACTIVITY_PERMISSIONS> = {
  general_manager: ['activity.read', 'activity.create', 'report.visit_rollup'],
  sales_director: ['activity.read', 'activity.create', 'report.visit_rollup'],
  marketing_manager: ['activity.read', 'activity.create', 'report.visit_rollup'],
  presales_manager: ['activity.read'],
  account_manager: ['activity.read', 'activity.create'],
  sales_supervisor: ['activity.read', 'activity.create'],
  presales_engineer: ['activity.read', 'activity.create'],
  marketing_assistant: ['activity.read', 'report.visit_rollup'],
};
