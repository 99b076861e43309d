import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.ts';
import { rolePermissions, roles, userRoles, users } from '../db/schema.ts';

/**
 * Who is who, for the use cases that pick a person (a screener, a decider, the marketing
 * manager above an account manager, a handler): a user's brief, who holds a capability or a
 * role, and who is closest to a department.
 */

export interface UserBrief {
  id: string;
  displayName: string;
  departmentId: string | null;
  active: boolean;
}

export async function userBrief(tx: Db, id: string | null | undefined): Promise<UserBrief | null> {
  if (!id) return null;
  return (
    (
      await tx
        .select({ id: users.id, displayName: users.displayName, departmentId: users.departmentId, active: users.active })
        .from(users)
        .where(eq(users.id, id))
        .limit(1)
    )[0] ?? null
  );
}

/** Active users holding a capability through one of their roles. */
export async function activeHoldersOf(tx: Db, permission: string): Promise<UserBrief[]> {
  return tx
    .selectDistinct({ id: users.id, displayName: users.displayName, departmentId: users.departmentId, active: users.active })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleId, userRoles.roleId), eq(rolePermissions.permission, permission)))
    .where(eq(users.active, true));
}

/** Whether a user (active) holds a capability. */
export async function userHolds(tx: Db, userId: string, permission: string): Promise<boolean> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleId, userRoles.roleId), eq(rolePermissions.permission, permission)))
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .limit(1);
  return rows.length > 0;
}

/** Active users holding one of the roles (by code). */
export async function activeUsersWithRoles(tx: Db, roleCodes: readonly string[]): Promise<UserBrief[]> {
  if (roleCodes.length === 0) return [];
  return tx
    .selectDistinct({ id: users.id, displayName: users.displayName, departmentId: users.departmentId, active: users.active })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(users.active, true), inArray(roles.code, [...roleCodes])));
}

/** The departments from `departmentId` up to the root, nearest first. */
export async function departmentChain(tx: Db, departmentId: string | null): Promise<string[]> {
  if (!departmentId) return [];
  const res = await tx.execute(sql`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, 0 AS depth FROM departments WHERE id = ${departmentId}
      UNION ALL
      SELECT d.id, d.parent_id, up.depth + 1 FROM departments d JOIN up ON d.id = up.parent_id WHERE up.depth < 50
    ) SELECT id FROM up ORDER BY depth`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}

/**
 * Of a set of users, those closest to a department: the ones in the department itself, else in
 * its parent, and so on up; everybody when none is on the chain. Picks e.g. the marketing
 * manager above an account manager.
 */
export async function nearestTo<T extends { departmentId: string | null }>(
  tx: Db,
  candidates: readonly T[],
  departmentId: string | null,
): Promise<T[]> {
  const chain = await departmentChain(tx, departmentId);
  for (const d of chain) {
    const here = candidates.filter((c) => c.departmentId === d);
    if (here.length > 0) return here;
  }
  return [...candidates];
}
