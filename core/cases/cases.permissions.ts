import type { DefaultGrants } from '../default-roles.ts';
import { definePermissions } from '../permissions.ts';

/** The capabilities of customer inquiries and complaints, with their labels in both languages. */
export const CASE_PERMISSIONS = definePermissions({
  'case.read': { group: 'crm', 'zh-CN': '查看客户咨询与投诉', en: 'View customer inquiries and complaints' },
  'case.manage': { group: 'crm', 'zh-CN': '受理、分派、答复客户咨询与投诉', en: 'Handle customer inquiries and complaints' },
});

declare module '../permissions.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PermissionRegistry extends Record<keyof typeof CASE_PERMISSIONS, true> {}
}

/** Which default roles (core/default-roles.ts) hold these capabilities in a new database. */
export const CASE_DEFAULT_GRANTS: DefaultGrants<keyof typeof CASE_PERMISSIONS> = {
  general_manager: ['case.read', 'case.manage'],
  sales_director: ['case.read', 'case.manage'],
  marketing_manager: ['case.read', 'case.manage'],
  account_manager: ['case.read'],
  sales_supervisor: ['case.read', 'case.manage'],
  marketing_assistant: ['case.read'],
};
