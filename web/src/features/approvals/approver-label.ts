import type { TFunction } from 'i18next';
import type { ApproverSpec } from './approval-api.ts';

/** "角色：市场总监", "发起人的直属上级", "发起人的 2 级上级"… for a step's approver setting. */
export function approverLabel(spec: ApproverSpec | null, target: string | null, t: TFunction): string {
  if (!spec) return target ?? '—';
  switch (spec.type) {
    case 'role':
      return t('approvals.approver.roleOf', { name: target ?? spec.roleCode });
    case 'user':
      return target ?? t('approvals.approver.user');
    case 'manager':
      return t('approvals.approver.manager');
    case 'department_head':
      return t('approvals.approver.department_head');
    case 'manager_levels':
      return t('approvals.approver.managerLevels', { count: spec.levels });
  }
}
