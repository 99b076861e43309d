import { defineContract } from '../contract.ts';
import { SecuritySettingsView, UpdateSecuritySettingsBody } from './settings.schema.ts';

/** Security settings: the password policy (length, 等保 compliance mode, maximum age). */
export const settingsContract = defineContract('settings', {
  getSecurity: {
    method: 'GET',
    path: '/settings/security',
    summary: '安全设置 Security settings',
    access: { permission: 'system.settings' },
    response: SecuritySettingsView,
  },
  updateSecurity: {
    method: 'PUT',
    path: '/settings/security',
    summary: '修改安全设置 Update security settings',
    access: { permission: 'system.settings' },
    body: UpdateSecuritySettingsBody,
    response: SecuritySettingsView,
  },
});
