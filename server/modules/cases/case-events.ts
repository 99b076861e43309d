import { defineEventType } from '../../notifications/notify.ts';
import { casesMessages } from './cases.messages.ts';

/** Names the case module shares between its commands, queries and module definition. */
export const CASE_SUBJECT = 'customer_case';
export const STEP_ANSWER = 'answer';
export const POLICY_CASE_ANSWER = 'case.answer';
export const EVENT_CASE_ASSIGNED = 'case.assigned' as const;
export const CASE_CODE_PREFIX = 'KF';

export const caseAssignedEvent = defineEventType({
  type: EVENT_CASE_ASSIGNED,
  params: ['code', 'kind', 'subject', 'customer', 'by', 'due'],
  ...casesMessages.eventLabels('event.case_assigned'),
  templates: casesMessages.templates('event.case_assigned'),
  defaultChannels: ['inapp', 'email'],
});
