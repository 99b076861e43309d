import { AuditOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/web-module.ts';

/** 审计日志. */
export const adminAuditModule = defineWebModule({
  name: 'admin-audit',
  routes: [{ path: '/admin/audit', page: lazyPage(() => import('./pages/audit-page.tsx'), 'AuditPage'), permission: 'audit.read' }],
  nav: [{ section: 'admin', path: '/admin/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' }],
});
