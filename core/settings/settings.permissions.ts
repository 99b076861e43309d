import type { DefaultGrants } from '../default-roles.ts';
import { definePermissions } from '../permissions.ts';

/** The capabilities of security settings, with their labels in both languages. */
export const SETTINGS_PERMISSIONS = definePermissions({
  'system.settings': {
    group: 'admin',
    'zh-CN': '系统安全设置（密码策略、等保模式）',
    en: 'Security settings (password policy, MLPS mode)',
  },
});

declare module '../permissions.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PermissionRegistry extends Record<keyof typeof SETTINGS_PERMISSIONS, true> {}
}

/** Which default roles (core/default-roles.ts) hold these capabilities in a new database. */
export const SETTINGS_DEFAULT_GRANTS: DefaultGrants<keyof typeof SETTINGS_PERMISSIONS> = {
  admin: ['system.settings'],
};
