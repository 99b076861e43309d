import { SettingOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { settingsContract } from '../../../../core/settings/settings.contract.ts';

/** 安全设置. */
export const adminSettingsModule: WebModule<typeof settingsContract> = defineWebModule({
  name: 'admin-settings',
  routes: [
    {
      path: '/admin/settings',
      page: lazyPage(() => import('./pages/security-settings-page.tsx'), 'SecuritySettingsPage'),
      permission: 'system.settings',
    },
  ],
  nav: [{ section: 'admin', path: '/admin/settings', labelKey: 'nav.settings', icon: <SettingOutlined />, permission: 'system.settings' }],
});
