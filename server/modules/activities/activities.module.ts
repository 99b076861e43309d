import { activitiesContract } from '../../../core/activities/activities.contract.ts';
import { ACTIVITY_DEFAULT_GRANTS, ACTIVITY_PERMISSIONS } from '../../../core/activities/activities.permissions.ts';
import { visitLogsContract } from '../../../core/activities/visit-logs.contract.ts';
import { defineModule } from '../define-module.ts';
import { activitiesMessages } from './activities.messages.ts';
import { activitiesRoutes } from './activities.routes.ts';
import { activityApprovalSubject } from './activity-approvals.ts';
import { ACTIVITY_APPROVAL_PROCESSES } from './activity-processes.ts';
import {
  activityEventTypes,
  POLICY_RECEPTION_SUMMARY,
  POLICY_VISIT_LOG,
  SCHEDULE_EVERY_MS,
  VISIT_LOG_SCHEDULE,
  VISIT_ROLLUP_SCHEDULE,
} from './activity-events.ts';
import { generateDueVisitRollups } from './commands/generate-visit-rollup.ts';
import { openVisitLogDays } from './commands/open-visit-log-days.ts';

/**
 * Customer activities (PRODUCT.md §3.2, seeds 002 and 001): the approval subject `activity`
 * with the process `activity.reception` (the reception plan and its cost budget, approved by the
 * marketing manager), notification event types (negotiation recorded, weekly roll-up ready),
 * the deadline policies of the daily visit log and of the reception summary, and the two
 * schedules, every 15 minutes: today's visit-log days (working days only) and, from Monday
 * 09:00, last week's roll-up.
 */
export const activitiesModule = defineModule({
  name: 'activities',
  permissions: ACTIVITY_PERMISSIONS,
  defaultGrants: ACTIVITY_DEFAULT_GRANTS,
  contracts: [activitiesContract, visitLogsContract],
  routes: activitiesRoutes,
  messages: activitiesMessages,
  eventTypes: activityEventTypes,
  approvalSubjects: [activityApprovalSubject],
  approvalProcesses: ACTIVITY_APPROVAL_PROCESSES,
  deadlinePolicies: [
    {
      code: POLICY_VISIT_LOG,
      nameZh: '客户巡访登记（当日下班前）',
      nameEn: 'Daily visit log (before the end of the day)',
      kind: 'working_days',
      amount: 0,
      remindBefore: [{ amount: 1, unit: 'working_hours' }],
      escalate: false,
    },
    {
      code: POLICY_RECEPTION_SUMMARY,
      nameZh: '客户接待工作总结',
      nameEn: 'Customer reception summary',
      kind: 'working_days',
      amount: 2,
      remindBefore: [{ amount: 1, unit: 'working_days' }],
    },
  ],
  schedules: [
    { name: VISIT_LOG_SCHEDULE, everyMs: SCHEDULE_EVERY_MS, handler: async (ctx) => void (await openVisitLogDays(ctx.db, ctx.now)) },
    {
      name: VISIT_ROLLUP_SCHEDULE,
      everyMs: SCHEDULE_EVERY_MS,
      handler: async (ctx) => void (await generateDueVisitRollups(ctx.db, ctx.now)),
    },
  ],
});
