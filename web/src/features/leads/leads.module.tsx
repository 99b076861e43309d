import { FileSearchOutlined, FilterOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { intakeContract } from '../../../../core/intake/intake.contract.ts';

/** 信息登记: the information list, the screening inbox, registration and the lead page. */
export const leadsModule: WebModule<typeof intakeContract> = defineWebModule({
  name: 'leads',
  routes: [
    { path: '/leads', page: lazyPage(() => import('./pages/leads-page.tsx'), 'LeadsPage'), permission: 'lead.read' },
    { path: '/leads/screening', page: lazyPage(() => import('./pages/leads-page.tsx'), 'ScreeningPage'), permission: 'lead.screen' },
    { path: '/leads/new', page: lazyPage(() => import('./pages/lead-register-page.tsx'), 'LeadRegisterPage'), permission: 'lead.register' },
    {
      path: '/leads/partner-registration',
      page: lazyPage(() => import('./pages/partner-registration-page.tsx'), 'PartnerRegistrationPage'),
      permission: 'lead.register',
    },
    { path: '/leads/:id', page: lazyPage(() => import('./pages/lead-detail-page.tsx'), 'LeadDetailPage'), permission: 'lead.read' },
  ],
  nav: [
    { section: 'intake', path: '/leads', labelKey: 'leads.nav', icon: <FileSearchOutlined />, permission: 'lead.read' },
    { section: 'intake', path: '/leads/screening', labelKey: 'leads.navScreening', icon: <FilterOutlined />, permission: 'lead.screen' },
  ],
});
