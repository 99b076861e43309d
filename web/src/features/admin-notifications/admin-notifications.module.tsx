import { MailOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';

/** 通知管理: channels, CC rules, the outbox. */
export const adminNotificationsModule: WebModule<never> = defineWebModule({
  name: 'admin-notifications',
  routes: [
    {
      path: '/admin/notifications',
      page: lazyPage(() => import('./pages/notification-admin-page.tsx'), 'NotificationAdminPage'),
      permission: 'notification.admin',
    },
  ],
  nav: [
    {
      section: 'admin',
      path: '/admin/notifications',
      labelKey: 'notifyAdmin.nav',
      icon: <MailOutlined />,
      permission: 'notification.admin',
    },
  ],
});
