import { TableOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { projectTrackingContract } from '../../../../core/project-tracking/project-tracking.contract.ts';

/** 项目跟踪表: the weekly tracking of open projects. */
export const projectTrackingModule: WebModule<typeof projectTrackingContract> = defineWebModule({
  name: 'project-tracking',
  routes: [
    { path: '/project-tracking', page: lazyPage(() => import('./pages/tracking-page.tsx'), 'TrackingPage'), permission: 'project.read' },
  ],
  nav: [
    {
      section: 'projects',
      path: '/project-tracking',
      labelKey: 'projectTracking.nav',
      icon: <TableOutlined />,
      permission: 'project.read',
    },
  ],
});
