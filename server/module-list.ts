/**
 * Every module of the server (platform and business), in the order their setups run. A new module adds one line here (and its
 * web side one line in web/src/app/module-list.ts); nothing registers itself by being imported.
 */
import type { ModuleDefinition } from './modules/define-module.ts';
import { healthModule } from './modules/health/health.module.ts';
import { authModule } from './modules/auth/auth.module.ts';
import { orgModule } from './modules/org/org.module.ts';
import { auditModule } from './modules/audit/audit.module.ts';
import { settingsModule } from './modules/settings/settings.module.ts';
import { notificationsModule } from './modules/notifications/notifications.module.ts';
import { jobsModule } from './modules/jobs/jobs.module.ts';
import { approvalsModule } from './modules/approvals/approvals.module.ts';
import { calendarModule } from './modules/calendar/calendar.module.ts';
import { deadlinesModule } from './modules/deadlines/deadlines.module.ts';
import { projectsModule } from './modules/projects/projects.module.ts';
import { workspaceModule } from './modules/workspace/workspace.module.ts';
import { projectTrackingModule } from './modules/project-tracking/project-tracking.module.ts';
import { crmModule } from './modules/crm/crm.module.ts';
import { intakeModule } from './modules/intake/intake.module.ts';
import { activitiesModule } from './modules/activities/activities.module.ts';
import { casesModule } from './modules/cases/cases.module.ts';

export const MODULES: readonly ModuleDefinition[] = [
  healthModule,
  authModule,
  orgModule,
  auditModule,
  settingsModule,
  notificationsModule,
  jobsModule,
  approvalsModule,
  calendarModule,
  deadlinesModule,
  crmModule,
  projectsModule,
  workspaceModule,
  projectTrackingModule,
  intakeModule,
  activitiesModule,
  casesModule,
];
