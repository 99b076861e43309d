import type { DataScope, Permission } from './permissions.ts';

/**
 * The default roles: the posts the regulations in seeds 000–003 name (总经理, 市场总监, 售前经理 …), seeded into an
 * empty database; roles are data after that. Which capabilities each role gets is declared by
 * the modules (`<MODULE>_DEFAULT_GRANTS` next to their permissions) and assembled by the server
 * from the module list.
 */
export interface DefaultRoleDef {
  code: DefaultRoleCode;
  nameZh: string;
  nameEn: string;
  dataScope: DataScope;
}

export interface DefaultRole extends DefaultRoleDef {
  permissions: Permission[];
}

export const DEFAULT_ROLE_CODES = [
  'admin',
  'general_manager',
  'sales_director',
  'marketing_manager',
  'presales_manager',
  'account_manager',
  'sales_supervisor',
  'presales_engineer',
  'solution_architect',
  'commercial_specialist',
  'bid_team_leader',
  'marketing_assistant',
  'technical_group',
  'procurement',
  'finance',
  'legal',
  'advisor',
  'project_monitor',
] as const;
export type DefaultRoleCode = (typeof DEFAULT_ROLE_CODES)[number];

/** A module's share of the default roles: role code → the module's capabilities that role gets. */
export type DefaultGrants<P extends Permission = Permission> = Partial<Record<DefaultRoleCode, readonly P[]>>;

export const DEFAULT_ROLE_DEFS: readonly DefaultRoleDef[] = [
  { code: 'admin', nameZh: '系统管理员', nameEn: 'System administrator', dataScope: 'all' },
  { code: 'general_manager', nameZh: '总经理', nameEn: 'General manager', dataScope: 'all' },
  { code: 'sales_director', nameZh: '市场总监', nameEn: 'Sales director', dataScope: 'all' },
  { code: 'marketing_manager', nameZh: '市场部经理', nameEn: 'Marketing manager', dataScope: 'department_tree' },
  { code: 'presales_manager', nameZh: '售前经理', nameEn: 'Presales manager', dataScope: 'department_tree' },
  { code: 'account_manager', nameZh: '客户经理', nameEn: 'Account manager', dataScope: 'own' },
  { code: 'sales_supervisor', nameZh: '业务主管', nameEn: 'Sales supervisor', dataScope: 'department' },
  { code: 'presales_engineer', nameZh: '售前工程师', nameEn: 'Presales engineer', dataScope: 'own' },
  { code: 'solution_architect', nameZh: '解决方案架构师', nameEn: 'Solution architect / expert', dataScope: 'own' },
  { code: 'commercial_specialist', nameZh: '商务专员', nameEn: 'Commercial specialist', dataScope: 'own' },
  { code: 'bid_team_leader', nameZh: '应标小组组长', nameEn: 'Bid team leader / deputy', dataScope: 'department' },
  { code: 'marketing_assistant', nameZh: '市场部助理', nameEn: 'Marketing assistant / logistics', dataScope: 'department' },
  { code: 'technical_group', nameZh: '技术中心项目组', nameEn: 'Technical project group', dataScope: 'department' },
  { code: 'procurement', nameZh: '采购部', nameEn: 'Procurement', dataScope: 'department' },
  { code: 'finance', nameZh: '财务部', nameEn: 'Finance', dataScope: 'all' },
  { code: 'legal', nameZh: '法务', nameEn: 'Legal', dataScope: 'all' },
  { code: 'advisor', nameZh: '顾问 / 专家小组', nameEn: 'Advisor / expert panel', dataScope: 'all' },
  { code: 'project_monitor', nameZh: '项目监控人', nameEn: 'Project monitor', dataScope: 'own' },
];

/** The default roles with the capabilities the modules grant them (in the modules' order). */
export function defaultRoles(grants: readonly DefaultGrants[]): DefaultRole[] {
  return DEFAULT_ROLE_DEFS.map((r) => ({ ...r, permissions: grants.flatMap((g) => [...(g[r.code] ?? [])]) }));
}
