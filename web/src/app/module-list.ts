/**
 * The web side of the module list (the server's is server/module-list.ts). A new module adds one
 * line: its feature module (`features/<name>/<name>.module.tsx`: lazy pages, menu items, and as a
 * type the contracts it calls). The router (router.tsx) and the menu (navigation.tsx) read this
 * list; the API client's types (web/src/shared/api/routes.ts) are inferred from its contracts, so
 * the browser can only call endpoints the server mounts, with the bodies it accepts (only types:
 * zod never reaches the bundle). Strings (`features/<name>/i18n/*.json`) are merged by
 * web/src/i18n/index.ts without a list.
 */
import type { WebModule } from './web-module.ts';
import { authModule } from '../features/auth/auth.module.tsx';
import { workspaceModule } from '../features/workspace/workspace.module.tsx';
import { projectsModule } from '../features/projects/projects.module.tsx';
import { projectTrackingModule } from '../features/project-tracking/project-tracking.module.tsx';
import { customersModule } from '../features/customers/customers.module.tsx';
import { partnersModule } from '../features/partners/partners.module.tsx';
import { leadsModule } from '../features/leads/leads.module.tsx';
import { activitiesModule } from '../features/activities/activities.module.tsx';
import { visitLogsModule } from '../features/visit-logs/visit-logs.module.tsx';
import { casesModule } from '../features/cases/cases.module.tsx';
import { approvalsModule } from '../features/approvals/approvals.module.tsx';
import { inboxModule } from '../features/inbox/inbox.module.tsx';
import { profileModule } from '../features/profile/profile.module.tsx';
import { adminUsersModule } from '../features/admin-users/admin-users.module.tsx';
import { adminDepartmentsModule } from '../features/admin-departments/admin-departments.module.tsx';
import { adminRolesModule } from '../features/admin-roles/admin-roles.module.tsx';
import { adminAuditModule } from '../features/admin-audit/admin-audit.module.tsx';
import { adminSettingsModule } from '../features/admin-settings/admin-settings.module.tsx';
import { adminNotificationsModule } from '../features/admin-notifications/admin-notifications.module.tsx';
import { adminJobsModule } from '../features/admin-jobs/admin-jobs.module.tsx';
import { adminApprovalsModule } from '../features/admin-approvals/admin-approvals.module.tsx';
import { adminCalendarModule } from '../features/admin-calendar/admin-calendar.module.tsx';
import { adminDeadlinesModule } from '../features/admin-deadlines/admin-deadlines.module.tsx';

/**
 * Every web module, in menu order: within a menu section, items appear in the order of this list
 * (and of each module's `nav`).
 */
export const WEB_MODULES = [
  authModule,
  workspaceModule,
  projectsModule,
  projectTrackingModule,
  customersModule,
  partnersModule,
  leadsModule,
  activitiesModule,
  visitLogsModule,
  casesModule,
  approvalsModule,
  inboxModule,
  profileModule,
  adminUsersModule,
  adminDepartmentsModule,
  adminRolesModule,
  adminAuditModule,
  adminSettingsModule,
  adminNotificationsModule,
  adminJobsModule,
  adminApprovalsModule,
  adminCalendarModule,
  adminDeadlinesModule,
] as const satisfies readonly WebModule[];

/** Every server contract the web modules call; the API client's types are inferred from them. */
export type ModuleContracts = NonNullable<(typeof WEB_MODULES)[number]['contracts']>[number];
