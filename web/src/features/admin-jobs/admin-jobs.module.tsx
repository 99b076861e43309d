import { ScheduleOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { jobsContract } from '../../../../core/jobs/jobs.contract.ts';

/** 后台任务. */
export const adminJobsModule: WebModule<typeof jobsContract> = defineWebModule({
  name: 'admin-jobs',
  routes: [{ path: '/admin/jobs', page: lazyPage(() => import('./pages/jobs-page.tsx'), 'JobsPage'), permission: 'job.manage' }],
  nav: [{ section: 'admin', path: '/admin/jobs', labelKey: 'jobsAdmin.nav', icon: <ScheduleOutlined />, permission: 'job.manage' }],
});
