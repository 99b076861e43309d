import { defineEventType } from './notify.ts';
import { notificationsMessages } from '../modules/notifications/notifications.messages.ts';

/**
 * Event types of the foundation (accounts and sign-in), listed by the notifications module's
 * definition. Business modules define theirs likewise (`defineEventType`) and list them in their own.
 */
export const EVENT_PASSWORD_RESET = 'user.password_reset' as const;
export const EVENT_LOCKOUT = 'auth.lockout' as const;

export const passwordResetEvent = defineEventType({
  type: EVENT_PASSWORD_RESET,
  params: ['admin', 'time', 'username'],
  ...notificationsMessages.eventLabels('event.password_reset'),
  templates: notificationsMessages.templates('event.password_reset'),
  defaultChannels: ['inapp', 'email'],
});

export const lockoutEvent = defineEventType({
  type: EVENT_LOCKOUT,
  params: ['username', 'time', 'count', 'minutes'],
  ...notificationsMessages.eventLabels('event.lockout'),
  templates: notificationsMessages.templates('event.lockout'),
  defaultChannels: ['inapp', 'email'],
});

export const foundationEventTypes = [passwordResetEvent, lockoutEvent] as const;
