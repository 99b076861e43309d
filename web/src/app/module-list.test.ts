import { isValidElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { WEB_MODULES } from './module-list.ts';
import { NAV_GROUPS, selectedNavKey } from './navigation.tsx';

/** The icon component's name (antd icons carry a displayName). */
function iconName(icon: ReactNode): string {
  if (!isValidElement(icon)) return '';
  const type = icon.type as { displayName?: string; name?: string };
  return type.displayName ?? type.name ?? '';
}

/**
 * The router and the menu come from the module list; these tables are the app's pages and menu
 * as they were written out by hand before, so a module that loses a page, a permission or a
 * menu position fails here.
 */
describe('web module list', () => {
  it('mounts every page at its path with its permission and frame', () => {
    const routes = WEB_MODULES.flatMap((m) => m.routes).map((r) => [r.path, r.permission ?? null, r.frame ?? 'shell']);
    expect(routes).toEqual([
      ['/login', null, 'signed-out'],
      ['/change-password', null, 'password-change'],
      ['/', null, 'shell'],
      ['/tasks', null, 'shell'],
      ['/projects', 'project.read', 'shell'],
      ['/projects/new', 'project.create', 'shell'],
      ['/projects/:id', 'project.read', 'shell'],
      ['/project-tracking', 'project.read', 'shell'],
      ['/customers', 'customer.read', 'shell'],
      ['/customers/:id', 'customer.read', 'shell'],
      ['/partners', 'partner.read', 'shell'],
      ['/partners/:id', 'partner.read', 'shell'],
      ['/leads', 'lead.read', 'shell'],
      ['/leads/screening', 'lead.screen', 'shell'],
      ['/leads/new', 'lead.register', 'shell'],
      ['/leads/partner-registration', 'lead.register', 'shell'],
      ['/leads/:id', 'lead.read', 'shell'],
      ['/activities', 'activity.read', 'shell'],
      ['/activities/new', 'activity.create', 'shell'],
      ['/activities/:id', 'activity.read', 'shell'],
      ['/activities/:id/edit', 'activity.create', 'shell'],
      ['/visit-logs', 'activity.create', 'shell'],
      ['/reports/visit-rollup', 'report.visit_rollup', 'shell'],
      ['/cases', 'case.read', 'shell'],
      ['/cases/:id', 'case.read', 'shell'],
      ['/approvals', null, 'shell'],
      ['/approvals/delegation', null, 'shell'],
      ['/approvals/:id', null, 'shell'],
      ['/inbox', null, 'shell'],
      ['/profile', null, 'shell'],
      ['/profile/password', null, 'shell'],
      ['/profile/tokens', null, 'shell'],
      ['/profile/notifications', null, 'shell'],
      ['/admin/users', 'user.read', 'shell'],
      ['/admin/departments', 'department.read', 'shell'],
      ['/admin/roles', 'role.read', 'shell'],
      ['/admin/audit', 'audit.read', 'shell'],
      ['/admin/settings', 'system.settings', 'shell'],
      ['/admin/notifications', 'notification.admin', 'shell'],
      ['/admin/jobs', 'job.manage', 'shell'],
      ['/admin/approvals', 'approval.admin', 'shell'],
      ['/admin/approvals/chain', 'approval.admin', 'shell'],
      ['/admin/calendar', 'calendar.manage', 'shell'],
      ['/admin/deadlines', 'deadline.read', 'shell'],
    ]);
    expect(new Set(WEB_MODULES.map((m) => m.name)).size).toBe(WEB_MODULES.length);
  });

  it('builds the menu: sections, order, icons, permissions and the approvals badge', () => {
    const menu = NAV_GROUPS.map((g) => [
      g.key,
      g.labelKey,
      g.items.map((i) => [i.path, i.labelKey, iconName(i.icon), i.permission ?? null, ...(i.badge ? [true] : [])]),
    ]);
    expect(menu).toEqual([
      [
        'work',
        'workspace.navGroup',
        [
          ['/', 'workspace.nav', 'HomeOutlined', null],
          ['/tasks', 'projects.navTasks', 'CarryOutOutlined', null],
        ],
      ],
      [
        'projects',
        'projects.navGroup',
        [
          ['/projects', 'projects.nav', 'ProjectOutlined', 'project.read'],
          ['/project-tracking', 'projectTracking.nav', 'TableOutlined', 'project.read'],
        ],
      ],
      [
        'customers',
        'customers.navGroup',
        [
          ['/customers', 'customers.nav', 'SolutionOutlined', 'customer.read'],
          ['/partners', 'partners.nav', 'ShopOutlined', 'partner.read'],
        ],
      ],
      [
        'intake',
        'leads.navGroup',
        [
          ['/leads', 'leads.nav', 'FileSearchOutlined', 'lead.read'],
          ['/leads/screening', 'leads.navScreening', 'FilterOutlined', 'lead.screen'],
          ['/activities', 'activities.nav', 'CommentOutlined', 'activity.read'],
          ['/visit-logs', 'visitLogs.nav', 'CarOutlined', 'activity.create'],
          ['/reports/visit-rollup', 'visitLogs.navRollup', 'BarChartOutlined', 'report.visit_rollup'],
          ['/cases', 'cases.nav', 'CustomerServiceOutlined', 'case.read'],
        ],
      ],
      [
        'approvals',
        'approvals.navGroup',
        [
          ['/approvals', 'approvals.nav', 'CheckSquareOutlined', null, true],
          ['/approvals/delegation', 'approvals.navDelegation', 'UserSwitchOutlined', null],
        ],
      ],
      [
        'me',
        'nav.groupMe',
        [
          ['/inbox', 'inbox.nav', 'BellOutlined', null],
          ['/profile', 'nav.profile', 'UserOutlined', null],
          ['/profile/password', 'nav.changePassword', 'LockOutlined', null],
          ['/profile/tokens', 'nav.apiTokens', 'KeyOutlined', null],
          ['/profile/notifications', 'notifyPrefs.nav', 'NotificationOutlined', null],
        ],
      ],
      [
        'admin',
        'nav.groupAdmin',
        [
          ['/admin/users', 'nav.users', 'TeamOutlined', 'user.read'],
          ['/admin/departments', 'nav.departments', 'ApartmentOutlined', 'department.read'],
          ['/admin/roles', 'nav.roles', 'SafetyCertificateOutlined', 'role.read'],
          ['/admin/audit', 'nav.audit', 'AuditOutlined', 'audit.read'],
          ['/admin/settings', 'nav.settings', 'SettingOutlined', 'system.settings'],
          ['/admin/notifications', 'notifyAdmin.nav', 'MailOutlined', 'notification.admin'],
          ['/admin/jobs', 'jobsAdmin.nav', 'ScheduleOutlined', 'job.manage'],
          ['/admin/approvals', 'adminApprovals.nav', 'BranchesOutlined', 'approval.admin'],
          ['/admin/calendar', 'calendar.nav', 'CalendarOutlined', 'calendar.manage'],
          ['/admin/deadlines', 'deadlines.nav', 'FieldTimeOutlined', 'deadline.read'],
        ],
      ],
    ]);
  });

  it('selects the longest menu path that prefixes the location', () => {
    expect(selectedNavKey('/')).toBe('/');
    expect(selectedNavKey('/leads/screening')).toBe('/leads/screening');
    expect(selectedNavKey('/leads/123')).toBe('/leads');
    expect(selectedNavKey('/admin/approvals/chain')).toBe('/admin/approvals');
    expect(selectedNavKey('/profile/notifications')).toBe('/profile/notifications');
  });
});
