import { BranchesOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { approvalProcessesContract } from '../../../../core/approvals/approvals.contract.ts';

/** 审批流程: the registered processes and the chain editor. */
export const adminApprovalsModule: WebModule<typeof approvalProcessesContract> = defineWebModule({
  name: 'admin-approvals',
  routes: [
    {
      path: '/admin/approvals',
      page: lazyPage(() => import('./pages/processes-page.tsx'), 'ApprovalProcessesPage'),
      permission: 'approval.admin',
    },
    {
      path: '/admin/approvals/chain',
      page: lazyPage(() => import('./pages/chain-editor-page.tsx'), 'ChainEditorPage'),
      permission: 'approval.admin',
    },
  ],
  nav: [
    {
      section: 'admin',
      path: '/admin/approvals',
      labelKey: 'adminApprovals.nav',
      icon: <BranchesOutlined />,
      permission: 'approval.admin',
    },
  ],
});
