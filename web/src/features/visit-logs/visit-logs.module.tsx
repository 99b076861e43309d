import { BarChartOutlined, CarOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { visitLogsContract } from '../../../../core/activities/visit-logs.contract.ts';

/** 巡访登记: my visit log and the visit roll-up report. */
export const visitLogsModule: WebModule<typeof visitLogsContract> = defineWebModule({
  name: 'visit-logs',
  routes: [
    { path: '/visit-logs', page: lazyPage(() => import('./pages/my-visit-log-page.tsx'), 'MyVisitLogPage'), permission: 'activity.create' },
    {
      path: '/reports/visit-rollup',
      page: lazyPage(() => import('./pages/visit-rollup-page.tsx'), 'VisitRollupPage'),
      permission: 'report.visit_rollup',
    },
  ],
  nav: [
    { section: 'intake', path: '/visit-logs', labelKey: 'visitLogs.nav', icon: <CarOutlined />, permission: 'activity.create' },
    {
      section: 'intake',
      path: '/reports/visit-rollup',
      labelKey: 'visitLogs.navRollup',
      icon: <BarChartOutlined />,
      permission: 'report.visit_rollup',
    },
  ],
});
