import { KeyOutlined, LockOutlined, NotificationOutlined, UserOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';

/** 个人资料, 修改密码, API 令牌 and 通知设置: what every signed-in user manages for themselves. */
export const profileModule: WebModule<never> = defineWebModule({
  name: 'profile',
  routes: [
    { path: '/profile', page: lazyPage(() => import('./pages/profile-page.tsx'), 'ProfilePage') },
    { path: '/profile/password', page: lazyPage(() => import('./pages/change-password-page.tsx'), 'ChangePasswordPage') },
    { path: '/profile/tokens', page: lazyPage(() => import('./pages/api-tokens-page.tsx'), 'ApiTokensPage') },
    {
      path: '/profile/notifications',
      page: lazyPage(() => import('./pages/notification-preferences-page.tsx'), 'NotificationPreferencesPage'),
    },
  ],
  nav: [
    { section: 'me', path: '/profile', labelKey: 'nav.profile', icon: <UserOutlined /> },
    { section: 'me', path: '/profile/password', labelKey: 'nav.changePassword', icon: <LockOutlined /> },
    { section: 'me', path: '/profile/tokens', labelKey: 'nav.apiTokens', icon: <KeyOutlined /> },
    { section: 'me', path: '/profile/notifications', labelKey: 'notifyPrefs.nav', icon: <NotificationOutlined /> },
  ],
});
