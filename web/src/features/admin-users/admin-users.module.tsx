import { TeamOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { usersContract } from '../../../../core/org/org.contract.ts';

/** 用户管理. */
export const adminUsersModule: WebModule<typeof usersContract> = defineWebModule({
  name: 'admin-users',
  routes: [{ path: '/admin/users', page: lazyPage(() => import('./pages/users-page.tsx'), 'UsersPage'), permission: 'user.read' }],
  nav: [{ section: 'admin', path: '/admin/users', labelKey: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' }],
});
