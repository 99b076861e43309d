import { z } from 'zod';
import { pageOf, PageQuery } from '../schemas/common.schema.ts';

/** Background jobs and schedules, as the administration screen lists them. */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'dead'] as const;
export const JobView = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(JOB_STATUSES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof JobView>;
export const JobQuery = PageQuery.extend({
  status: z.enum(JOB_STATUSES).optional(),
  name: z.string().max(100).optional(),
});
export const JobPage = pageOf(JobView);
export const ScheduleView = z.object({
  name: z.string(),
  everyMs: z.number().int(),
  nextRunAt: z.string(),
  lastRunAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type ScheduleView = z.infer<typeof ScheduleView>;
