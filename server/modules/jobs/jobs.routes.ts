import { jobsContract } from '../../../core/jobs/jobs.contract.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import { retryDeadJob } from './commands/retry-dead-job.ts';
import { listJobs, listSchedules } from './queries/jobs.ts';

/** 后台任务: the queue and the schedules for administrators; a dead job can be queued again. */
export function jobsRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, jobsContract, {
    list: async ({ ctx, query }) => listJobs(ctx.db, query),
    schedules: async ({ ctx }) => listSchedules(ctx.db),
    retry: async ({ ctx, params }) => {
      await retryDeadJob(ctx, params.id);
      return { ok: true as const };
    },
  });
}
