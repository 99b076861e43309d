import { notificationsContract } from '../../../core/notifications/notifications.contract.ts';
import { NOTIFICATION_DEFAULT_GRANTS, NOTIFICATION_PERMISSIONS } from '../../../core/notifications/notifications.permissions.ts';
import { deliverJob, digestSchedule } from '../../notifications/deliver.ts';
import { foundationEventTypes } from '../../notifications/event-types.ts';
import { defineModule } from '../define-module.ts';
import { notificationsMessages } from './notifications.messages.ts';
import { notificationsRoutes } from './notifications.routes.ts';

/**
 * 通知: the HTTP surface of the notification engine (server/notifications/) — the inbox, the
 * preferences, the channel administration — its delivery job and daily digest, and the event
 * types of the foundation (password reset, account lockout).
 */
export const notificationsModule = defineModule({
  name: 'notifications',
  permissions: NOTIFICATION_PERMISSIONS,
  defaultGrants: NOTIFICATION_DEFAULT_GRANTS,
  contracts: [notificationsContract],
  routes: notificationsRoutes,
  messages: notificationsMessages,
  eventTypes: foundationEventTypes,
  jobs: [deliverJob],
  schedules: [digestSchedule],
});
