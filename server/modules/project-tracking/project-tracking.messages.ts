import { defineMessages } from '../../../core/kernel/messages.ts';

/** The project tracking module's server-generated text (the weekly table's export titles), zh-CN and en. */
export const projectTrackingMessages = defineMessages('project-tracking', {
  'zh-CN': {
    'export.sheet': '项目跟踪表',
    'export.file': '项目跟踪表-{week}',
  },
  en: {
    'export.sheet': 'Project tracking',
    'export.file': 'project-tracking-{week}',
  },
});
