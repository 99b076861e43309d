import { createHash } from 'node:crypto';

/** The fields covered by an audit row's hash, in a fixed canonical form. */
export interface AuditHashInput {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorKind: string;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: unknown;
  result: string;
  detail: string | null;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so jsonb's key reordering does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 over the canonical row content chained to the previous row's hash. */
export function auditHash(row: AuditHashInput): string {
  const body = canonicalJson({
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorKind: row.actorKind,
    ip: row.ip,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: row.changes ?? null,
    result: row.result,
    detail: row.detail,
  });
  return createHash('sha256').update(row.prevHash).update('\n').update(body).digest('hex');
}
