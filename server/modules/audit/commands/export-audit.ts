import ExcelJS from 'exceljs';
import type { Ctx } from '../../../kernel/context.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { auditMessages } from '../audit.messages.ts';
import { auditRowsForExport, type AuditFilter } from '../queries/audit.ts';
import { formatShanghai } from '../../../support/time.ts';

const HEADERS = {
  'zh-CN': ['序号', '时间（北京时间）', '操作人', '类型', 'IP', '操作', '对象类型', '对象 ID', '结果', '变更内容', '说明'],
  en: ['#', 'Time (Asia/Shanghai)', 'Actor', 'Kind', 'IP', 'Action', 'Entity type', 'Entity id', 'Result', 'Changes', 'Detail'],
} as const;

/** Builds the .xlsx of the filtered audit log; the export itself is audited. */
export async function exportAudit(ctx: Ctx, filter: AuditFilter): Promise<{ buffer: Buffer; rows: number }> {
  requirePermission(ctx.actor, 'audit.export');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bidflow';
  wb.created = ctx.now;
  const ws = wb.addWorksheet(auditMessages.format('export.sheet', ctx.actor.locale));
  ws.addRow([...HEADERS[ctx.actor.locale]]);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  let n = 0;
  for await (const r of auditRowsForExport(ctx.db, filter)) {
    ws.addRow([
      r.id,
      formatShanghai(new Date(r.at)),
      r.actorName ?? '',
      r.actorKind,
      r.ip ?? '',
      r.action,
      r.entityType,
      r.entityId ?? '',
      r.result === 'success' ? (ctx.actor.locale === 'en' ? 'success' : '成功') : ctx.actor.locale === 'en' ? 'failure' : '失败',
      r.changes ? JSON.stringify(r.changes) : '',
      r.detail ?? '',
    ]);
    n++;
  }
  [8, 20, 14, 8, 16, 24, 12, 38, 8, 60, 30].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await ctx.db.transaction((tx) =>
    appendAudit(tx, ctx.actor, ctx.now, {
      action: 'audit.export',
      entityType: 'audit_log',
      detail: `${n} rows; filter ${JSON.stringify(filter)}`,
    }),
  );
  return { buffer, rows: n };
}
