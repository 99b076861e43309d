import type { ReactNode } from 'react';
import {
  ApartmentOutlined, AuditOutlined, KeyOutlined, LockOutlined, SafetyCertificateOutlined, SettingOutlined, TeamOutlined, UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '../../../core/permissions.ts';
import type { Me } from '../shared/api/types.ts';
import { can } from '../features/auth/hooks/use-session.ts';

export interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** shown only when the user's grants contain this permission */
  permission?: Permission;
}

export interface NavGroup {
  key: string;
  labelKey: string;
  items: NavItem[];
}

/** Every module that exists; the menu shows the ones the user's roles grant. */
export const NAV_GROUPS: NavGroup[] = [
  {
    key: 'me',
    labelKey: 'nav.groupMe',
    items: [
      { path: '/profile', labelKey: 'nav.profile', icon: <UserOutlined /> },
      { path: '/profile/password', labelKey: 'nav.changePassword', icon: <LockOutlined /> },
      { path: '/profile/tokens', labelKey: 'nav.apiTokens', icon: <KeyOutlined /> },
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
