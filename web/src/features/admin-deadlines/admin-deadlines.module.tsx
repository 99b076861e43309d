import { FieldTimeOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { deadlinesContract } from '../../../../core/deadlines/deadlines.contract.ts';

/** 时限管理. */
export const adminDeadlinesModule: WebModule<typeof deadlinesContract> = defineWebModule({
  name: 'admin-deadlines',
  routes: [
    { path: '/admin/deadlines', page: lazyPage(() => import('./pages/deadlines-page.tsx'), 'DeadlinesPage'), permission: 'deadline.read' },
  ],
  nav: [
    { section: 'admin', path: '/admin/deadlines', labelKey: 'deadlines.nav', icon: <FieldTimeOutlined />, permission: 'deadline.read' },
  ],
});
