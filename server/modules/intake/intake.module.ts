import { intakeContract } from '../../../core/intake/intake.contract.ts';
import { INTAKE_DEFAULT_GRANTS, INTAKE_PERMISSIONS } from '../../../core/intake/intake.permissions.ts';
import { defineModule } from '../define-module.ts';
import { leadApprovalSubject } from './lead-approvals.ts';
import { LEAD_APPROVAL_PROCESSES } from './lead-processes.ts';
import { leadEventTypes, POLICY_LEAD_EVALUATE, POLICY_LEAD_SCREEN } from './lead-events.ts';
import { intakeMessages } from './intake.messages.ts';
import { intakeRoutes } from './intake.routes.ts';

/**
 * Information intake and screening (信息登记与筛选, seed 003): the approval subject `lead` and
 * the process `lead.forward` (forwarding to another business unit needs the sales director),
 * the notification event types, and the deadline policies of screening (1 working day) and of
 * the account manager's preliminary evaluation (3 working days).
 */
export const intakeModule = defineModule({
  name: 'intake',
  permissions: INTAKE_PERMISSIONS,
  defaultGrants: INTAKE_DEFAULT_GRANTS,
  contracts: [intakeContract],
  routes: intakeRoutes,
  messages: intakeMessages,
  eventTypes: leadEventTypes,
  approvalSubjects: [leadApprovalSubject],
  approvalProcesses: LEAD_APPROVAL_PROCESSES,
  deadlinePolicies: [
    {
      code: POLICY_LEAD_SCREEN,
      nameZh: '信息筛选',
      nameEn: 'Screen incoming information',
      kind: 'working_days',
      amount: 1,
      remindBefore: [{ amount: 2, unit: 'working_hours' }],
    },
    {
      code: POLICY_LEAD_EVALUATE,
      nameZh: '线索初步评估',
      nameEn: 'Preliminary lead evaluation',
      kind: 'working_days',
      amount: 3,
      remindBefore: [{ amount: 1, unit: 'working_days' }],
    },
  ],
});
