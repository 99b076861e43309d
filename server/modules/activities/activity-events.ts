import { defineEventType } from '../../notifications/notify.ts';

/** Names shared by the activity module's definition, use cases, queries and jobs. */
export const ACTIVITY_SUBJECT = 'activity';
export const RECEPTION_PROCESS = 'activity.reception';
export const POLICY_VISIT_LOG = 'activity.visit_log';
export const POLICY_RECEPTION_SUMMARY = 'activity.reception_summary';
/** deadline subject of one person's visit log of one day */
export const VISIT_LOG_SUBJECT = 'visit_log_day';
export const STEP_SUBMIT = 'submit';
export const STEP_SUMMARY = 'summary';
/** `generated_reports.kind` of the weekly visit roll-up */
export const VISIT_ROLLUP_KIND = 'visit_weekly';

export const EVENT_NEGOTIATION = 'activity.negotiation';
export const EVENT_VISIT_ROLLUP = 'report.visit_rollup';

export const VISIT_LOG_SCHEDULE = 'activities.visit_log_days';
export const VISIT_ROLLUP_SCHEDULE = 'activities.visit_rollup';
export const SCHEDULE_EVERY_MS = 15 * 60_000;

export const negotiationEvent = defineEventType({
  type: EVENT_NEGOTIATION,
  params: ['author', 'customer', 'subject', 'at', 'nextSteps'],
  labelZh: '重要商务谈判记录',
  labelEn: 'Business negotiation recorded',
  templates: {
    'zh-CN': {
      title: '商务谈判记录：{customer}',
      body: '{author} 提交了与「{customer}」的重要商务谈判记录（{at}）：{subject}。下一步：{nextSteps}',
    },
    en: {
      title: 'Negotiation record: {customer}',
      body: '{author} recorded a business negotiation with "{customer}" ({at}): {subject}. Next steps: {nextSteps}',
    },
  },
  defaultChannels: ['inapp', 'email'],
});

export const visitRollupEvent = defineEventType({
  type: EVENT_VISIT_ROLLUP,
  params: ['weekStart', 'weekEnd', 'people', 'visits', 'missing'],
  labelZh: '客户巡访周汇总',
  labelEn: 'Weekly visit roll-up',
  templates: {
    'zh-CN': { title: '客户巡访周汇总：{weekStart} ～ {weekEnd}', body: '上周 {people} 人共巡访 {visits} 次，缺报 {missing} 个工作日。' },
    en: {
      title: 'Visit roll-up: {weekStart} – {weekEnd}',
      body: 'Last week {people} people logged {visits} visits; {missing} working days are missing.',
    },
  },
  defaultChannels: ['inapp', 'email'],
});

export const activityEventTypes = [negotiationEvent, visitRollupEvent] as const;
