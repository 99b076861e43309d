import { activitiesContract } from '../../../core/activities/activities.contract.ts';
import { visitLogsContract } from '../../../core/activities/visit-logs.contract.ts';
import { AppError } from '../../../core/errors.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import { sendXlsx, xlsxFileName } from '../../imports/xlsx-export.ts';
import type { AppServices, Ctx } from '../../kernel/context.ts';
import { activitiesMessages } from './activities.messages.ts';
import { activitiesExport } from './commands/export-activities.ts';
import { exportVisitRollup } from './commands/export-visit-rollup.ts';
import { ensureVisitRollup } from './commands/generate-visit-rollup.ts';
import { createActivity } from './commands/create-activity.ts';
import { updateActivity } from './commands/update-activity.ts';
import { submitVisitLog } from './commands/submit-visit-log.ts';
import { getActivityDetail, listActivities } from './queries/activities.ts';
import { myVisitLog } from './queries/visit-log.ts';
import { visitRollupView } from './queries/visit-rollup.ts';

/**
 * 客户活动: visits, negotiations, communications, reception plans and summaries; 客户巡访登记:
 * one's daily log and the weekly roll-up (巡访周报).
 */
export function activitiesRoutes(api: Api, services: AppServices): void {
  const detail = async (ctx: Ctx, id: string) => {
    const view = await getActivityDetail(ctx.db, ctx.actor, id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  mountContract(api, services, activitiesContract, {
    list: async ({ ctx, query }) => listActivities(ctx.db, ctx.actor, query),
    create: async ({ ctx, body }) => detail(ctx, await createActivity(ctx, body)),
    exportXlsx: async ({ ctx, query, reply }) => activitiesExport.send(reply, ctx, query),
    get: async ({ ctx, params }) => detail(ctx, params.id),
    update: async ({ ctx, params, body }) => {
      await updateActivity(ctx, params.id, body);
      return detail(ctx, params.id);
    },
  });

  mountContract(api, services, visitLogsContract, {
    mine: async ({ ctx, query }) => myVisitLog(ctx.db, ctx.actor, query, ctx.now),
    submit: async ({ ctx, params, body }) => {
      await submitVisitLog(ctx, params.date, body);
      return myVisitLog(ctx.db, ctx.actor, { to: params.date }, ctx.now);
    },
    rollup: async ({ ctx, query }) => {
      // a finished week never generated is stored first, so every reader sees the same figures
      await ensureVisitRollup(ctx, query.week);
      return visitRollupView(ctx.db, ctx.actor, query.week, ctx.now);
    },
    rollupExportXlsx: async ({ ctx, query, reply }) => {
      const { buffer, weekStart } = await exportVisitRollup(ctx, query.week);
      return sendXlsx(reply, buffer, xlsxFileName(activitiesMessages.l10n('export.rollup.file', { week: weekStart }), ctx));
    },
  });
}
