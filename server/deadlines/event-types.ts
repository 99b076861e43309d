import { defineEventType } from '../notifications/notify.ts';

/** Notification event types raised by the deadline sweep (listed by the deadlines module). */
export const EVENT_DEADLINE_REMINDER = 'deadline.reminder' as const;
export const EVENT_DEADLINE_OVERDUE = 'deadline.overdue' as const;
export const EVENT_DEADLINE_BREACHED = 'deadline.breached' as const;
export const EVENT_DEADLINE_ESCALATED = 'deadline.escalated' as const;

/**
 * The parameters the sweep supplies: title, policy / policyEn, due, breach (Asia/Shanghai
 * "YYYY-MM-DD HH:mm"), owner (display name); for an escalation also role / roleEn (who is
 * escalated to).
 */
export const DEADLINE_EVENT_PARAMS = ['title', 'policy', 'policyEn', 'due', 'breach', 'owner'] as const;
export const ESCALATION_EVENT_PARAMS = [...DEADLINE_EVENT_PARAMS, 'role', 'roleEn'] as const;
export type DeadlineEventParam = (typeof ESCALATION_EVENT_PARAMS)[number];

export const deadlineReminderEvent = defineEventType({
  type: EVENT_DEADLINE_REMINDER,
  params: DEADLINE_EVENT_PARAMS,
  labelZh: '时限即将到期提醒',
  labelEn: 'Deadline coming up',
  templates: {
    'zh-CN': { title: '时限提醒：{title}', body: '「{title}」（{policy}）将于 {due} 到期，请及时处理。' },
    en: { title: 'Deadline reminder: {title}', body: '"{title}" ({policyEn}) is due at {due}. Please deal with it in time.' },
  },
  defaultChannels: ['inapp', 'email'],
});

export const deadlineOverdueEvent = defineEventType({
  type: EVENT_DEADLINE_OVERDUE,
  params: DEADLINE_EVENT_PARAMS,
  labelZh: '时限已到期未完成',
  labelEn: 'Deadline passed',
  templates: {
    'zh-CN': {
      title: '已到期：{title}',
      body: '「{title}」（{policy}）已于 {due} 到期仍未完成。最迟须在 {breach} 前完成，否则计为超时。',
    },
    en: {
      title: 'Past due: {title}',
      body: '"{title}" ({policyEn}) was due at {due} and is not done. Finish it before {breach} or it counts as a breach.',
    },
  },
  defaultChannels: ['inapp', 'email'],
});

export const deadlineBreachedEvent = defineEventType({
  type: EVENT_DEADLINE_BREACHED,
  params: DEADLINE_EVENT_PARAMS,
  labelZh: '时限超时',
  labelEn: 'Deadline breached',
  templates: {
    'zh-CN': {
      title: '已超时：{title}',
      body: '「{title}」（{policy}）已超过时限（到期 {due}，最迟 {breach}），已计入时限达成统计，请尽快完成。',
    },
    en: {
      title: 'Breached: {title}',
      body: '"{title}" ({policyEn}) is past its deadline (due {due}, latest {breach}) and counts as breached in the SLA statistics. Please finish it as soon as possible.',
    },
  },
  defaultChannels: ['inapp', 'email'],
});

export const deadlineEscalatedEvent = defineEventType({
  type: EVENT_DEADLINE_ESCALATED,
  params: ESCALATION_EVENT_PARAMS,
  labelZh: '时限超时升级',
  labelEn: 'Deadline escalated',
  templates: {
    'zh-CN': {
      title: '超时升级：{owner} 的「{title}」',
      body: '{owner} 负责的「{title}」（{policy}）已超过时限（到期 {due}，最迟 {breach}）。您作为{role}收到此升级通知，请跟进处理。',
    },
    en: {
      title: 'Escalation: "{title}" of {owner}',
      body: '"{title}" ({policyEn}), owned by {owner}, is past its deadline (due {due}, latest {breach}). You receive this escalation as {roleEn}; please follow up.',
    },
  },
  defaultChannels: ['inapp', 'email'],
});

export const deadlineEventTypes = [deadlineReminderEvent, deadlineOverdueEvent, deadlineBreachedEvent, deadlineEscalatedEvent] as const;
