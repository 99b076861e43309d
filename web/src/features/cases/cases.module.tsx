import { CustomerServiceOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { casesContract } from '../../../../core/cases/cases.contract.ts';

/** 咨询投诉: the list and the case page. */
export const casesModule: WebModule<typeof casesContract> = defineWebModule({
  name: 'cases',
  routes: [
    { path: '/cases', page: lazyPage(() => import('./pages/cases-page.tsx'), 'CasesPage'), permission: 'case.read' },
    { path: '/cases/:id', page: lazyPage(() => import('./pages/case-detail-page.tsx'), 'CaseDetailPage'), permission: 'case.read' },
  ],
  nav: [{ section: 'intake', path: '/cases', labelKey: 'cases.nav', icon: <CustomerServiceOutlined />, permission: 'case.read' }],
});
