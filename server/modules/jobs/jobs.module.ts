import { jobsContract } from '../../../core/jobs/jobs.contract.ts';
import { JOB_DEFAULT_GRANTS, JOB_PERMISSIONS } from '../../../core/jobs/jobs.permissions.ts';
import { pruneJobsSchedule } from '../../jobs/runner.ts';
import { defineModule } from '../define-module.ts';
import { jobsRoutes } from './jobs.routes.ts';

/** 后台任务: the administration of the job runner (server/jobs/runner.ts) and its pruning of finished jobs. */
export const jobsModule = defineModule({
  name: 'jobs',
  permissions: JOB_PERMISSIONS,
  defaultGrants: JOB_DEFAULT_GRANTS,
  contracts: [jobsContract],
  routes: jobsRoutes,
  schedules: [pruneJobsSchedule],
});
