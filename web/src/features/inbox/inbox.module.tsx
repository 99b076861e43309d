import { BellOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { notificationsContract } from '../../../../core/notifications/notifications.contract.ts';

/** 站内通知: the inbox (the bell in the header is part of the shell). */
export const inboxModule: WebModule<typeof notificationsContract> = defineWebModule({
  name: 'inbox',
  routes: [{ path: '/inbox', page: lazyPage(() => import('./pages/inbox-page.tsx'), 'InboxPage') }],
  nav: [{ section: 'me', path: '/inbox', labelKey: 'inbox.nav', icon: <BellOutlined /> }],
});
