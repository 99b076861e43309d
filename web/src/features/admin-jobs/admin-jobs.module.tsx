import { ScheduleOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/web-module.ts';

/** 后台任务. */
export const adminJobsModule = defineWebModule({
  name: 'admin-jobs',
  routes: [{ path: '/admin/jobs', page: lazyPage(() => import('./pages/jobs-page.tsx'), 'JobsPage'), permission: 'job.manage' }],
  nav: [{ section: 'admin', path: '/admin/jobs', labelKey: 'jobsAdmin.nav', icon: <ScheduleOutlined />, permission: 'job.manage' }],
});
