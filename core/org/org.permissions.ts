import type { DefaultGrants } from '../default-roles.ts';
import { definePermissions } from '../permissions.ts';

/** The capabilities of users, departments, roles, with their labels in both languages. */
export const ORG_PERMISSIONS = definePermissions({
  'user.read': { group: 'admin', 'zh-CN': '查看用户', en: 'View users' },
  'user.manage': {
    group: 'admin',
    'zh-CN': '管理用户（新建、修改、停用、重置密码）',
    en: 'Manage users (create, edit, deactivate, reset password)',
  },
  'department.read': { group: 'admin', 'zh-CN': '查看部门', en: 'View departments' },
  'department.manage': { group: 'admin', 'zh-CN': '管理部门', en: 'Manage departments' },
  'role.read': { group: 'admin', 'zh-CN': '查看角色与权限', en: 'View roles and permissions' },
  'role.manage': { group: 'admin', 'zh-CN': '管理角色与权限矩阵', en: 'Manage roles and the permission matrix' },
});

declare module '../permissions.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PermissionRegistry extends Record<keyof typeof ORG_PERMISSIONS, true> {}
}

/** Which default roles (core/default-roles.ts) hold these capabilities in a new database. */
export const ORG_DEFAULT_GRANTS: DefaultGrants<keyof typeof ORG_PERMISSIONS> = {
  admin: ['user.read', 'user.manage', 'department.read', 'department.manage', 'role.read', 'role.manage'],
  general_manager: ['user.read', 'department.read', 'role.read'],
  sales_director: ['user.read', 'department.read'],
  marketing_manager: ['user.read', 'department.read'],
  presales_manager: ['user.read', 'department.read'],
  account_manager: ['user.read'],
  sales_supervisor: ['user.read', 'department.read'],
  presales_engineer: ['user.read'],
  solution_architect: ['user.read'],
  commercial_specialist: ['user.read'],
  bid_team_leader: ['user.read'],
  marketing_assistant: ['user.read'],
  technical_group: ['user.read'],
  procurement: ['user.read'],
  finance: ['user.read'],
  legal: ['user.read'],
  advisor: ['user.read'],
  project_monitor: ['user.read'],
};
