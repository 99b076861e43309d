import type { DefaultGrants } from '../default-roles.ts';
import { definePermissions } from '../permissions.ts';

/** The capabilities of background jobs, with their labels in both languages. */
export const JOB_PERMISSIONS = definePermissions({
  'job.manage': { group: 'admin', 'zh-CN': '后台任务管理（查看与重试）', en: 'Background jobs (view and retry)' },
});

declare module '../permissions.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PermissionRegistry extends Record<keyof typeof JOB_PERMISSIONS, true> {}
}

/** Which default roles (core/default-roles.ts) hold these capabilities in a new database. */
export const JOB_DEFAULT_GRANTS: DefaultGrants<keyof typeof JOB_PERMISSIONS> = {
  admin: ['job.manage'],
};
