import { projectTrackingContract } from '../../../core/project-tracking/project-tracking.contract.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import { sendXlsx } from '../../imports/xlsx-export.ts';
import type { AppServices } from '../../kernel/context.ts';
import { exportTrackingWeek } from './commands/export-tracking-week.ts';
import { projectTrackingMessages } from './project-tracking.messages.ts';
import { openTrackingWeek } from './commands/open-tracking-week.ts';
import { updateTrackingRow } from './commands/update-tracking-row.ts';
import { missingTracking } from './queries/project-tracking.ts';
import { weekOf } from './tracking-week.ts';

/** The weekly project tracking table (项目跟踪表, seed 003). */
export function projectTrackingRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, projectTrackingContract, {
    week: async ({ ctx, query }) => openTrackingWeek(ctx, query),
    missing: async ({ ctx, query }) => missingTracking(ctx.db, ctx.actor, weekOf(ctx.now, query.week)),
    exportXlsx: async ({ ctx, query, reply }) => {
      const { buffer, week } = await exportTrackingWeek(ctx, query);
      const base = projectTrackingMessages.l10n('export.file', { week: week.replace(/-/g, '') });
      return sendXlsx(reply, buffer, { name: `${base[ctx.actor.locale]}.xlsx`, ascii: `${base.en}.xlsx` });
    },
    update: async ({ ctx, params, body }) => {
      await updateTrackingRow(ctx, params.id, body);
      return { ok: true as const };
    },
  });
}
