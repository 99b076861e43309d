import { defineEventType } from '../notifications/notify.ts';
import { deadlinesMessages } from '../modules/deadlines/deadlines.messages.ts';

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
  ...deadlinesMessages.eventLabels('event.deadline_reminder'),
  templates: deadlinesMessages.templates('event.deadline_reminder'),
  defaultChannels: ['inapp', 'email'],
});

export const deadlineOverdueEvent = defineEventType({
  type: EVENT_DEADLINE_OVERDUE,
  params: DEADLINE_EVENT_PARAMS,
  ...deadlinesMessages.eventLabels('event.deadline_overdue'),
  templates: deadlinesMessages.templates('event.deadline_overdue'),
  defaultChannels: ['inapp', 'email'],
});

export const deadlineBreachedEvent = defineEventType({
  type: EVENT_DEADLINE_BREACHED,
  params: DEADLINE_EVENT_PARAMS,
  ...deadlinesMessages.eventLabels('event.deadline_breached'),
  templates: deadlinesMessages.templates('event.deadline_breached'),
  defaultChannels: ['inapp', 'email'],
});

export const deadlineEscalatedEvent = defineEventType({
  type: EVENT_DEADLINE_ESCALATED,
  params: ESCALATION_EVENT_PARAMS,
  ...deadlinesMessages.eventLabels('event.deadline_escalated'),
  templates: deadlinesMessages.templates('event.deadline_escalated'),
  defaultChannels: ['inapp', 'email'],
});

export const deadlineEventTypes = [deadlineReminderEvent, deadlineOverdueEvent, deadlineBreachedEvent, deadlineEscalatedEvent] as const;
