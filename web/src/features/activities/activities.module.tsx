import { CommentOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { activitiesContract } from '../../../../core/activities/activities.contract.ts';

const ActivityFormPage = lazyPage(() => import('./pages/activity-form-page.tsx'), 'ActivityFormPage');

/** 客户活动: the list, the activity page and the form (new and edit). */
export const activitiesModule: WebModule<typeof activitiesContract> = defineWebModule({
  name: 'activities',
  routes: [
    { path: '/activities', page: lazyPage(() => import('./pages/activities-page.tsx'), 'ActivitiesPage'), permission: 'activity.read' },
    { path: '/activities/new', page: ActivityFormPage, permission: 'activity.create' },
    {
      path: '/activities/:id',
      page: lazyPage(() => import('./pages/activity-detail-page.tsx'), 'ActivityDetailPage'),
      permission: 'activity.read',
    },
    { path: '/activities/:id/edit', page: ActivityFormPage, permission: 'activity.create' },
  ],
  nav: [{ section: 'intake', path: '/activities', labelKey: 'activities.nav', icon: <CommentOutlined />, permission: 'activity.read' }],
});
