import { SolutionOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/web-module.ts';

/** 客户: the list and the customer page. */
export const customersModule = defineWebModule({
  name: 'customers',
  routes: [
    { path: '/customers', page: lazyPage(() => import('./pages/customers-page.tsx'), 'CustomersPage'), permission: 'customer.read' },
    { path: '/customers/:id', page: lazyPage(() => import('./pages/customer-detail-page.tsx'), 'CustomerDetailPage'), permission: 'customer.read' },
  ],
  nav: [{ section: 'customers', path: '/customers', labelKey: 'customers.nav', icon: <SolutionOutlined />, permission: 'customer.read' }],
});
