import { approvalProcessesContract, approvalsContract } from '../../../core/approvals/approvals.contract.ts';
import { APPROVAL_DEFAULT_GRANTS, APPROVAL_PERMISSIONS } from '../../../core/approvals/approvals.permissions.ts';
import { approvalEventTypes } from '../../approvals/effects.ts';
import { defineModule } from '../define-module.ts';
import { approvalsMessages } from './approvals.messages.ts';
import { approvalsRoutes } from './approvals.routes.ts';

/**
 * 审批: the HTTP surface of the approval engine (server/approvals/) — my approvals, the actions
 * on a request, attachments, delegation, and the chain editor — and the engine's notification
 * event types. Subject types and processes are the business modules' own (`approvalSubjects`,
 * `approvalProcesses` of their definitions).
 */
export const approvalsModule = defineModule({
  name: 'approvals',
  permissions: APPROVAL_PERMISSIONS,
  defaultGrants: APPROVAL_DEFAULT_GRANTS,
  contracts: [approvalsContract, approvalProcessesContract],
  routes: approvalsRoutes,
  messages: approvalsMessages,
  eventTypes: approvalEventTypes,
});
