import type { DefaultGrants } from '../default-roles.ts';
import { definePermissions } from '../permissions.ts';

/** The capabilities of information intake and leads, with their labels in both languages. */
export const INTAKE_PERMISSIONS = definePermissions({
  'lead.register': { group: 'crm', 'zh-CN': '登记信息、代理商报备', en: 'Register information and partner deal registrations' },
  'lead.read': { group: 'crm', 'zh-CN': '查看信息与线索', en: 'View information and leads' },
  'lead.screen': {
    group: 'crm',
    'zh-CN': '筛选信息（答复关闭、转其他事业部、保留分派）',
    en: 'Screen information (reply and close, forward, keep and assign)',
  },
  'lead.evaluate': { group: 'crm', 'zh-CN': '初步评估线索', en: 'Evaluate leads' },
  'lead.decide': {
    group: 'crm',
    'zh-CN': '裁定上报的线索与报备冲突（参与级别、重要程度）',
    en: 'Decide escalated leads and registration conflicts',
  },
});

declare module '../permissions.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PermissionRegistry extends Record<keyof typeof INTAKE_PERMISSIONS, true> {}
}

/** Which default roles (core/default-roles.ts) hold these capabilities in a new database. */
export const INTAKE_DEFAULT_GRANTS: DefaultGrants<keyof typeof INTAKE_PERMISSIONS> = {
  general_manager: ['lead.read', 'lead.decide'],
  sales_director: ['lead.register', 'lead.read', 'lead.screen', 'lead.evaluate', 'lead.decide'],
  marketing_manager: ['lead.read'],
  account_manager: ['lead.register', 'lead.read', 'lead.evaluate'],
  sales_supervisor: ['lead.register', 'lead.read', 'lead.screen'],
  marketing_assistant: ['lead.register', 'lead.read'],
};
