import type { DefaultGrants } from '../default-roles.ts';
import { definePermissions } from '../permissions.ts';

/** The capabilities of notification administration, with their labels in both languages. */
export const NOTIFICATION_PERMISSIONS = definePermissions({
  'notification.admin': {
    group: 'admin',
    'zh-CN': '通知管理（渠道设置、抄送规则、发送记录）',
    en: 'Notification administration (channels, CC rule, outbox)',
  },
});

declare module '../permissions.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PermissionRegistry extends Record<keyof typeof NOTIFICATION_PERMISSIONS, true> {}
}

/** Which default roles (core/default-roles.ts) hold these capabilities in a new database. */
export const NOTIFICATION_DEFAULT_GRANTS: DefaultGrants<keyof typeof NOTIFICATION_PERMISSIONS> = {
  admin: ['notification.admin'],
};
