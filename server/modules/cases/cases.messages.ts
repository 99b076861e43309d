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
    'event.case_assigned.label': '客户咨询 / 投诉分派给我',
    'event.case_assigned.title': '待答复{kind}：{code} {subject}',
    'event.case_assigned.body': '{by} 将客户「{customer}」的{kind}「{subject}」交给您处理，请于 {due} 前答复客户。',
  },
  en: {
    'timeline.received': '{kind} received: {subject}',
    'timeline.assigned': 'Handler assigned: {assignee}',
    'timeline.answered': '{kind} answered: {subject}',
    'timeline.closed': '{kind} closed: {subject}',
    'export.sheet': 'Inquiries and complaints',
    'export.file': 'cases',
    'event.case_assigned.label': 'A customer inquiry or complaint was assigned to me',
    'event.case_assigned.title': '{kind} to answer: {code} {subject}',
    'event.case_assigned.body': '{by} assigned the {kind} "{subject}" of "{customer}" to you; please answer the customer by {due}.',
  },
});
