import type { DefaultGrants } from '../default-roles.ts';
import { definePermissions } from '../permissions.ts';

/** The capabilities of approval chains, with their labels in both languages. */
export const APPROVAL_PERMISSIONS = definePermissions({
  'approval.admin': { group: 'admin', 'zh-CN': '审批流程配置', en: 'Configure approval chains' },
});

declare module '../permissions.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PermissionRegistry extends Record<keyof typeof APPROVAL_PERMISSIONS, true> {}
}

/** Which default roles (core/default-roles.ts) hold these capabilities in a new database. */
export const APPROVAL_DEFAULT_GRANTS: DefaultGrants<keyof typeof APPROVAL_PERMISSIONS> = {
  admin: ['approval.admin'],
};
