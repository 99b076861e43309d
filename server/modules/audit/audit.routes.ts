import { auditContract } from '../../../core/audit/audit.contract.ts';
import { verifyAuditChain } from '../../audit/audit-log.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import { auditMessages } from './audit.messages.ts';
import { exportAudit } from './commands/export-audit.ts';
import { listAudit } from './queries/audit.ts';

/** The audit log: read, export (itself audited), verify the hash chain. */
export function auditRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, auditContract, {
    list: async ({ ctx, query }) => listAudit(ctx.db, query),
    exportXlsx: async ({ ctx, query, reply }) => {
      const { buffer } = await exportAudit(ctx, query);
      const stamp = ctx.now.toISOString().slice(0, 10).replace(/-/g, '');
      const base = auditMessages.l10n('export.file', { date: stamp });
      const name = `${base[ctx.actor.locale]}.xlsx`;
      return reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="${base.en}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(buffer);
    },
    verify: async ({ ctx }) => verifyAuditChain(ctx.db),
  });
}
