import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import type { Actor } from '../policies/actor.ts';
import { auditHash, GENESIS_HASH } from './audit-chain.ts';

export type Changes = Record<string, { before: unknown; after: unknown }>;

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Changes | null;
  result?: 'success' | 'failure';
  detail?: string | null;
  /** overrides the actor's own identity (e.g. a failed login names the attempted account) */
  actorOverride?: { id: string | null; name: string | null; kind?: string };
}

const CHAIN_LOCK = 727274002;

/**
 * Appends one audit row inside the caller's transaction. The chain lock serializes appends
 * so every row links to the one committed before it, on both engines.
 */
export async function appendAudit(tx: Db, actor: Actor, at: Date, event: AuditEvent): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const last = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const row = {
    at,
    actorId: event.actorOverride ? event.actorOverride.id : actor.userId,
    actorName: event.actorOverride ? event.actorOverride.name : actor.displayName,
    actorKind: event.actorOverride?.kind ?? actor.kind,
    ip: actor.ip,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    changes: event.changes ?? null,
    result: event.result ?? 'success',
    detail: event.detail ?? null,
    prevHash,
  };
  await tx.insert(auditLog).values({ ...row, hash: auditHash(row) });
}

/** Field-by-field difference of two flat records, for the audit `changes` column. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  hidden: readonly string[] = [],
): Changes | null {
  const out: Changes = {};
  for (const key of Object.keys(after)) {
    const a = after[key];
    if (a === undefined) continue;
    const b = before[key];
    if (JSON.stringify(normalize(b)) === JSON.stringify(normalize(a))) continue;
    out[key] = hidden.includes(key) ? { before: '***', after: '***' } : { before: normalize(b), after: normalize(a) };
  }
  return Object.keys(out).length ? out : null;
}

function normalize(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return [...v].map(normalize).sort();
  return v ?? null;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

/** Walks the whole chain in id order and reports the first row whose link or hash is wrong. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batch);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.prevHash !== prev) {
        return { ok: false, checked, firstBrokenId: r.id, reason: 'prev_hash does not match the previous row' };
      }
      const expected = auditHash({ ...r, changes: r.changes });
      if (expected !== r.hash) {
        return { ok: false, checked, firstBrokenId: r.id, reason: 'row content does not match its hash' };
      }
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
  return { ok: true, checked, firstBrokenId: null, reason: null };
}
