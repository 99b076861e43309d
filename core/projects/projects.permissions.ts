import type { DefaultGrants } from '../default-roles.ts';
import { definePermissions } from '../permissions.ts';

/** The capabilities of presales projects, with their labels in both languages. */
export const PROJECT_PERMISSIONS = definePermissions({
  'project.read': { group: 'project', 'zh-CN': '查看项目', en: 'View projects' },
  'project.create': { group: 'project', 'zh-CN': '新建商机、项目登记', en: 'Create opportunities and register projects' },
  'project.update': { group: 'project', 'zh-CN': '修改项目、推进阶段、记录结果', en: 'Edit projects, move stages, record outcomes' },
  'project.assign': { group: 'project', 'zh-CN': '指派售前负责人与售前人员', en: 'Assign the presales lead and presales staff' },
  'project.tracking': { group: 'project', 'zh-CN': '查看项目跟踪表与缺报情况', en: 'View the weekly tracking table and missing updates' },
  'project.configure': { group: 'admin', 'zh-CN': '配置项目阶段与阶段门槛', en: 'Configure project stages and gates' },
  'cost.read': { group: 'project', 'zh-CN': '查看成本价与毛利', en: 'See cost prices and margins' },
});

declare module '../permissions.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PermissionRegistry extends Record<keyof typeof PROJECT_PERMISSIONS, true> {}
}

/** Which default roles (core/default-roles.ts) hold these capabilities in a new database. */
export const PROJECT_DEFAULT_GRANTS: DefaultGrants<keyof typeof PROJECT_PERMISSIONS> = {
  admin: ['project.configure'],
  general_manager: ['project.read', 'project.create', 'project.update', 'project.assign', 'project.tracking', 'cost.read'],
  sales_director: ['project.read', 'project.create', 'project.update', 'project.tracking', 'cost.read'],
  marketing_manager: ['project.read', 'project.create', 'project.update', 'project.tracking', 'cost.read'],
  presales_manager: ['project.read', 'project.update', 'project.assign', 'cost.read'],
  account_manager: ['project.read', 'project.create', 'project.update'],
  sales_supervisor: ['project.read', 'project.tracking'],
  presales_engineer: ['project.read'],
  solution_architect: ['project.read'],
  commercial_specialist: ['project.read'],
  bid_team_leader: ['project.read'],
  marketing_assistant: ['project.read'],
  technical_group: ['project.read'],
  finance: ['project.read', 'cost.read'],
  advisor: ['project.read'],
  project_monitor: ['project.read'],
};
