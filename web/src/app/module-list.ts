/**
 * The web side of the module list (the server's is server/module-list.ts). A new module adds:
 * - its feature module (`features/<name>/<name>.module.tsx`: lazy pages and menu items) to
 *   WEB_MODULES — the router (router.tsx) and the menu (navigation.tsx) read this list; its
 *   strings (`features/<name>/i18n/*.json`) are merged by web/src/i18n/index.ts without a list;
 * - its contract to ModuleContracts: the API client's types (web/src/shared/api/routes.ts) are
 *   inferred from these contracts, so the browser can only call endpoints the server mounts, with
 *   the bodies it accepts. Only their types are imported: zod never reaches the bundle.
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
import type { healthContract } from '../../../core/health/health.contract.ts';
import type { authContract } from '../../../core/auth/auth.contract.ts';
import type { departmentsContract, rolesContract, usersContract } from '../../../core/org/org.contract.ts';
import type { auditContract } from '../../../core/audit/audit.contract.ts';
import type { settingsContract } from '../../../core/settings/settings.contract.ts';
import type { notificationsContract } from '../../../core/notifications/notifications.contract.ts';
import type { jobsContract } from '../../../core/jobs/jobs.contract.ts';
import type { approvalProcessesContract, approvalsContract } from '../../../core/approvals/approvals.contract.ts';
import type { calendarContract } from '../../../core/calendar/calendar.contract.ts';
import type { deadlinesContract } from '../../../core/deadlines/deadlines.contract.ts';
import type { projectsContract } from '../../../core/projects/projects.contract.ts';
import type { projectWorkflowContract } from '../../../core/projects/project-workflow.contract.ts';
import type { projectTeamContract } from '../../../core/projects/project-team.contract.ts';
import type { meetingsContract } from '../../../core/projects/meetings.contract.ts';
import type { savedViewsContract } from '../../../core/projects/saved-views.contract.ts';
import type { workspaceContract } from '../../../core/workspace/workspace.contract.ts';
import type { projectTrackingContract } from '../../../core/project-tracking/project-tracking.contract.ts';
import type { contactsContract, customersContract, partnersContract, searchContract } from '../../../core/crm/crm.contract.ts';
import type { intakeContract } from '../../../core/intake/intake.contract.ts';
import type { activitiesContract } from '../../../core/activities/activities.contract.ts';
import type { visitLogsContract } from '../../../core/activities/visit-logs.contract.ts';
import type { casesContract } from '../../../core/cases/cases.contract.ts';

/**
 * Every web module, in menu order: within a menu section, items appear in the order of this list
 * (and of each module's `nav`).
 */
export const WEB_MODULES: readonly WebModule[] = [
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
];

export type ModuleContracts =
  | typeof healthContract
  | typeof authContract
  | typeof usersContract
  | typeof departmentsContract
  | typeof rolesContract
  | typeof auditContract
  | typeof settingsContract
  | typeof notificationsContract
  | typeof jobsContract
  | typeof approvalsContract
  | typeof approvalProcessesContract
  | typeof calendarContract
  | typeof deadlinesContract
  | typeof projectsContract
  | typeof projectWorkflowContract
  | typeof projectTeamContract
  | typeof meetingsContract
  | typeof savedViewsContract
  | typeof workspaceContract
  | typeof projectTrackingContract
  | typeof customersContract
  | typeof partnersContract
  | typeof contactsContract
  | typeof searchContract
  | typeof intakeContract
  | typeof activitiesContract
  | typeof visitLogsContract
  | typeof casesContract;
