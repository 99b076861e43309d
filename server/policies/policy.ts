import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { DataScope, Permission } from '../../core/permissions.ts';
import { rowsOf, type Db } from '../db/client.ts';
import type { Actor } from './actor.ts';

/**
 * The one place that answers "may this actor do this". Deny by default: an actor without the
 * permission gets 403 (or 401 when not signed in).
 */
export function requirePermission(actor: Actor, permission: Permission): DataScope {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const scope = actor.grants.get(permission);
  if (!scope) throw new AppError('forbidden', {}, { permission });
  return scope;
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.kind !== 'anonymous' && actor.grants.has(permission);
}

/** The actor's department and every department below it. */
export async function departmentSubtree(db: Db, rootId: string | null): Promise<string[]> {
  if (!rootId) return [];
  const res = await db.execute(sql`
    WITH RECURSIVE tree AS (
      SELECT id FROM departments WHERE id = ${rootId}
      UNION ALL
      SELECT d.id FROM departments d JOIN tree t ON d.parent_id = t.id
    ) SELECT id FROM tree`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}

/**
 * A SQL condition restricting rows to the actor's data scope, given the columns that hold the
 * owning user and department of each row. Records outside it behave as if they did not exist.
 */
export async function scopeCondition(
  db: Db,
  actor: Actor,
  scope: DataScope,
  cols: { ownerUserId: SQL | null; departmentId: SQL | null },
): Promise<SQL> {
  switch (scope) {
    case 'all':
      return sql`TRUE`;
    case 'department_tree': {
      const ids = await departmentSubtree(db, actor.departmentId);
      if (!cols.departmentId || ids.length === 0) return sql`FALSE`;
      return sql`${cols.departmentId} IN (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`;
    }
    case 'department':
      if (!cols.departmentId || !actor.departmentId) return sql`FALSE`;
      return sql`${cols.departmentId} = ${actor.departmentId}::uuid`;
    case 'own':
      if (!cols.ownerUserId || !actor.userId) return sql`FALSE`;
      return sql`${cols.ownerUserId} = ${actor.userId}::uuid`;
  }
}
