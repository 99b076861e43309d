import { settingsContract } from '../../../core/settings/settings.contract.ts';
import { SETTINGS_DEFAULT_GRANTS, SETTINGS_PERMISSIONS } from '../../../core/settings/settings.permissions.ts';
import { defineModule } from '../define-module.ts';
import { settingsRoutes } from './settings.routes.ts';

/** Security settings: the password policy an administrator may switch to 等保 compliance mode. */
export const settingsModule = defineModule({
  name: 'settings',
  permissions: SETTINGS_PERMISSIONS,
  defaultGrants: SETTINGS_DEFAULT_GRANTS,
  contracts: [settingsContract],
  routes: settingsRoutes,
});
