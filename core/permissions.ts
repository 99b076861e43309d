/**
 * Named capabilities. Every API route names the one it needs; roles grant them with a data
 * scope. Later modules append their own capabilities here, with labels in both languages.
 */
export const PERMISSIONS = {
  'user.read': { group: 'admin', 'zh-CN': '查看用户', en: 'View users' },
  'user.manage': { group: 'admin', 'zh-CN': '管理用户（新建、修改、停用、重置密码）', en: 'Manage users (create, edit, deactivate, reset password)' },
  'department.read': { group: 'admin', 'zh-CN': '查看部门', en: 'View departments' },
  'department.manage': { group: 'admin', 'zh-CN': '管理部门', en: 'Manage departments' },
  'role.read': { group: 'admin', 'zh-CN': '查看角色与权限', en: 'View roles and permissions' },
  'role.manage': { group: 'admin', 'zh-CN': '管理角色与权限矩阵', en: 'Manage roles and the permission matrix' },
  'audit.read': { group: 'audit', 'zh-CN': '查看审计日志', en: 'View the audit log' },
  'audit.export': { group: 'audit', 'zh-CN': '导出审计日志', en: 'Export the audit log' },
  'audit.verify': { group: 'audit', 'zh-CN': '校验审计日志完整性', en: 'Verify the audit chain' },
  'system.settings': { group: 'admin', 'zh-CN': '系统安全设置（密码策略、等保模式）', en: 'Security settings (password policy, MLPS mode)' },
  'notification.admin': { group: 'admin', 'zh-CN': '通知管理（渠道设置、抄送规则、发送记录）', en: 'Notification administration (channels, CC rule, outbox)' },
  'job.manage': { group: 'admin', 'zh-CN': '后台任务管理（查看与重试）', en: 'Background jobs (view and retry)' },
  'approval.admin': { group: 'admin', 'zh-CN': '审批流程配置', en: 'Configure approval chains' },
  'calendar.manage': { group: 'admin', 'zh-CN': '维护工作日历与工作时间', en: 'Maintain the working-day calendar and working hours' },
  'deadline.read': { group: 'admin', 'zh-CN': '查看时限与时限达成统计', en: 'View deadlines and SLA statistics' },
  'deadline.manage': { group: 'admin', 'zh-CN': '配置时限规则', en: 'Configure deadline policies' },
  'customer.read': { group: 'crm', 'zh-CN': '查看客户与联系人', en: 'View customers and contacts' },
  'customer.manage': { group: 'crm', 'zh-CN': '新建、修改客户与联系人', en: 'Create and edit customers and contacts' },
  'customer.transfer': { group: 'crm', 'zh-CN': '转移客户负责人、共享客户', en: 'Transfer and share customers' },
  'customer.import': { group: 'crm', 'zh-CN': '从 Excel 导入客户、联系人、渠道商、线索', en: 'Import customers, contacts, partners and leads from Excel' },
  'customer.export': { group: 'crm', 'zh-CN': '导出客户、联系人、渠道商、线索、活动', en: 'Export customers, contacts, partners, leads and activities' },
  'contact.phone': { group: 'crm', 'zh-CN': '查看联系人完整电话', en: 'See contacts\' full phone numbers' },
  'partner.read': { group: 'crm', 'zh-CN': '查看渠道商 / 经销商', en: 'View channel partners and dealers' },
  'partner.manage': { group: 'crm', 'zh-CN': '管理渠道商 / 经销商', en: 'Manage channel partners and dealers' },
  'lead.register': { group: 'crm', 'zh-CN': '登记信息、代理商报备', en: 'Register information and partner deal registrations' },
  'lead.read': { group: 'crm', 'zh-CN': '查看信息与线索', en: 'View information and leads' },
  'lead.screen': { group: 'crm', 'zh-CN': '筛选信息（答复关闭、转其他事业部、保留分派）', en: 'Screen information (reply and close, forward, keep and assign)' },
  'lead.evaluate': { group: 'crm', 'zh-CN': '初步评估线索', en: 'Evaluate leads' },
  'lead.decide': { group: 'crm', 'zh-CN': '裁定上报的线索与报备冲突（参与级别、重要程度）', en: 'Decide escalated leads and registration conflicts' },
  'activity.read': { group: 'crm', 'zh-CN': '查看客户活动记录', en: 'View activity records' },
  'activity.create': { group: 'crm', 'zh-CN': '登记客户活动（巡访、谈判、沟通、接待）', en: 'Record activities (visits, negotiations, communications, receptions)' },
  'report.visit_rollup': { group: 'crm', 'zh-CN': '查看客户巡访周汇总', en: 'View the weekly visit roll-up' },
  'case.read': { group: 'crm', 'zh-CN': '查看客户咨询与投诉', en: 'View customer inquiries and complaints' },
  'case.manage': { group: 'crm', 'zh-CN': '受理、分派、答复客户咨询与投诉', en: 'Handle customer inquiries and complaints' },
  'project.read': { group: 'project', 'zh-CN': '查看项目', en: 'View projects' },
  'project.create': { group: 'project', 'zh-CN': '新建商机、项目登记', en: 'Create opportunities and register projects' },
  'project.update': { group: 'project', 'zh-CN': '修改项目、推进阶段、记录结果', en: 'Edit projects, move stages, record outcomes' },
  'project.assign': { group: 'project', 'zh-CN': '指派售前负责人与售前人员', en: 'Assign the presales lead and presales staff' },
  'project.tracking': { group: 'project', 'zh-CN': '查看项目跟踪表与缺报情况', en: 'View the weekly tracking table and missing updates' },
  'project.configure': { group: 'admin', 'zh-CN': '配置项目阶段与阶段门槛', en: 'Configure project stages and gates' },
  'cost.read': { group: 'project', 'zh-CN': '查看成本价与毛利', en: 'See cost prices and margins' },
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.prototype.hasOwnProperty.call(PERMISSIONS, value);
}

