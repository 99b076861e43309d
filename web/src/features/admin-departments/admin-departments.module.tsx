import { ApartmentOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { departmentsContract } from '../../../../core/org/org.contract.ts';

/** 部门管理. */
export const adminDepartmentsModule: WebModule<typeof departmentsContract> = defineWebModule({
  name: 'admin-departments',
  routes: [
    {
      path: '/admin/departments',
      page: lazyPage(() => import('./pages/departments-page.tsx'), 'DepartmentsPage'),
      permission: 'department.read',
    },
  ],
  nav: [
    {
      section: 'admin',
      path: '/admin/departments',
      labelKey: 'nav.departments',
      icon: <ApartmentOutlined />,
      permission: 'department.read',
    },
  ],
});
