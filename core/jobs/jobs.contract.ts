import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { OkBody } from '../schemas/common.schema.ts';
import { JobPage, JobQuery, ScheduleView } from './jobs.schema.ts';

const IdParams = z.object({ id: z.string().uuid() });
const access = { permission: 'job.manage' } as const;

/** 后台任务: the job queue and the schedules, for administrators; a dead job can be queued again. */
export const jobsContract = defineContract('jobs', {
  list: { method: 'GET', path: '/jobs', summary: '后台任务 Background jobs', access, query: JobQuery, response: JobPage },
  schedules: { method: 'GET', path: '/jobs/schedules', summary: '定时任务 Schedules', access, response: z.array(ScheduleView) },
  retry: { method: 'POST', path: '/jobs/:id/retry', summary: '重试失败任务 Retry a dead job', access, params: IdParams, response: OkBody },
});