/** How far a granted permission reaches over records owned by users/departments. */
export type DataScope = 'own' | 'department' | 'department_tree' | 'all';
export const DATA_SCOPES: readonly DataScope[] = ['own', 'department', 'department_tree', 'all'];

const SCOPE_RANK: Record<DataScope, number> = { own: 0, department: 1, department_tree: 2, all: 3 };

/** The wider of two scopes: a user with several roles gets the widest grant. */
export function widerScope(a: DataScope, b: DataScope): DataScope {
  return SCOPE_RANK[a] >= SCOPE_RANK[b] ? a : b;
}

/** Effective grants of a user: permission → widest scope over all the user's roles. */
export type Grants = ReadonlyMap<Permission, DataScope>;

export function mergeGrants(
  roles: ReadonlyArray<{ dataScope: DataScope; permissions: readonly string[] }>,
): Map<Permission, DataScope> {
  const out = new Map<Permission, DataScope>();
  for (const role of roles) {
    for (const p of role.permissions) {
      if (!isPermission(p)) continue;
      const prev = out.get(p);
      out.set(p, prev ? widerScope(prev, role.dataScope) : role.dataScope);
    }
  }
  return out;
}

/**
 * Whether a record owned by `owner` (user id + department id) is inside `scope` for `actor`.
 * `descendantsOfActorDept` holds the actor's department and every department below it.
 */
export function recordInScope(
  scope: DataScope,
  actor: { userId: string; departmentId: string | null },
  owner: { userId: string | null; departmentId: string | null },
  descendantsOfActorDept: ReadonlySet<string>,
): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'department_tree':
      return owner.departmentId !== null && descendantsOfActorDept.has(owner.departmentId);
    case 'department':
      return owner.departmentId !== null && owner.departmentId === actor.departmentId;
    case 'own':
      return owner.userId !== null && owner.userId === actor.userId;
  }
}
