import type { ReactNode } from 'react';
import {
  BellOutlined, MailOutlined, NotificationOutlined, ScheduleOutlined,
  HomeOutlined, CarryOutOutlined, ProjectOutlined, TableOutlined,
  CalendarOutlined, FieldTimeOutlined,
  BranchesOutlined, CheckSquareOutlined, UserSwitchOutlined,
  ApartmentOutlined, AuditOutlined, KeyOutlined, LockOutlined, SafetyCertificateOutlined, SettingOutlined, TeamOutlined, UserOutlined,
} from '@ant-design/icons';
import { ShopOutlined, SolutionOutlined } from '@ant-design/icons';
import { BarChartOutlined, CarOutlined, CommentOutlined, CustomerServiceOutlined, FileSearchOutlined, FilterOutlined } from '@ant-design/icons';
import type { Permission } from '../../../core/permissions.ts';
import type { Me } from '../shared/api/types.ts';
import { can } from '../features/auth/hooks/use-session.ts';
import { ApprovalNavBadge } from '../features/approvals/components/approval-nav-badge.tsx';

export interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** shown only when the user's grants contain this permission */
  permission?: Permission;
  /** rendered after the label (e.g. a count badge) */
  badge?: ReactNode;
}

export interface NavGroup {
  key: string;
  labelKey: string;
  items: NavItem[];
}

/** Every module that exists; the menu shows the ones the user's roles grant. */
export const NAV_GROUPS: NavGroup[] = [
  {
    key: 'work',
    labelKey: 'workspace.navGroup',
    items: [
      { path: '/', labelKey: 'workspace.nav', icon: <HomeOutlined /> },
      { path: '/tasks', labelKey: 'projects.navTasks', icon: <CarryOutOutlined /> },
    ],
  },
  {
    key: 'projects',
    labelKey: 'projects.navGroup',
    items: [
      { path: '/projects', labelKey: 'projects.nav', icon: <ProjectOutlined />, permission: 'project.read' },
      { path: '/project-tracking', labelKey: 'projectTracking.nav', icon: <TableOutlined />, permission: 'project.read' },
    ],
  },
  {
    key: 'customers',
    labelKey: 'customers.navGroup',
    items: [
      { path: '/customers', labelKey: 'customers.nav', icon: <SolutionOutlined />, permission: 'customer.read' },
      { path: '/partners', labelKey: 'partners.nav', icon: <ShopOutlined />, permission: 'partner.read' },
    ],
  },
  {
    key: 'intake',
    labelKey: 'leads.navGroup',
    items: [
      { path: '/leads', labelKey: 'leads.nav', icon: <FileSearchOutlined />, permission: 'lead.read' },
      { path: '/leads/screening', labelKey: 'leads.navScreening', icon: <FilterOutlined />, permission: 'lead.screen' },
      { path: '/activities', labelKey: 'activities.nav', icon: <CommentOutlined />, permission: 'activity.read' },
      { path: '/visit-logs', labelKey: 'visitLogs.nav', icon: <CarOutlined />, permission: 'activity.create' },
      { path: '/reports/visit-rollup', labelKey: 'visitLogs.navRollup', icon: <BarChartOutlined />, permission: 'report.visit_rollup' },
      { path: '/cases', labelKey: 'cases.nav', icon: <CustomerServiceOutlined />, permission: 'case.read' },
    ],
  },
  {
    key: 'approvals',
    labelKey: 'approvals.navGroup',
    items: [
      { path: '/approvals', labelKey: 'approvals.nav', icon: <CheckSquareOutlined />, badge: <ApprovalNavBadge /> },
      { path: '/approvals/delegation', labelKey: 'approvals.navDelegation', icon: <UserSwitchOutlined /> },
    ],
  },
  {
    key: 'me',
    labelKey: 'nav.groupMe',
    items: [
      { path: '/inbox', labelKey: 'inbox.nav', icon: <BellOutlined /> },
      { path: '/profile', labelKey: 'nav.profile', icon: <UserOutlined /> },
      { path: '/profile/password', labelKey: 'nav.changePassword', icon: <LockOutlined /> },
      { path: '/profile/tokens', labelKey: 'nav.apiTokens', icon: <KeyOutlined /> },
      { path: '/profile/notifications', labelKey: 'notifyPrefs.nav', icon: <NotificationOutlined /> },
    ],
  },
  {
    key: 'admin',
    labelKey: 'nav.groupAdmin',
    items: [
      { path: '/admin/users', labelKey: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' },
      { path: '/admin/departments', labelKey: 'nav.departments', icon: <ApartmentOutlined />, permission: 'department.read' },
      { path: '/admin/roles', labelKey: 'nav.roles', icon: <SafetyCertificateOutlined />, permission: 'role.read' },
      { path: '/admin/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
      { path: '/admin/settings', labelKey: 'nav.settings', icon: <SettingOutlined />, permission: 'system.settings' },
      { path: '/admin/notifications', labelKey: 'notifyAdmin.nav', icon: <MailOutlined />, permission: 'notification.admin' },
      { path: '/admin/jobs', labelKey: 'jobsAdmin.nav', icon: <ScheduleOutlined />, permission: 'job.manage' },
      { path: '/admin/approvals', labelKey: 'adminApprovals.nav', icon: <BranchesOutlined />, permission: 'approval.admin' },
      { path: '/admin/calendar', labelKey: 'calendar.nav', icon: <CalendarOutlined />, permission: 'calendar.manage' },
      { path: '/admin/deadlines', labelKey: 'deadlines.nav', icon: <FieldTimeOutlined />, permission: 'deadline.read' },
    ],
  },
];

export function visibleNav(me: Me): NavGroup[] {
  return NAV_GROUPS.map((g) => ({ ...g, items: g.items.filter((i) => !i.permission || can(me, i.permission)) })).filter(
    (g) => g.items.length > 0,
  );
}

/** The menu key for a location: the longest item path that prefixes it. */
export function selectedNavKey(pathname: string): string | undefined {
  let best: string | undefined;
  for (const g of NAV_GROUPS) {
    for (const i of g.items) {
      if ((pathname === i.path || pathname.startsWith(`${i.path}/`)) && (!best || i.path.length > best.length)) best = i.path;
    }
  }
  return best;
}
