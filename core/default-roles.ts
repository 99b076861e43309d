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

const CUSTOMER_RW: Permission[] = ['customer.read', 'customer.manage', 'partner.read', 'activity.read', 'activity.create', 'case.read'];
const PROJECT_RW: Permission[] = ['project.read', 'project.create', 'project.update'];
const EXPORT: Permission[] = ['customer.export'];

export const DEFAULT_ROLES: DefaultRole[] = [
  { code: 'admin', nameZh: '系统管理员', nameEn: 'System administrator', dataScope: 'all', permissions: [...ALL_ADMIN, 'project.configure'] },
  { code: 'general_manager', nameZh: '总经理', nameEn: 'General manager', dataScope: 'all', permissions: [
    ...DIRECTORY, 'role.read', 'audit.read', 'audit.export', 'deadline.read',
    ...CUSTOMER_RW, ...EXPORT, 'customer.transfer', 'contact.phone', 'partner.manage', 'lead.read', 'lead.decide', 'report.visit_rollup', 'case.manage',
    ...PROJECT_RW, 'project.assign', 'project.tracking', 'cost.read',
  ] },
  { code: 'sales_director', nameZh: '市场总监', nameEn: 'Sales director', dataScope: 'all', permissions: [
    ...DIRECTORY, 'deadline.read',
    ...CUSTOMER_RW, ...EXPORT, 'customer.transfer', 'customer.import', 'contact.phone', 'partner.manage',
    'lead.register', 'lead.read', 'lead.screen', 'lead.evaluate', 'lead.decide', 'report.visit_rollup', 'case.manage',
    ...PROJECT_RW, 'project.tracking', 'cost.read',
  ] },
  { code: 'marketing_manager', nameZh: '市场部经理', nameEn: 'Marketing manager', dataScope: 'department_tree', permissions: [
    ...DIRECTORY, 'deadline.read',
    ...CUSTOMER_RW, ...EXPORT, 'customer.transfer', 'customer.import', 'contact.phone', 'partner.manage',
    'lead.read', 'report.visit_rollup', 'case.manage',
    ...PROJECT_RW, 'project.tracking', 'cost.read',
  ] },
  { code: 'presales_manager', nameZh: '售前经理', nameEn: 'Presales manager', dataScope: 'department_tree', permissions: [
    ...DIRECTORY, 'deadline.read', 'customer.read', 'activity.read', 'project.read', 'project.update', 'project.assign', 'cost.read',
  ] },
  { code: 'account_manager', nameZh: '客户经理', nameEn: 'Account manager', dataScope: 'own', permissions: [
    'user.read', ...CUSTOMER_RW, ...EXPORT, 'contact.phone', 'lead.register', 'lead.read', 'lead.evaluate', ...PROJECT_RW,
  ] },
  { code: 'sales_supervisor', nameZh: '业务主管', nameEn: 'Sales supervisor', dataScope: 'department', permissions: [
    ...DIRECTORY, 'deadline.read', ...CUSTOMER_RW, ...EXPORT, 'customer.import', 'contact.phone', 'partner.manage',
    'lead.register', 'lead.read', 'lead.screen', 'case.manage', 'project.read', 'project.tracking',
  ] },
  { code: 'presales_engineer', nameZh: '售前工程师', nameEn: 'Presales engineer', dataScope: 'own', permissions: ['user.read', 'customer.read', 'activity.read', 'activity.create', 'project.read'] },
  { code: 'solution_architect', nameZh: '解决方案架构师', nameEn: 'Solution architect / expert', dataScope: 'own', permissions: ['user.read', 'customer.read', 'project.read'] },
  { code: 'commercial_specialist', nameZh: '商务专员', nameEn: 'Commercial specialist', dataScope: 'own', permissions: ['user.read', 'customer.read', 'project.read'] },
  { code: 'bid_team_leader', nameZh: '应标小组组长', nameEn: 'Bid team leader / deputy', dataScope: 'department', permissions: ['user.read', 'deadline.read', 'customer.read', 'project.read'] },
  { code: 'marketing_assistant', nameZh: '市场部助理', nameEn: 'Marketing assistant / logistics', dataScope: 'department', permissions: [
    'user.read', 'customer.read', 'activity.read', 'lead.register', 'lead.read', 'report.visit_rollup', 'case.read', 'customer.export', 'project.read',
  ] },
  { code: 'technical_group', nameZh: '技术中心项目组', nameEn: 'Technical project group', dataScope: 'department', permissions: ['user.read', 'project.read'] },
  { code: 'procurement', nameZh: '采购部', nameEn: 'Procurement', dataScope: 'department', permissions: ['user.read'] },
  { code: 'finance', nameZh: '财务部', nameEn: 'Finance', dataScope: 'all', permissions: ['user.read', 'customer.read', 'project.read', 'cost.read'] },
  { code: 'legal', nameZh: '法务', nameEn: 'Legal', dataScope: 'all', permissions: ['user.read'] },
  { code: 'advisor', nameZh: '顾问 / 专家小组', nameEn: 'Advisor / expert panel', dataScope: 'all', permissions: ['user.read', 'customer.read', 'project.read'] },
  { code: 'project_monitor', nameZh: '项目监控人', nameEn: 'Project monitor', dataScope: 'own', permissions: ['user.read', 'project.read'] },
];
