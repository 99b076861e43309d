import { defineMessages } from '../../../core/kernel/messages.ts';

/** The cases module's server-generated text (timeline titles, export titles), zh-CN and en. */
export const casesMessages = defineMessages('cases', {
  'zh-CN': {
    'timeline.received': '受理{kind}：{subject}',
    'timeline.assigned': '分派处理人：{assignee}',
    'timeline.answered': '答复客户{kind}：{subject}',
    'timeline.closed': '关闭{kind}：{subject}',
    'export.sheet': '咨询与投诉',
    'export.file': '咨询与投诉',
  },
  en: {
    'timeline.received': '{kind} received: {subject}',
    'timeline.assigned': 'Handler assigned: {assignee}',
    'timeline.answered': '{kind} answered: {subject}',
    'timeline.closed': '{kind} closed: {subject}',
    'export.sheet': 'Inquiries and complaints',
    'export.file': 'cases',
  },
});
