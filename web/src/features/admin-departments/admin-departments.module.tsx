import { ApartmentOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/web-module.ts';

/** 部门管理. */
export const adminDepartmentsModule = defineWebModule({
  name: 'admin-departments',
  routes: [{ path: '/admin/departments', page: lazyPage(() => import('./pages/departments-page.tsx'), 'DepartmentsPage'), permission: 'department.read' }],
  nav: [{ section: 'admin', path: '/admin/departments', labelKey: 'nav.departments', icon: <ApartmentOutlined />, permission: 'department.read' }],
});
