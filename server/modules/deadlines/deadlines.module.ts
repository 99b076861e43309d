import { deadlinesContract } from '../../../core/deadlines/deadlines.contract.ts';
import { DEADLINE_DEFAULT_GRANTS, DEADLINE_PERMISSIONS } from '../../../core/deadlines/deadlines.permissions.ts';
import { deadlineEventTypes } from '../../deadlines/event-types.ts';
import { deadlineSweepSchedule } from '../../deadlines/sweep-schedule.ts';
import { defineModule } from '../define-module.ts';
import { deadlinesMessages } from './deadlines.messages.ts';
import { deadlinesRoutes } from './deadlines.routes.ts';

/**
 * 时限: the HTTP surface of the deadline engine (server/deadlines/) — policies, open deadlines,
 * SLA statistics — its sweep schedule and the notification event types the sweep raises.
 * Deadline policies are the business modules' own (`deadlinePolicies` of their definitions).
 */
export const deadlinesModule = defineModule({
  name: 'deadlines',
  permissions: DEADLINE_PERMISSIONS,
  defaultGrants: DEADLINE_DEFAULT_GRANTS,
  contracts: [deadlinesContract],
  routes: deadlinesRoutes,
  messages: deadlinesMessages,
  eventTypes: deadlineEventTypes,
  schedules: [deadlineSweepSchedule],
});
