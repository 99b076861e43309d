import { auditContract } from '../../../core/audit/audit.contract.ts';
import { AUDIT_DEFAULT_GRANTS, AUDIT_PERMISSIONS } from '../../../core/audit/audit.permissions.ts';
import { defineModule } from '../define-module.ts';
import { auditMessages } from './audit.messages.ts';
import { auditRoutes } from './audit.routes.ts';

/**
 * The audit screen over the append-only, hash-chained audit log. Writing the log
 * (`appendAudit`) and verifying the chain are platform services in server/audit/.
 */
export const auditModule = defineModule({
  name: 'audit',
  permissions: AUDIT_PERMISSIONS,
  defaultGrants: AUDIT_DEFAULT_GRANTS,
  contracts: [auditContract],
  routes: auditRoutes,
  messages: auditMessages,
});
