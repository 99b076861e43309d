import { defineEventType } from '../../notifications/notify.ts';

/** Names the case module shares between its commands, queries and module definition. */
export const CASE_SUBJECT = 'customer_case';
export const STEP_ANSWER = 'answer';
export const POLICY_CASE_ANSWER = 'case.answer';
export const EVENT_CASE_ASSIGNED = 'case.assigned' as const;
export const CASE_CODE_PREFIX = 'KF';

export const caseAssignedEvent = defineEventType({
  type: EVENT_CASE_ASSIGNED,
  params: ['code', 'kind', 'subject', 'customer', 'by', 'due'],
  labelZh: '客户咨询 / 投诉分派给我',
  labelEn: 'A customer inquiry or complaint was assigned to me',
  templates: {
    'zh-CN': {
      title: '待答复{kind}：{code} {subject}',
      body: '{by} 将客户「{customer}」的{kind}「{subject}」交给您处理，请于 {due} 前答复客户。',
    },
    en: {
      title: '{kind} to answer: {code} {subject}',
      body: '{by} assigned the {kind} "{subject}" of "{customer}" to you; please answer the customer by {due}.',
    },
  },
  defaultChannels: ['inapp', 'email'],
});
