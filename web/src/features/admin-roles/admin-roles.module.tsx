import { SafetyCertificateOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { rolesContract } from '../../../../core/org/org.contract.ts';

/** 角色与权限. */
export const adminRolesModule: WebModule<typeof rolesContract> = defineWebModule({
  name: 'admin-roles',
  routes: [{ path: '/admin/roles', page: lazyPage(() => import('./pages/roles-page.tsx'), 'RolesPage'), permission: 'role.read' }],
  nav: [{ section: 'admin', path: '/admin/roles', labelKey: 'nav.roles', icon: <SafetyCertificateOutlined />, permission: 'role.read' }],
});
