import type { ChainDefinition } from '../../../core/approvals/chain.ts';
import { defineApprovalProcess, type ProcessCodeOf } from '../../approvals/processes.ts';
import { ACTIVITY_SUBJECT, RECEPTION_PROCESS } from './activity-events.ts';

/**
 * The approval process `activity.reception` (subject `activity`, activity-approvals.ts): a
 * customer reception plan and its cost budget, approved by the marketing manager.
 */

const RECEPTION_CHAIN: ChainDefinition = {
  resubmitFrom: 'first',
  steps: [
    {
      name: '市场部经理审批',
      approver: { type: 'role', roleCode: 'marketing_manager' },
      mode: 'any',
      condition: null,
      deadlinePolicy: null,
    },
  ],
};

export const receptionProcess = defineApprovalProcess({
  code: RECEPTION_PROCESS,
  labelZh: '客户接待日程及费用预算审批',
  labelEn: 'Customer reception plan and budget',
  subjectType: ACTIVITY_SUBJECT,
  defaultChain: RECEPTION_CHAIN,
});

/** The module's approval processes (its definition lists them); their codes form `ActivityProcessCode`. */
export const ACTIVITY_APPROVAL_PROCESSES = [receptionProcess] as const;
export type ActivityProcessCode = ProcessCodeOf<typeof ACTIVITY_APPROVAL_PROCESSES>;
