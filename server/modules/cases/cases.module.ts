import { casesContract } from '../../../core/cases/cases.contract.ts';
import { CASE_DEFAULT_GRANTS, CASE_PERMISSIONS } from '../../../core/cases/cases.permissions.ts';
import { defineModule } from '../define-module.ts';
import { caseAssignedEvent, POLICY_CASE_ANSWER } from './case-events.ts';
import { casesMessages } from './cases.messages.ts';
import { casesRoutes } from './cases.routes.ts';

/**
 * Customer inquiries and complaints (咨询与投诉, seeds 004 and 002): the answer deadline
 * (`case.answer`, 2 working days by default; escalated to the handler's manager when late) and
 * the notification when a case is assigned.
 */
export const casesModule = defineModule({
  name: 'cases',
  permissions: CASE_PERMISSIONS,
  defaultGrants: CASE_DEFAULT_GRANTS,
  contracts: [casesContract],
  routes: casesRoutes,
  messages: casesMessages,
  eventTypes: [caseAssignedEvent],
  deadlinePolicies: [
    {
      code: POLICY_CASE_ANSWER,
      nameZh: '客户咨询与投诉答复',
      nameEn: 'Answer a customer inquiry or complaint',
      kind: 'working_days',
      amount: 2,
      remindBefore: [{ amount: 4, unit: 'working_hours' }],
      escalate: true,
    },
  ],
});
