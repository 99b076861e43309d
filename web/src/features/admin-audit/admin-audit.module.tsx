import { AuditOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { auditContract } from '../../../../core/audit/audit.contract.ts';

/** 审计日志. */
export const adminAuditModule: WebModule<typeof auditContract> = defineWebModule({
  name: 'admin-audit',
  routes: [{ path: '/admin/audit', page: lazyPage(() => import('./pages/audit-page.tsx'), 'AuditPage'), permission: 'audit.read' }],
  nav: [{ section: 'admin', path: '/admin/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' }],
});
