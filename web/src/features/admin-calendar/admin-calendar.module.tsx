import { CalendarOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/web-module.ts';

/** 工作日历. */
export const adminCalendarModule = defineWebModule({
  name: 'admin-calendar',
  routes: [{ path: '/admin/calendar', page: lazyPage(() => import('./pages/calendar-page.tsx'), 'CalendarPage'), permission: 'calendar.manage' }],
  nav: [{ section: 'admin', path: '/admin/calendar', labelKey: 'calendar.nav', icon: <CalendarOutlined />, permission: 'calendar.manage' }],
});
