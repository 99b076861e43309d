/**
 * The organisation's integrity rules, checked inside the commands' transactions: departments and
 * users inside the actor's data scope, roles the actor may hand out, active users for manager and
 * head fields, and someone always left who can manage roles.
 */

import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import { recordInScope, type DataScope } from '../../../core/permissions.ts';
import { rowsOf, type Db } from '../../db/client.ts';
import { departments, rolePermissions, roles, users } from '../../db/schema.ts';
import type { Actor } from '../../policies/actor.ts';
import { departmentSubtree, hasPermission } from '../../policies/policy.ts';

/** A department (or "no department") the actor may place records in under the given scope. */
export async function assertDepartmentInScope(db: Db, actor: Actor, scope: DataScope, departmentId: string | null): Promise<void> {
  if (departmentId) {
    const rows = await db
      .select({ id: departments.id, active: departments.active })
      .from(departments)
      .where(eq(departments.id, departmentId))
      .limit(1);
    if (!rows[0]) throw new AppError('validation_failed', {}, { fields: { 'body.departmentId': 'unknown department' } });
  }
  if (scope === 'all') return;
  const subtree = new Set(await departmentSubtree(db, actor.departmentId));
  const ok = recordInScope(
    scope,
    { userId: actor.userId ?? '', departmentId: actor.departmentId },
    { userId: null, departmentId },
    subtree,
  );
  if (!ok) throw new AppError('forbidden', {}, { reason: 'department outside your data scope' });
}

/** Whether a user record is inside the actor's scope (for updates): out of scope reads as 404. */
export async function assertUserInScope(
  db: Db,
  actor: Actor,
  scope: DataScope,
  user: { id: string; departmentId: string | null },
): Promise<void> {
  if (scope === 'all') return;
  const subtree = new Set(await departmentSubtree(db, actor.departmentId));
  const ok = recordInScope(
    scope,
    { userId: actor.userId ?? '', departmentId: actor.departmentId },
    { userId: user.id, departmentId: user.departmentId },
    subtree,
  );
  if (!ok) throw new AppError('not_found');
}

/**
 * Roles exist, and the actor may hand them out: without `role.manage`, only roles whose every
 * permission the actor already holds (no privilege escalation through user editing).
 */
export async function assertRolesAssignable(db: Db, actor: Actor, roleIds: readonly string[]): Promise<void> {
  if (!roleIds.length) return;
  const unique = [...new Set(roleIds)];
  const found = await db.select({ id: roles.id }).from(roles).where(inArray(roles.id, unique));
  if (found.length !== unique.length) throw new AppError('validation_failed', {}, { fields: { 'body.roleIds': 'unknown role' } });
  if (hasPermission(actor, 'role.manage')) return;
  const perms = await db.select().from(rolePermissions).where(inArray(rolePermissions.roleId, unique));
  const missing = perms.filter((p) => !actor.grants.has(p.permission as never));
  if (missing.length)
    throw new AppError(
      'forbidden',
      {},
      { reason: 'cannot grant permissions you do not hold', permissions: [...new Set(missing.map((m) => m.permission))] },
    );
}

/** A user id that exists and is active (for manager / department head fields). */
export async function assertActiveUser(db: Db, userId: string | null | undefined, field: string): Promise<void> {
  if (!userId) return;
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .limit(1);
  if (!rows[0]) throw new AppError('validation_failed', {}, { fields: { [`body.${field}`]: 'unknown or inactive user' } });
}

/** At least one active user must keep `role.manage`, or nobody could ever repair the roles. */
export async function assertSomeoneCanManageRoles(db: Db): Promise<void> {
  const res = await db.execute(sql`
    SELECT count(*)::int AS n FROM users u
    JOIN user_roles ur ON ur.user_id = u.id
    JOIN role_permissions rp ON rp.role_id = ur.role_id AND rp.permission = 'role.manage'
    WHERE u.active`);
  if ((rowsOf<{ n: number }>(res)[0]?.n ?? 0) === 0) {
    throw new AppError('conflict_state', {
      reason: '至少需要保留一名拥有“管理角色与权限”的启用用户 / at least one active user must keep role.manage',
    });
  }
}
