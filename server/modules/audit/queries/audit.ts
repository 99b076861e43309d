import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { AuditEntryView } from '../../../../core/audit/audit.schema.ts';
import type { Db } from '../../../db/client.ts';
import { auditLog } from '../../../db/schema.ts';

export interface AuditFilter {
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  result?: 'success' | 'failure' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function where(f: AuditFilter): SQL | undefined {
  const c: SQL[] = [];
  if (f.actorId) c.push(eq(auditLog.actorId, f.actorId));
  if (f.entityType) c.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) c.push(eq(auditLog.entityId, f.entityId));
  if (f.action) c.push(eq(auditLog.action, f.action));
  if (f.result) c.push(eq(auditLog.result, f.result));
  if (f.from) c.push(gte(auditLog.at, new Date(f.from)));
  if (f.to) c.push(lte(auditLog.at, new Date(f.to)));
  return c.length ? and(...c) : undefined;
}

function view(r: typeof auditLog.$inferSelect): AuditEntryView {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    actorKind: r.actorKind,
    ip: r.ip,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    changes: (r.changes as AuditEntryView['changes']) ?? null,
    result: r.result === 'failure' ? 'failure' : 'success',
    detail: r.detail,
  };
}

/** Newest first, filtered, paginated. */
export async function listAudit(db: Db, f: AuditFilter & { page: number; pageSize: number }) {
  const w = where(f);
  const [total] = await db.select({ n: count() }).from(auditLog).where(w);
  const rows = await db
    .select()
    .from(auditLog)
    .where(w)
    .orderBy(desc(auditLog.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map(view), total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

export const AUDIT_EXPORT_LIMIT = 100_000;

/** Up to AUDIT_EXPORT_LIMIT rows for an export, newest first, in batches. */
export async function* auditRowsForExport(db: Db, f: AuditFilter): AsyncGenerator<AuditEntryView> {
  const w = where(f);
  let sent = 0;
  const batch = 2000;
  while (sent < AUDIT_EXPORT_LIMIT) {
    const rows = await db.select().from(auditLog).where(w).orderBy(desc(auditLog.id)).limit(batch).offset(sent);
    for (const r of rows) yield view(r);
    sent += rows.length;
    if (rows.length < batch) break;
  }
}
