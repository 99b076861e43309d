import type { DataScope, Permission } from './permissions.ts';

/** The default roles of PRODUCT.md §1, seeded into an empty database. Roles are data after that. */
export interface DefaultRole {
  code: string;
  nameZh: string;
  nameEn: string;
  dataScope: DataScope;
  permissions: Permission[];
}

const ALL_ADMIN: Permission[] = [
  'user.read', 'user.manage', 'department.read', 'department.manage',
  'role.read', 'role.manage', 'audit.read', 'audit.export', 'audit.verify', 'system.settings',
  'notification.admin', 'job.manage', 'approval.admin',
  'calendar.manage', 'deadline.read', 'deadline.manage',
];
const DIRECTORY: Permission[] = ['user.read', 'department.read'];

export const DEFAULT_ROLES: DefaultRole[] = [
  { code: 'admin', nameZh: '系统管理员', nameEn: 'System administrator', dataScope: 'all', permissions: ALL_ADMIN },
  { code: 'general_manager', nameZh: '总经理', nameEn: 'General manager', dataScope: 'all', permissions: [...DIRECTORY, 'role.read', 'audit.read', 'audit.export', 'deadline.read'] },
  { code: 'sales_director', nameZh: '市场总监', nameEn: 'Sales director', dataScope: 'all', permissions: [...DIRECTORY, 'deadline.read'] },
  { code: 'marketing_manager', nameZh: '市场部经理', nameEn: 'Marketing manager', dataScope: 'department_tree', permissions: [...DIRECTORY, 'deadline.read'] },
  { code: 'presales_manager', nameZh: '售前经理', nameEn: 'Presales manager', dataScope: 'department_tree', permissions: [...DIRECTORY, 'deadline.read'] },
  { code: 'account_manager', nameZh: '客户经理', nameEn: 'Account manager', dataScope: 'own', permissions: [] },
  { code: 'sales_supervisor', nameZh: '业务主管', nameEn: 'Sales supervisor', dataScope: 'department', permissions: [...DIRECTORY, 'deadline.read'] },
  { code: 'presales_engineer', nameZh: '售前工程师', nameEn: 'Presales engineer', dataScope: 'own', permissions: [] },
  { code: 'solution_architect', nameZh: '解决方案架构师', nameEn: 'Solution architect / expert', dataScope: 'own', permissions: [] },
  { code: 'commercial_specialist', nameZh: '商务专员', nameEn: 'Commercial specialist', dataScope: 'own', permissions: [] },
  { code: 'bid_team_leader', nameZh: '应标小组组长', nameEn: 'Bid team leader / deputy', dataScope: 'department', permissions: ['user.read', 'deadline.read'] },
  { code: 'marketing_assistant', nameZh: '市场部助理', nameEn: 'Marketing assistant / logistics', dataScope: 'department', permissions: ['user.read'] },
  { code: 'technical_group', nameZh: '技术中心项目组', nameEn: 'Technical project group', dataScope: 'department', permissions: [] },
  { code: 'procurement', nameZh: '采购部', nameEn: 'Procurement', dataScope: 'department', permissions: [] },
  { code: 'finance', nameZh: '财务部', nameEn: 'Finance', dataScope: 'all', permissions: [] },
  { code: 'legal', nameZh: '法务', nameEn: 'Legal', dataScope: 'all', permissions: [] },
  { code: 'advisor', nameZh: '顾问 / 专家小组', nameEn: 'Advisor / expert panel', dataScope: 'all', permissions: [] },
  { code: 'project_monitor', nameZh: '项目监控人', nameEn: 'Project monitor', dataScope: 'own', permissions: [] },
];
