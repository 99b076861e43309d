import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import type { Permission } from '../../../core/permissions.ts';
import { FullPageSpin } from '../shared/components/full-page-spin.tsx';
import { AppLayout } from './app-layout.tsx';
import { RequireAuth, RequirePermission, RequireSignedOut } from './guards.tsx';

// Every page is its own chunk: the first load carries only the shell and the login page.
const LoginPage = lazy(() => import('../features/auth/pages/login-page.tsx').then((m) => ({ default: m.LoginPage })));
const ForcedPasswordPage = lazy(() =>
  import('../features/auth/pages/forced-password-page.tsx').then((m) => ({ default: m.ForcedPasswordPage })),
);
const ProfilePage = lazy(() => import('../features/profile/pages/profile-page.tsx').then((m) => ({ default: m.ProfilePage })));
const ChangePasswordPage = lazy(() =>
  import('../features/profile/pages/change-password-page.tsx').then((m) => ({ default: m.ChangePasswordPage })),
);
const ApiTokensPage = lazy(() => import('../features/profile/pages/api-tokens-page.tsx').then((m) => ({ default: m.ApiTokensPage })));
const UsersPage = lazy(() => import('../features/admin-users/pages/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const DepartmentsPage = lazy(() =>
  import('../features/admin-departments/pages/departments-page.tsx').then((m) => ({ default: m.DepartmentsPage })),
);
const RolesPage = lazy(() => import('../features/admin-roles/pages/roles-page.tsx').then((m) => ({ default: m.RolesPage })));
const AuditPage = lazy(() => import('../features/admin-audit/pages/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
const InboxPage = lazy(() => import('../features/inbox/pages/inbox-page.tsx').then((m) => ({ default: m.InboxPage })));
const NotificationPreferencesPage = lazy(() =>
  import('../features/inbox/pages/notification-preferences-page.tsx').then((m) => ({ default: m.NotificationPreferencesPage })),
);
const NotificationAdminPage = lazy(() =>
  import('../features/admin-notifications/pages/notification-admin-page.tsx').then((m) => ({ default: m.NotificationAdminPage })),
);
const JobsPage = lazy(() => import('../features/admin-jobs/pages/jobs-page.tsx').then((m) => ({ default: m.JobsPage })));
const MyApprovalsPage = lazy(() => import('../features/approvals/pages/my-approvals-page.tsx').then((m) => ({ default: m.MyApprovalsPage })));
const ApprovalDetailPage = lazy(() =>
  import('../features/approvals/pages/approval-detail-page.tsx').then((m) => ({ default: m.ApprovalDetailPage })),
);
const DelegationPage = lazy(() => import('../features/approvals/pages/delegation-page.tsx').then((m) => ({ default: m.DelegationPage })));
const ApprovalProcessesPage = lazy(() =>
  import('../features/admin-approvals/pages/processes-page.tsx').then((m) => ({ default: m.ApprovalProcessesPage })),
);
const ChainEditorPage = lazy(() =>
  import('../features/admin-approvals/pages/chain-editor-page.tsx').then((m) => ({ default: m.ChainEditorPage })),
);
const CalendarPage = lazy(() => import('../features/admin-calendar/pages/calendar-page.tsx').then((m) => ({ default: m.CalendarPage })));
const DeadlinesPage = lazy(() => import('../features/admin-deadlines/pages/deadlines-page.tsx').then((m) => ({ default: m.DeadlinesPage })));
const WorkspacePage = lazy(() => import('../features/workspace/pages/workspace-page.tsx').then((m) => ({ default: m.WorkspacePage })));
const ProjectsPage = lazy(() => import('../features/projects/pages/projects-page.tsx').then((m) => ({ default: m.ProjectsPage })));
const ProjectNewPage = lazy(() => import('../features/projects/pages/project-new-page.tsx').then((m) => ({ default: m.ProjectNewPage })));
const ProjectPage = lazy(() => import('../features/projects/pages/project-page.tsx').then((m) => ({ default: m.ProjectPage })));
const MyTasksPage = lazy(() => import('../features/projects/pages/my-tasks-page.tsx').then((m) => ({ default: m.MyTasksPage })));
const TrackingPage = lazy(() => import('../features/project-tracking/pages/tracking-page.tsx').then((m) => ({ default: m.TrackingPage })));
const CustomersPage = lazy(() => import('../features/customers/pages/customers-page.tsx').then((m) => ({ default: m.CustomersPage })));
const CustomerDetailPage = lazy(() =>
  import('../features/customers/pages/customer-detail-page.tsx').then((m) => ({ default: m.CustomerDetailPage })),
);
const PartnersPage = lazy(() => import('../features/partners/pages/partners-page.tsx').then((m) => ({ default: m.PartnersPage })));
const PartnerDetailPage = lazy(() =>
  import('../features/partners/pages/partner-detail-page.tsx').then((m) => ({ default: m.PartnerDetailPage })),
);
const LeadsPage = lazy(() => import('../features/leads/pages/leads-page.tsx').then((m) => ({ default: m.LeadsPage })));
const ScreeningPage = lazy(() => import('../features/leads/pages/leads-page.tsx').then((m) => ({ default: m.ScreeningPage })));
const LeadRegisterPage = lazy(() => import('../features/leads/pages/lead-register-page.tsx').then((m) => ({ default: m.LeadRegisterPage })));
const PartnerRegistrationPage = lazy(() =>
  import('../features/leads/pages/partner-registration-page.tsx').then((m) => ({ default: m.PartnerRegistrationPage })),
);
const LeadDetailPage = lazy(() => import('../features/leads/pages/lead-detail-page.tsx').then((m) => ({ default: m.LeadDetailPage })));
const ActivitiesPage = lazy(() => import('../features/activities/pages/activities-page.tsx').then((m) => ({ default: m.ActivitiesPage })));
const ActivityFormPage = lazy(() => import('../features/activities/pages/activity-form-page.tsx').then((m) => ({ default: m.ActivityFormPage })));
const ActivityDetailPage = lazy(() => import('../features/activities/pages/activity-detail-page.tsx').then((m) => ({ default: m.ActivityDetailPage })));
const MyVisitLogPage = lazy(() => import('../features/visit-logs/pages/my-visit-log-page.tsx').then((m) => ({ default: m.MyVisitLogPage })));
const VisitRollupPage = lazy(() => import('../features/visit-logs/pages/visit-rollup-page.tsx').then((m) => ({ default: m.VisitRollupPage })));
const CasesPage = lazy(() => import('../features/cases/pages/cases-page.tsx').then((m) => ({ default: m.CasesPage })));
const CaseDetailPage = lazy(() => import('../features/cases/pages/case-detail-page.tsx').then((m) => ({ default: m.CaseDetailPage })));
const NotFoundPage = lazy(() => import('./status-pages.tsx').then((m) => ({ default: m.NotFoundPage })));
const SecuritySettingsPage = lazy(() =>
  import('../features/admin-settings/pages/security-settings-page.tsx').then((m) => ({ default: m.SecuritySettingsPage })),
);

function guarded(permission: Permission, page: ReactNode): ReactNode {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="/login"
          element={
            <RequireSignedOut>
              <Suspense fallback={<FullPageSpin />}>
                <LoginPage />
              </Suspense>
            </RequireSignedOut>
          }
        />
        <Route
          path="/change-password"
          element={
            <RequireAuth passwordChange>
              <Suspense fallback={<FullPageSpin />}>
                <ForcedPasswordPage />
              </Suspense>
            </RequireAuth>
          }
        />
        <Route
          path="/"
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<WorkspacePage />} />
          <Route path="tasks" element={<MyTasksPage />} />
          <Route path="projects" element={guarded('project.read', <ProjectsPage />)} />
          <Route path="projects/new" element={guarded('project.create', <ProjectNewPage />)} />
          <Route path="projects/:id" element={guarded('project.read', <ProjectPage />)} />
          <Route path="project-tracking" element={guarded('project.read', <TrackingPage />)} />
          <Route path="customers" element={guarded('customer.read', <CustomersPage />)} />
          <Route path="customers/:id" element={guarded('customer.read', <CustomerDetailPage />)} />
          <Route path="partners" element={guarded('partner.read', <PartnersPage />)} />
          <Route path="partners/:id" element={guarded('partner.read', <PartnerDetailPage />)} />
          <Route path="leads" element={guarded('lead.read', <LeadsPage />)} />
          <Route path="leads/screening" element={guarded('lead.screen', <ScreeningPage />)} />
          <Route path="leads/new" element={guarded('lead.register', <LeadRegisterPage />)} />
          <Route path="leads/partner-registration" element={guarded('lead.register', <PartnerRegistrationPage />)} />
          <Route path="leads/:id" element={guarded('lead.read', <LeadDetailPage />)} />
          <Route path="activities" element={guarded('activity.read', <ActivitiesPage />)} />
          <Route path="activities/new" element={guarded('activity.create', <ActivityFormPage />)} />
          <Route path="activities/:id" element={guarded('activity.read', <ActivityDetailPage />)} />
          <Route path="activities/:id/edit" element={guarded('activity.create', <ActivityFormPage />)} />
          <Route path="visit-logs" element={guarded('activity.create', <MyVisitLogPage />)} />
          <Route path="reports/visit-rollup" element={guarded('report.visit_rollup', <VisitRollupPage />)} />
          <Route path="cases" element={guarded('case.read', <CasesPage />)} />
          <Route path="cases/:id" element={guarded('case.read', <CaseDetailPage />)} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="profile/password" element={<ChangePasswordPage />} />
          <Route path="profile/tokens" element={<ApiTokensPage />} />
          <Route path="admin/users" element={guarded('user.read', <UsersPage />)} />
          <Route path="admin/departments" element={guarded('department.read', <DepartmentsPage />)} />
          <Route path="admin/roles" element={guarded('role.read', <RolesPage />)} />
          <Route path="admin/audit" element={guarded('audit.read', <AuditPage />)} />
          <Route path="admin/settings" element={guarded('system.settings', <SecuritySettingsPage />)} />
          <Route path="inbox" element={<InboxPage />} />
          <Route path="profile/notifications" element={<NotificationPreferencesPage />} />
          <Route path="admin/notifications" element={guarded('notification.admin', <NotificationAdminPage />)} />
          <Route path="admin/jobs" element={guarded('job.manage', <JobsPage />)} />
          <Route path="approvals" element={<MyApprovalsPage />} />
          <Route path="approvals/delegation" element={<DelegationPage />} />
          <Route path="approvals/:id" element={<ApprovalDetailPage />} />
          <Route path="admin/approvals" element={guarded('approval.admin', <ApprovalProcessesPage />)} />
          <Route path="admin/approvals/chain" element={guarded('approval.admin', <ChainEditorPage />)} />
          <Route path="admin/calendar" element={guarded('calendar.manage', <CalendarPage />)} />
          <Route path="admin/deadlines" element={guarded('deadline.read', <DeadlinesPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
