import type { DefaultGrants } from '../default-roles.ts';
import { definePermissions } from '../permissions.ts';

/** The capabilities of the audit log, with their labels in both languages. */
export const AUDIT_PERMISSIONS = definePermissions({
  'audit.read': { group: 'audit', 'zh-CN': '查看审计日志', en: 'View the audit log' },
  'audit.export': { group: 'audit', 'zh-CN': '导出审计日志', en: 'Export the audit log' },
  'audit.verify': { group: 'audit', 'zh-CN': '校验审计日志完整性', en: 'Verify the audit chain' },
});

declare module '../permissions.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PermissionRegistry extends Record<keyof typeof AUDIT_PERMISSIONS, true> {}
}

/** Which default roles (core/default-roles.ts) hold these capabilities in a new database. */
export const AUDIT_DEFAULT_GRANTS: DefaultGrants<keyof typeof AUDIT_PERMISSIONS> = {
  admin: ['audit.read', 'audit.export', 'audit.verify'],
  general_manager: ['audit.read', 'audit.export'],
};
