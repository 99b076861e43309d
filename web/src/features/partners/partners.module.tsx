import { ShopOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { partnersContract } from '../../../../core/crm/crm.contract.ts';

/** 渠道商 / 经销商: the list and the partner page. */
export const partnersModule: WebModule<typeof partnersContract> = defineWebModule({
  name: 'partners',
  routes: [
    { path: '/partners', page: lazyPage(() => import('./pages/partners-page.tsx'), 'PartnersPage'), permission: 'partner.read' },
    {
      path: '/partners/:id',
      page: lazyPage(() => import('./pages/partner-detail-page.tsx'), 'PartnerDetailPage'),
      permission: 'partner.read',
    },
  ],
  nav: [{ section: 'customers', path: '/partners', labelKey: 'partners.nav', icon: <ShopOutlined />, permission: 'partner.read' }],
});
