import { ensureDeadlinePolicy } from '../deadlines/deadlines.ts';
import { registerEventType } from '../notifications/notify.ts';
import { registerModuleSetup } from '../modules.ts';

/**
 * Customer inquiries and complaints (咨询与投诉, seeds 004 and 002): the answer deadline
 * (`case.answer`, 2 working days by default; escalated to the handler's manager when late) and
 * the notification when a case is assigned. Use cases in server/commands/manage-case.ts.
 */
export const CASE_SUBJECT = 'customer_case';
export const STEP_ANSWER = 'answer';
export const POLICY_CASE_ANSWER = 'case.answer';
export const EVENT_CASE_ASSIGNED = 'case.assigned';
export const CASE_CODE_PREFIX = 'KF';

// Parameters: code, kind, subject, customer, by, due.
registerEventType({
  type: EVENT_CASE_ASSIGNED,
  labelZh: '客户咨询 / 投诉分派给我',
  labelEn: 'A customer inquiry or complaint was assigned to me',
  templates: {
    'zh-CN': { title: '待答复{kind}：{code} {subject}', body: '{by} 将客户「{customer}」的{kind}「{subject}」交给您处理，请于 {due} 前答复客户。' },
    en: { title: '{kind} to answer: {code} {subject}', body: '{by} assigned the {kind} "{subject}" of "{customer}" to you; please answer the customer by {due}.' },
  },
  defaultChannels: ['inapp', 'email'],
});

registerModuleSetup('cases', async (db) => {
  await ensureDeadlinePolicy(db, {
    code: POLICY_CASE_ANSWER, nameZh: '客户咨询与投诉答复', nameEn: 'Answer a customer inquiry or complaint', kind: 'working_days', amount: 2,
    remindBefore: [{ amount: 4, unit: 'working_hours' }], escalate: true,
  });
});
