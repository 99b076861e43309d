import { z } from 'zod';
import { OkBody } from '../../../core/schemas/common.schema.ts';
import { JobPage, JobQuery, ScheduleView } from '../../../core/schemas/notifications.schema.ts';
import { retryDeadJob } from '../../commands/retry-background-work.ts';
import { listJobs, listSchedules } from '../../queries/jobs.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['jobs'];
const IdParams = z.object({ id: z.string().uuid() });

export async function jobsRoutes(api: Api, services: AppServices) {
  api.get('/jobs', {
    config: { access: { permission: 'job.manage' } },
    schema: { tags, summary: '后台任务 Background jobs', querystring: JobQuery, response: { 200: JobPage, ...errorResponses } },
  }, async (req) => listJobs(services.db, req.query));

  api.get('/jobs/schedules', {
    config: { access: { permission: 'job.manage' } },
    schema: { tags, summary: '定时任务 Schedules', response: { 200: z.array(ScheduleView), ...errorResponses } },
  }, async () => listSchedules(services.db));

  api.post('/jobs/:id/retry', {
    config: { access: { permission: 'job.manage' } },
    schema: { tags, summary: '重试失败任务 Retry a dead job', params: IdParams, response: { 200: OkBody, ...errorResponses } },
  }, async (req) => {
    await retryDeadJob(ctxOf(req, services), req.params.id);
    return { ok: true as const };
  });
}
