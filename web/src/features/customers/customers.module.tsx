import { SolutionOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { contactsContract, customersContract, searchContract } from '../../../../core/crm/crm.contract.ts';

/** 客户: the list and the customer page. */
export const customersModule: WebModule<typeof customersContract | typeof contactsContract | typeof searchContract> = defineWebModule({
  name: 'customers',
  routes: [
    { path: '/customers', page: lazyPage(() => import('./pages/customers-page.tsx'), 'CustomersPage'), permission: 'customer.read' },
    {
      path: '/customers/:id',
      page: lazyPage(() => import('./pages/customer-detail-page.tsx'), 'CustomerDetailPage'),
      permission: 'customer.read',
    },
  ],
  nav: [{ section: 'customers', path: '/customers', labelKey: 'customers.nav', icon: <SolutionOutlined />, permission: 'customer.read' }],
});
