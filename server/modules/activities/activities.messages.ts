import { defineMessages } from '../../../core/kernel/messages.ts';

/** The activities module's server-generated text (timeline titles, export titles), zh-CN and en. */
export const activitiesMessages = defineMessages('activities', {
  'zh-CN': {
    'timeline.activity': '{type}：{subject}',
    'timeline.communication': '{type}（{channel}）：{subject}',
    'timeline.reception_decided': '客户接待日程{outcome}：{subject}',
    'export.activities.sheet': '客户活动',
    'export.activities.file': '客户活动',
    'export.rollup.sheet': '客户巡访周汇总',
    'export.rollup.file': '客户巡访周汇总-{week}',
    'event.negotiation.label': '重要商务谈判记录',
    'event.negotiation.title': '商务谈判记录：{customer}',
    'event.negotiation.body': '{author} 提交了与「{customer}」的重要商务谈判记录（{at}）：{subject}。下一步：{nextSteps}',
    'event.visit_rollup.label': '客户巡访周汇总',
    'event.visit_rollup.title': '客户巡访周汇总：{weekStart} ～ {weekEnd}',
    'event.visit_rollup.body': '上周 {people} 人共巡访 {visits} 次，缺报 {missing} 个工作日。',
  },
  en: {
    'timeline.activity': '{type}: {subject}',
    'timeline.communication': '{type} ({channel}): {subject}',
    'timeline.reception_decided': 'Reception plan {outcome}: {subject}',
    'export.activities.sheet': 'Activities',
    'export.activities.file': 'activities',
    'export.rollup.sheet': 'Visit roll-up',
    'export.rollup.file': 'visit-rollup-{week}',
    'event.negotiation.label': 'Business negotiation recorded',
    'event.negotiation.title': 'Negotiation record: {customer}',
    'event.negotiation.body': '{author} recorded a business negotiation with "{customer}" ({at}): {subject}. Next steps: {nextSteps}',
    'event.visit_rollup.label': 'Weekly visit roll-up',
    'event.visit_rollup.title': 'Visit roll-up: {weekStart} – {weekEnd}',
    'event.visit_rollup.body': 'Last week {people} people logged {visits} visits; {missing} working days are missing.',
  },
});
