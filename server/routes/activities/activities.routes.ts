import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import {
  ActivityDetail, ActivityExportQuery, ActivityListQuery, ActivityPage, CreateActivityBody, UpdateActivityBody,
} from '../../../core/schemas/activities.schema.ts';
import { createActivity, updateActivity } from '../../commands/save-activity.ts';
import { exportActivities } from '../../commands/activities-xlsx.ts';
import { getActivityDetail, listActivities } from '../../queries/activities.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import type { Actor } from '../../policies/actor.ts';
import { l10n } from '../../imports/xlsx-import.ts';
import { sendXlsx, xlsxFileName } from '../../imports/xlsx-export.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['activities'];
const IdParams = z.object({ id: z.string().uuid() });

/** 客户活动: visits, negotiations, communications, reception plans and summaries. */
export async function activitiesRoutes(api: Api, services: AppServices) {
  const detail = async (actor: Actor, id: string) => {
    const view = await getActivityDetail(services.db, actor, id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  api.get('/activities', {
    config: { access: { permission: 'activity.read' } },
    schema: { tags, summary: '客户活动列表 List activities', querystring: ActivityListQuery, response: { 200: ActivityPage, ...errorResponses } },
  }, async (req) => listActivities(services.db, req.actor, req.query));

  api.post('/activities', {
    config: { access: { permission: 'activity.create' } },
    schema: { tags, summary: '登记客户活动 Record an activity', body: CreateActivityBody, response: { 200: ActivityDetail, ...errorResponses } },
  }, async (req) => detail(req.actor, await createActivity(ctxOf(req, services), req.body)));

  api.get('/activities/export.xlsx', {
    config: { access: { permission: 'customer.export' } },
    schema: { tags, summary: '导出客户活动 Export activities (.xlsx)', querystring: ActivityExportQuery },
  }, async (req, reply) => {
    const ctx = ctxOf(req, services);
    return sendXlsx(reply, await exportActivities(ctx, req.query), xlsxFileName(l10n('客户活动', 'activities'), ctx));
  });

  api.get('/activities/:id', {
    config: { access: { permission: 'activity.read' } },
    schema: { tags, summary: '活动详情 Get an activity', params: IdParams, response: { 200: ActivityDetail, ...errorResponses } },
  }, async (req) => detail(req.actor, req.params.id));

  api.patch('/activities/:id', {
    config: { access: { permission: 'activity.create' } },
    schema: { tags, summary: '修改客户活动 Update an activity', params: IdParams, body: UpdateActivityBody, response: { 200: ActivityDetail, ...errorResponses } },
  }, async (req) => {
    await updateActivity(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });
}
