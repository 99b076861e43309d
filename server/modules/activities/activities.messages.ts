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
  },
  en: {
    'timeline.activity': '{type}: {subject}',
    'timeline.communication': '{type} ({channel}): {subject}',
    'timeline.reception_decided': 'Reception plan {outcome}: {subject}',
    'export.activities.sheet': 'Activities',
    'export.activities.file': 'activities',
    'export.rollup.sheet': 'Visit roll-up',
    'export.rollup.file': 'visit-rollup-{week}',
  },
});
