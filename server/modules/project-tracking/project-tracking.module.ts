import { shanghaiDate } from '../../../core/calendar/working-calendar.ts';
import { mondayOf } from '../../../core/projects/rules.ts';
import { projectTrackingContract } from '../../../core/project-tracking/project-tracking.contract.ts';
import { defineModule } from '../define-module.ts';
import { generateTrackingRows } from './commands/generate-tracking-rows.ts';
import { projectTrackingMessages } from './project-tracking.messages.ts';
import { projectTrackingRoutes } from './project-tracking.routes.ts';

export const TRACKING_SCHEDULE = 'project.tracking_week';

/**
 * The weekly project tracking table (项目跟踪表, seed 003): one row per open project per week
 * for its account manager. Every hour a schedule checks whether this week's rows exist; from
 * Monday on it generates them once per week for every open project.
 */
export const projectTrackingModule = defineModule({
  name: 'project-tracking',
  contracts: [projectTrackingContract],
  routes: projectTrackingRoutes,
  messages: projectTrackingMessages,
  schedules: [
    {
      name: TRACKING_SCHEDULE,
      everyMs: 3_600_000,
      handler: async (ctx) => {
        await generateTrackingRows(ctx.db, mondayOf(shanghaiDate(ctx.now)), ctx.now, null);
      },
    },
  ],
});
