import { defineMessages } from '../../../core/kernel/messages.ts';

/** The deadlines module's server-generated text (the deadline sweep's notification templates), zh-CN and en. */
export const deadlinesMessages = defineMessages('deadlines', {
  'zh-CN': {
    'event.deadline_reminder.label': '时限即将到期提醒',
    'event.deadline_reminder.title': '时限提醒：{title}',
    'event.deadline_reminder.body': '「{title}」（{policy}）将于 {due} 到期，请及时处理。',
    'event.deadline_overdue.label': '时限已到期未完成',
    'event.deadline_overdue.title': '已到期：{title}',
    'event.deadline_overdue.body': '「{title}」（{policy}）已于 {due} 到期仍未完成。最迟须在 {breach} 前完成，否则计为超时。',
    'event.deadline_breached.label': '时限超时',
    'event.deadline_breached.title': '已超时：{title}',
    'event.deadline_breached.body': '「{title}」（{policy}）已超过时限（到期 {due}，最迟 {breach}），已计入时限达成统计，请尽快完成。',
    'event.deadline_escalated.label': '时限超时升级',
    'event.deadline_escalated.title': '超时升级：{owner} 的「{title}」',
    'event.deadline_escalated.body':
      '{owner} 负责的「{title}」（{policy}）已超过时限（到期 {due}，最迟 {breach}）。您作为{role}收到此升级通知，请跟进处理。',
  },
  en: {
    'event.deadline_reminder.label': 'Deadline coming up',
    'event.deadline_reminder.title': 'Deadline reminder: {title}',
    'event.deadline_reminder.body': '"{title}" ({policyEn}) is due at {due}. Please deal with it in time.',
    'event.deadline_overdue.label': 'Deadline passed',
    'event.deadline_overdue.title': 'Past due: {title}',
    'event.deadline_overdue.body':
      '"{title}" ({policyEn}) was due at {due} and is not done. Finish it before {breach} or it counts as a breach.',
    'event.deadline_breached.label': 'Deadline breached',
    'event.deadline_breached.title': 'Breached: {title}',
    'event.deadline_breached.body':
      '"{title}" ({policyEn}) is past its deadline (due {due}, latest {breach}) and counts as breached in the SLA statistics. Please finish it as soon as possible.',
    'event.deadline_escalated.label': 'Deadline escalated',
    'event.deadline_escalated.title': 'Escalation: "{title}" of {owner}',
    'event.deadline_escalated.body':
      '"{title}" ({policyEn}), owned by {owner}, is past its deadline (due {due}, latest {breach}). You receive this escalation as {roleEn}; please follow up.',
  },
});
