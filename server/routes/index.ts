import type { AppServices } from '../http/context.ts';
import type { Api } from './types.ts';
import { healthRoutes } from './health/health.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { usersRoutes } from './users/users.routes.ts';
import { departmentsRoutes } from './departments/departments.routes.ts';
import { rolesRoutes } from './roles/roles.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { settingsRoutes } from './settings/settings.routes.ts';
import { notificationsRoutes } from './notifications/notifications.routes.ts';
import { jobsRoutes } from './jobs/jobs.routes.ts';
import { approvalsRoutes } from './approvals/approvals.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { deadlinesRoutes } from './deadlines/deadlines.routes.ts';

/** Every module's routes, mounted under /api. A new module adds one line here. */
export async function registerRoutes(api: Api, services: AppServices): Promise<void> {
  await healthRoutes(api, services);
  await authRoutes(api, services);
  await usersRoutes(api, services);
  await departmentsRoutes(api, services);
  await rolesRoutes(api, services);
  await auditRoutes(api, services);
  await settingsRoutes(api, services);
  await notificationsRoutes(api, services);
  await jobsRoutes(api, services);
  await approvalsRoutes(api, services);
  await calendarRoutes(api, services);
  await deadlinesRoutes(api, services);
}
