import { z } from 'zod';
import { OkBody } from '../../../core/schemas/common.schema.ts';
import { MissingTrackingView, TrackingExportQuery, TrackingPage, TrackingQuery, UpdateTrackingBody } from '../../../core/schemas/projects.schema.ts';
import { exportTrackingWeek, openTrackingWeek, updateTrackingRow, weekOf } from '../../commands/project-tracking.ts';
import { sendXlsx } from '../../imports/xlsx-export.ts';
import { missingTracking } from '../../queries/project-tracking.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['project-tracking'];

/** The weekly project tracking table (项目跟踪表, seed 003). */
export async function projectTrackingRoutes(api: Api, services: AppServices) {
  api.get('/project-tracking', {
    config: { access: { permission: 'project.read' } },
    schema: { tags, summary: '项目跟踪表（周）Weekly tracking table', querystring: TrackingQuery, response: { 200: TrackingPage, ...errorResponses } },
  }, async (req) => openTrackingWeek(ctxOf(req, services), req.query));

  api.get('/project-tracking/missing', {
    config: { access: { permission: 'project.tracking' } },
    schema: { tags, summary: '未填写的跟踪表 Missing updates', querystring: z.object({ week: TrackingQuery.shape.week }), response: { 200: MissingTrackingView, ...errorResponses } },
  }, async (req) => {
    const ctx = ctxOf(req, services);
    return missingTracking(services.db, req.actor, weekOf(ctx, req.query.week));
  });

  api.get('/project-tracking/export.xlsx', {
    config: { access: { permission: 'project.read' } },
    schema: { tags, summary: '导出项目跟踪表 Export (.xlsx)', querystring: TrackingExportQuery },
  }, async (req, reply) => {
    const { buffer, week } = await exportTrackingWeek(ctxOf(req, services), req.query);
    const stamp = week.replace(/-/g, '');
    return sendXlsx(reply, buffer, { name: `项目跟踪表-${stamp}.xlsx`, ascii: `project-tracking-${stamp}.xlsx` });
  });

  api.patch('/project-tracking/:id', {
    config: { access: { permission: 'project.read' } },
    schema: { tags, summary: '填写跟踪表 / 主管意见 Fill a row or comment', params: z.object({ id: z.string().uuid() }), body: UpdateTrackingBody, response: { 200: OkBody, ...errorResponses } },
  }, async (req) => {
    await updateTrackingRow(ctxOf(req, services), req.params.id, req.body);
    return { ok: true as const };
  });
}
