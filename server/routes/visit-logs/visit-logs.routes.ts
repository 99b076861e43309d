import {
  SubmitVisitLogBody, VisitLogDateParams, VisitLogList, VisitLogQuery, VisitRollupQuery, VisitRollupView,
} from '../../../core/schemas/activities.schema.ts';
import { submitVisitLog } from '../../commands/submit-visit-log.ts';
import { exportVisitRollup } from '../../commands/activities-xlsx.ts';
import { myVisitLog, visitRollupView } from '../../queries/activities.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { l10n } from '../../imports/xlsx-import.ts';
import { sendXlsx, xlsxFileName } from '../../imports/xlsx-export.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['visit-logs'];

/** 客户巡访登记: one's daily log and the weekly roll-up (巡访周报). */
export async function visitLogsRoutes(api: Api, services: AppServices) {
  api.get('/visit-logs/mine', {
    config: { access: { permission: 'activity.create' } },
    schema: { tags, summary: '我的巡访登记 My visit log', querystring: VisitLogQuery, response: { 200: VisitLogList, ...errorResponses } },
  }, async (req) => myVisitLog(services.db, req.actor, req.query, services.clock()));

  api.post('/visit-logs/:date/submit', {
    config: { access: { permission: 'activity.create' } },
    schema: { tags, summary: '提交当日巡访登记 Submit a day\'s visit log', params: VisitLogDateParams, body: SubmitVisitLogBody, response: { 200: VisitLogList, ...errorResponses } },
  }, async (req) => {
    await submitVisitLog(ctxOf(req, services), req.params.date, req.body);
    return myVisitLog(services.db, req.actor, { to: req.params.date }, services.clock());
  });

  api.get('/reports/visit-rollup', {
    config: { access: { permission: 'report.visit_rollup' } },
    schema: { tags, summary: '客户巡访周汇总 Weekly visit roll-up', querystring: VisitRollupQuery, response: { 200: VisitRollupView, ...errorResponses } },
  }, async (req) => visitRollupView(services.db, req.actor, req.query.week, services.clock()));

  api.get('/reports/visit-rollup/export.xlsx', {
    config: { access: { permission: 'report.visit_rollup' } },
    schema: { tags, summary: '导出巡访周汇总 Export the roll-up (.xlsx)', querystring: VisitRollupQuery },
  }, async (req, reply) => {
    const ctx = ctxOf(req, services);
    const { buffer, weekStart } = await exportVisitRollup(ctx, req.query.week);
    return sendXlsx(reply, buffer, xlsxFileName(l10n(`客户巡访周汇总-${weekStart}`, `visit-rollup-${weekStart}`), ctx));
  });
}
