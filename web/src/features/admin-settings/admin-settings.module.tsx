import { SettingOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/web-module.ts';

/** 安全设置. */
export const adminSettingsModule = defineWebModule({
  name: 'admin-settings',
  routes: [{ path: '/admin/settings', page: lazyPage(() => import('./pages/security-settings-page.tsx'), 'SecuritySettingsPage'), permission: 'system.settings' }],
  nav: [{ section: 'admin', path: '/admin/settings', labelKey: 'nav.settings', icon: <SettingOutlined />, permission: 'system.settings' }],
});
