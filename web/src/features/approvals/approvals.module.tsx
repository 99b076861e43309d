import { CheckSquareOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import { ApprovalNavBadge } from './components/approval-nav-badge.tsx';
import type { approvalsContract } from '../../../../core/approvals/approvals.contract.ts';

/** 我的审批 (with the count badge in the menu), the approval page and 代理设置. */
export const approvalsModule: WebModule<typeof approvalsContract> = defineWebModule({
  name: 'approvals',
  routes: [
    { path: '/approvals', page: lazyPage(() => import('./pages/my-approvals-page.tsx'), 'MyApprovalsPage') },
    { path: '/approvals/delegation', page: lazyPage(() => import('./pages/delegation-page.tsx'), 'DelegationPage') },
    { path: '/approvals/:id', page: lazyPage(() => import('./pages/approval-detail-page.tsx'), 'ApprovalDetailPage') },
  ],
  nav: [
    { section: 'approvals', path: '/approvals', labelKey: 'approvals.nav', icon: <CheckSquareOutlined />, badge: <ApprovalNavBadge /> },
    { section: 'approvals', path: '/approvals/delegation', labelKey: 'approvals.navDelegation', icon: <UserSwitchOutlined /> },
  ],
});
