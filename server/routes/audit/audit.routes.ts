import { AuditPage, AuditQuery, AuditVerifyResult } from '../../../core/schemas/org.schema.ts';
import { exportAudit } from '../../commands/export-audit.ts';
import { listAudit } from '../../queries/audit.ts';
import { verifyAuditChain } from '../../audit/audit-log.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['audit'];
const ExportQuery = AuditQuery.omit({ page: true, pageSize: true });

export async function auditRoutes(api: Api, services: AppServices) {
  api.get('/audit', {
    config: { access: { permission: 'audit.read' } },
    schema: { tags, summary: '审计日志 Audit log', querystring: AuditQuery, response: { 200: AuditPage, ...errorResponses } },
  }, async (req) => listAudit(services.db, req.query));

  api.get('/audit/export.xlsx', {
    config: { access: { permission: 'audit.export' } },
    schema: { tags, summary: '导出审计日志 Export the audit log (.xlsx)', querystring: ExportQuery },
  }, async (req, reply) => {
    const ctx = ctxOf(req, services);
    const { buffer } = await exportAudit(ctx, req.query);
    const stamp = ctx.now.toISOString().slice(0, 10).replace(/-/g, '');
    const name = `${req.actor.locale === 'en' ? 'audit-log' : '审计日志'}-${stamp}.xlsx`;
    return reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="audit-log-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(buffer);
  });

  api.get('/audit/verify', {
    config: { access: { permission: 'audit.verify' } },
    schema: { tags, summary: '校验审计链 Verify the hash chain', response: { 200: AuditVerifyResult, ...errorResponses } },
  }, async () => verifyAuditChain(services.db));
}
