import { CalendarOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { calendarContract } from '../../../../core/calendar/calendar.contract.ts';

/** 工作日历. */
export const adminCalendarModule: WebModule<typeof calendarContract> = defineWebModule({
  name: 'admin-calendar',
  routes: [
    { path: '/admin/calendar', page: lazyPage(() => import('./pages/calendar-page.tsx'), 'CalendarPage'), permission: 'calendar.manage' },
  ],
  nav: [{ section: 'admin', path: '/admin/calendar', labelKey: 'calendar.nav', icon: <CalendarOutlined />, permission: 'calendar.manage' }],
});
