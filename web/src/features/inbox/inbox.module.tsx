import { BellOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/web-module.ts';

/** 站内通知: the inbox (the bell in the header is part of the shell). */
export const inboxModule = defineWebModule({
  name: 'inbox',
  routes: [{ path: '/inbox', page: lazyPage(() => import('./pages/inbox-page.tsx'), 'InboxPage') }],
  nav: [{ section: 'me', path: '/inbox', labelKey: 'inbox.nav', icon: <BellOutlined /> }],
});
